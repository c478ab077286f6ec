import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InviteDirectory } from './invite-directory';
import type { ParticipationItem } from './participations-query';
import { operation, renderWithClient } from './test-support';

// The directory as a coordinator reads it: international organisations in their own group first,
// then each country by its name, agencies already taking part marked and not offered again.

const agency = (id: string, name: string, acronym: string | null, countryCode: string | null, kind: string, active = true) => ({
  __typename: 'Agency',
  id,
  name,
  acronym,
  countryCode,
  kind,
  active,
});

const DIRECTORY = [
  agency('a-th', 'Thai Customs Department', null, 'TH', 'CUSTOMS'),
  agency('a-interpol', 'INTERPOL General Secretariat', 'INTERPOL', null, 'INTERNATIONAL_ORGANIZATION'),
  agency('a-my-ncb', 'INTERPOL NCB Kuala Lumpur', 'NCB Kuala Lumpur', 'MY', 'INTERPOL_NCB'),
  agency('a-my', 'Royal Malaysian Customs Department', 'JKDM', 'MY', 'CUSTOMS'),
  agency('a-af', 'Afghanistan Customs Department', 'ACD', 'AF', 'CUSTOMS'),
  agency('a-old', 'Former Customs Service', null, 'TH', 'CUSTOMS', false),
  agency('a-wco', 'World Customs Organization Secretariat', 'WCO', null, 'INTERNATIONAL_ORGANIZATION'),
];

const participation = (agencyId: string, status: ParticipationItem['status']): ParticipationItem => {
  const found = DIRECTORY.find((item) => item.id === agencyId)!;
  return {
    id: `p-${agencyId}`,
    status,
    role: 'PARTICIPATING',
    invitedAt: '2026-11-01T00:00:00Z',
    respondedAt: null,
    readinessAcknowledgedAt: null,
    agency: {
      id: found.id,
      name: found.name,
      acronym: found.acronym,
      countryCode: found.countryCode,
      kind: found.kind as ParticipationItem['agency']['kind'],
    },
    contactPoints: [],
  };
};

function renderDirectory(participations: ParticipationItem[], mutations: unknown[] = []) {
  return renderWithClient(<InviteDirectory participations={participations} />, {
    queries: {
      InviteDirectory: {
        agencies: { __typename: 'AgencyConnection', edges: DIRECTORY.map((node) => ({ node })), pageInfo: { hasNextPage: false } },
      },
    },
    mutations,
  });
}

describe('the invite directory', () => {
  it('groups the agencies by country in the reader’s language, international organisations first, and leaves out deactivated ones', () => {
    renderDirectory([]);

    const headers = screen.getAllByRole('rowheader').filter((header) => header.getAttribute('scope') === 'rowgroup');
    expect(headers.map((header) => header.textContent)).toEqual([
      'International organisations',
      'Afghanistan (AF)',
      'Malaysia (MY)',
      'Thailand (TH)',
    ]);

    const malaysia = screen.getByRole('rowgroup', { name: 'Malaysia (MY)' });
    expect(
      within(malaysia)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('rowheader')[0]!.textContent),
    ).toEqual(['INTERPOL NCB Kuala Lumpur (NCB Kuala Lumpur)', 'Royal Malaysian Customs Department (JKDM)']);
    const international = screen.getByRole('rowgroup', { name: 'International organisations' });
    expect(within(international).getByText('INTERPOL General Secretariat (INTERPOL)')).toBeInTheDocument();
    expect(within(international).getAllByText('International organisation')).toHaveLength(2);

    expect(screen.queryByText(/Former Customs Service/)).not.toBeInTheDocument();
  });

  it('marks agencies already taking part and offers an invitation again only to those that declined or were withdrawn', () => {
    renderDirectory([participation('a-my', 'ACCEPTED'), participation('a-interpol', 'INVITED'), participation('a-th', 'DECLINED')]);

    const malaysian = screen.getByRole('row', { name: /Royal Malaysian Customs Department/ });
    expect(within(malaysian).getByText('Accepted')).toBeInTheDocument();
    expect(within(malaysian).queryByRole('button')).not.toBeInTheDocument();

    const interpol = screen.getByRole('row', { name: /INTERPOL General Secretariat/ });
    expect(within(interpol).getByText('Invited, no answer yet')).toBeInTheDocument();
    expect(within(interpol).queryByRole('button')).not.toBeInTheDocument();

    const thai = screen.getByRole('row', { name: /Thai Customs Department/ });
    expect(within(thai).getByText('Declined')).toBeInTheDocument();
    expect(within(thai).getByRole('button', { name: 'Invite Thai Customs Department again' })).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Invite INTERPOL NCB Kuala Lumpur' })).toBeInTheDocument();
  });

  it('invites an agency in the role chosen on its row and says so there', async () => {
    const { user, sentInputs } = renderDirectory(
      [],
      [
        {
          inviteAgency: {
            __typename: 'Participation',
            id: 'p-new',
            status: 'INVITED',
            role: 'COORDINATING',
            invitedAt: '2026-11-02T00:00:00Z',
          },
        },
      ],
    );

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Role in the operation for INTERPOL General Secretariat' }),
      'COORDINATING',
    );
    await user.click(screen.getByRole('button', { name: 'Invite INTERPOL General Secretariat' }));

    expect(sentInputs()).toEqual([{ operationId: operation.id, agencyId: 'a-interpol', role: 'COORDINATING' }]);
    expect(
      await within(screen.getByRole('row', { name: /INTERPOL General Secretariat/ })).findByText('Invitation sent as Coordinating.'),
    ).toBeInTheDocument();
  });

  it('shows a refusal in words on the agency’s row', async () => {
    const { user } = renderDirectory(
      [],
      [
        {
          inviteAgency: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'Invalid input',
            fieldErrors: [{ path: ['agencyId'], message: 'Already invited' }],
          },
        },
      ],
    );

    await user.click(screen.getByRole('button', { name: 'Invite Afghanistan Customs Department' }));

    expect(
      await within(screen.getByRole('row', { name: /Afghanistan Customs Department/ })).findByText('This agency has already been invited'),
    ).toBeInTheDocument();
  });
});
