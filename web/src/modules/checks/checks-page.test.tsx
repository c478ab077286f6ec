import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderAnswered } from '../../fixed-answers.test-support';
import { SessionContext, type Session } from '../../shell/viewer-context';
import { OperationContext, type OperationHeader } from '../operations/operation-context';
import { ChecksPage } from './checks-page';

// The register of checks as a Malaysian contact point keeps it: the totals of every agency so
// far, the agency's own entries, a day recorded, and a refusal in words where the rules refuse.

vi.mock('../live/use-operation-events', () => ({ useOperationEvents: () => {} }));

const operation: OperationHeader = {
  id: 'T3BlcmF0aW9uOjE',
  code: 'PGS-TEST-2026-01',
  name: 'Test operation',
  phase: 'OPERATIONAL',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  myRole: 'CONTACT_POINT',
  referenceTimeZone: 'Asia/Bangkok',
};
const malaysia = { __typename: 'Agency', id: 'QWdlbmN5OjI', name: 'Royal Malaysian Customs Department', acronym: 'JKDM' };
const thailand = { __typename: 'Agency', id: 'QWdlbmN5OjM', name: 'Thai Customs Department', acronym: 'TCD' };
const nitrate = {
  __typename: 'Commodity',
  id: 'Q29tbW9kaXR5OjE',
  code: 'AMMONIUM_NITRATE',
  nameEn: 'Ammonium nitrate',
  nameFr: 'Nitrate d’ammonium',
  defaultUnit: 'KG',
};

const register = {
  operation: {
    __typename: 'Operation',
    id: operation.id,
    plannedPhases: [
      { phase: 'PLANNING', startedAt: '2026-05-01T02:00:00Z', endedAt: '2026-06-01T00:00:00Z' },
      // 07:00 to 17:00 in Bangkok: the operation's days are 1 to 5 June there.
      { phase: 'OPERATIONAL', startedAt: '2026-06-01T00:00:00Z', endedAt: '2026-06-05T10:00:00Z' },
    ],
    commodities: [nitrate],
    licitShipmentChecks: [
      {
        __typename: 'LicitShipmentCheck',
        id: 'l1',
        checkedOn: '2026-06-01',
        shipments: 12,
        quantity: 4000,
        unit: 'KG',
        countryCode: 'MY',
        agency: malaysia,
        commodity: nitrate,
      },
      {
        __typename: 'LicitShipmentCheck',
        id: 'l2',
        checkedOn: '2026-06-01',
        shipments: 30,
        quantity: null,
        unit: null,
        countryCode: 'TH',
        agency: thailand,
        commodity: nitrate,
      },
    ],
    databaseChecks: [
      {
        __typename: 'DatabaseCheck',
        id: 'd1',
        checkedOn: '2026-06-01',
        database: 'WCO_CEN',
        checks: 40,
        hits: 2,
        countryCode: 'MY',
        agency: malaysia,
      },
      {
        __typename: 'DatabaseCheck',
        id: 'd2',
        checkedOn: '2026-06-02',
        database: 'WCO_CEN',
        checks: 10,
        hits: 1,
        countryCode: 'TH',
        agency: thailand,
      },
      {
        __typename: 'DatabaseCheck',
        id: 'd3',
        checkedOn: '2026-06-02',
        database: 'INTERPOL_SLTD',
        checks: 5,
        hits: 0,
        countryCode: 'TH',
        agency: thailand,
      },
    ],
  },
};

const session = { viewer: { agency: malaysia }, timeZone: 'Asia/Kuala_Lumpur', endSession() {} } as unknown as Session;
const around = (children: ReactNode) => (
  <SessionContext value={session}>
    <OperationContext value={operation}>{children}</OperationContext>
  </SessionContext>
);

