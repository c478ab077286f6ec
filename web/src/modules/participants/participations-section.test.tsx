import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ParticipationItem } from './participations-query';
import { ParticipationsSection } from './participations-section';
import { operation, planner, renderWithClient } from './test-support';

// Withdrawing an agency cannot be undone: the coordinator confirms it, with a reason, in a dialog,
// and nothing reaches the server before that.

const item = (
  id: string,
  name: string,
  acronym: string | null,
  countryCode: string | null,
  status: ParticipationItem['status'],
  role: ParticipationItem['role'],
): ParticipationItem => ({
  id: `p-${id}`,
  status,
  role,
  invitedAt: '2026-11-01T00:00:00Z',
  respondedAt: status === 'INVITED' ? null : '2026-11-02T00:00:00Z',
  readinessAcknowledgedAt: null,
  agency: { id, name, acronym, countryCode, kind: countryCode ? 'CUSTOMS' : 'INTERNATIONAL_ORGANIZATION' },
  contactPoints: status === 'ACCEPTED' && countryCode ? [{ id: `u-${id}`, displayName: 'Nurul Aina binti Hassan' }] : [],
});

const PARTICIPATIONS = [
  item(planner.agency.id, planner.agency.name, 'WCO', null, 'ACCEPTED', 'COORDINATING'),
  item('a-interpol', 'INTERPOL General Secretariat', 'INTERPOL', null, 'ACCEPTED', 'COORDINATING'),
  item('a-my', 'Royal Malaysian Customs Department', 'JKDM', 'MY', 'ACCEPTED', 'PARTICIPATING'),
  item('a-th', 'Thai Customs Department', null, 'TH', 'INVITED', 'PARTICIPATING'),
  item('a-af', 'Afghanistan Customs Department', 'ACD', 'AF', 'DECLINED', 'PARTICIPATING'),
];

const withdrawn = {
  withdrawParticipation: { __typename: 'Participation', id: 'p-a-my', status: 'WITHDRAWN', respondedAt: '2026-11-03T00:00:00Z' },
};

describe('the participating agencies', () => {
  it('lists them by status, in words with their count', () => {
    renderWithClient(<ParticipationsSection participations={PARTICIPATIONS} />);

    expect(screen.getByRole('heading', { level: 3, name: 'Accepted 3 agencies' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Invited, no answer yet 1 agency' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Declined 1 agency' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accepted (3)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Withdrawn (0)' })).toBeInTheDocument();
  });

  it('asks for confirmation and a reason before withdrawing an agency, and sends nothing until confirmed', async () => {
    const { user, sentInputs } = renderWithClient(<ParticipationsSection participations={PARTICIPATIONS} />, { mutations: [withdrawn] });

    await user.click(screen.getByRole('button', { name: 'Withdraw Royal Malaysian Customs Department' }));
    const dialog = screen.getByRole('dialog', { name: 'Withdraw Royal Malaysian Customs Department (JKDM, Malaysia)?' });
    expect(dialog).toHaveTextContent('The agency will no longer see the operation');
    expect(sentInputs()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sentInputs()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Withdraw Royal Malaysian Customs Department' }));
    const again = screen.getByRole('dialog');
    await user.click(within(again).getByRole('button', { name: 'Withdraw' }));
    expect(within(again).getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(/Required/);
    expect(sentInputs()).toEqual([]);

    await user.type(within(again).getByRole('textbox', { name: 'Reason' }), 'No longer able to staff the operation');
    await user.click(within(again).getByRole('button', { name: 'Withdraw' }));
    expect(sentInputs()).toEqual([{ operationId: operation.id, agencyId: 'a-my', reason: 'No longer able to staff the operation' }]);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Royal Malaysian Customs Department was withdrawn from the operation.'),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the dialog and the reason when the server refuses, and says why', async () => {
    const refused = {
      withdrawParticipation: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [{ path: ['agencyId'], message: 'This agency is not taking part' }],
      },
    };
    const { user } = renderWithClient(<ParticipationsSection participations={PARTICIPATIONS} />, { mutations: [refused] });

    await user.click(screen.getByRole('button', { name: 'Withdraw Thai Customs Department' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Invited by mistake');
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This agency is not taking part in the operation');
    expect(within(dialog).getByRole('textbox', { name: 'Reason' })).toHaveValue('Invited by mistake');
  });

  it('offers no withdrawal of a coordinating agency, and says why', () => {
    renderWithClient(<ParticipationsSection participations={PARTICIPATIONS} />);

    expect(screen.queryByRole('button', { name: /Withdraw INTERPOL/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Withdraw World Customs/ })).not.toBeInTheDocument();
    expect(screen.getByText(/A coordinating agency cannot be withdrawn/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Withdraw Afghanistan/ })).not.toBeInTheDocument();
  });
});