const figure = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('the register of checks', () => {
  it('adds up every agency’s entries and lists the viewer’s agency’s own', async () => {
    renderAnswered(<ChecksPage />, { queries: { ChecksRegister: register } }, around);
    await screen.findByRole('heading', { name: 'Totals so far' });
    expect(figure('Licit shipments checked')).toBe('42');
    expect(figure('Database checks')).toBe('55');
    expect(figure('Database hits')).toBe('3');
    const byDatabase = screen.getByRole('table', { name: 'Checks and hits by database' });
    expect(within(byDatabase).getByRole('row', { name: /Customs Enforcement Network/ }).textContent).toContain('503');

    const own = screen.getByRole('table', { name: 'Licit shipments your agency checked, newest day first' });
    expect(within(own).getAllByRole('row')).toHaveLength(2);
    expect(within(own).getByText('4,000 kg')).toBeTruthy();
    const ownDatabases = screen.getByRole('table', { name: 'Database checks by your agency, newest day first' });
    expect(within(ownDatabases).getAllByRole('row')).toHaveLength(2);
  });

  it('records a day of database checks, and refuses more hits than checks before sending', async () => {
    const { user, sentInputs } = renderAnswered(
      <ChecksPage />,
      {
        queries: { ChecksRegister: register },
        mutations: [{ recordDatabaseChecks: { __typename: 'DatabaseCheck', id: 'd4' } }],
      },
      around,
    );
    const form = within((await screen.findByText('Database checks and hits')).closest('fieldset')!);
    // The operation's days in the page's words, its last one first: not the browser's date.
    const days = [...form.getByLabelText<HTMLSelectElement>('Day').options].map((option) => option.textContent);
    expect(days).toEqual(['Fri, 5 Jun 2026', 'Thu, 4 Jun 2026', 'Wed, 3 Jun 2026', 'Tue, 2 Jun 2026', 'Mon, 1 Jun 2026']);
    expect(form.getByLabelText('Day')).toHaveValue('2026-06-05');
    await user.selectOptions(form.getByLabelText('Day'), '2026-06-03');
    await user.selectOptions(form.getByLabelText('Database'), 'NATIONAL');
    await user.type(form.getByLabelText('Checks'), '7');
    await user.clear(form.getByLabelText('Hits'));
    await user.type(form.getByLabelText('Hits'), '9');
    await user.click(form.getByRole('button', { name: 'Record' }));
    expect(form.getByText('More hits than checks')).toBeTruthy();
    expect(sentInputs()).toEqual([]);

    await user.clear(form.getByLabelText('Hits'));
    await user.type(form.getByLabelText('Hits'), '2');
    await user.click(form.getByRole('button', { name: 'Record' }));
    await form.findByText('7 checks and 2 hits recorded for 3 Jun 2026.');
    expect(sentInputs()).toEqual([{ operationId: operation.id, checkedOn: '2026-06-03', database: 'NATIONAL', checks: 7, hits: 2 }]);
  });

  it('says in words why the server refused a licit shipments figure', async () => {
    const { user } = renderAnswered(
      <ChecksPage />,
      {
        queries: { ChecksRegister: register },
        mutations: [
          {
            recordLicitShipmentsChecked: {
              __typename: 'PhaseRuleError',
              code: 'PHASE_RULE',
              message: 'Recording checks is not possible while the operation is CLOSED.',
              phase: 'CLOSED',
            },
          },
        ],
      },
      around,
    );
    const form = within((await screen.findByText('Licit shipments checked', { selector: 'legend' })).closest('fieldset')!);
    await user.type(form.getByLabelText('Shipments'), '3');
    await user.click(form.getByRole('button', { name: 'Record' }));
    expect((await form.findByRole('alert')).textContent).toMatch(/Closed/);
  });

  it('offers no form to an observer, who reads the totals', async () => {
    renderAnswered(<ChecksPage />, { queries: { ChecksRegister: register } }, (children) => (
      <SessionContext value={session}>
        <OperationContext value={{ ...operation, myRole: 'OBSERVER' }}>{children}</OperationContext>
      </SessionContext>
    ));
    await screen.findByRole('heading', { name: 'Totals so far' });
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Your agency’s entries' })).toBeNull();
  });
});
