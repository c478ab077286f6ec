import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { SessionContext, type Session } from '../../shell/viewer-context';
import { OperationContext, type OperationHeader } from '../operations/operation-context';
import { AuditPage } from './audit-page';

// The audit trail as a coordinator reads it, from a mocked API: each attempt in words, the
// override with its justification, the refusal with its reason, and older entries on request.

const operation: OperationHeader = {
  id: 'T3BlcmF0aW9uOjE',
  code: 'PGS-TEST-2026-01',
  name: 'Test operation',
  phase: 'OPERATIONAL',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  myRole: 'COORDINATOR',
  referenceTimeZone: 'Asia/Bangkok',
};

const wco = { __typename: 'Agency', id: 'QWdlbmN5OjE', name: 'World Customs Organization Secretariat', acronym: 'WCO', countryCode: null };
const malaysia = {
  __typename: 'Agency',
  id: 'QWdlbmN5OjI',
  name: 'Royal Malaysian Customs Department',
  acronym: 'JKDM',
  countryCode: 'MY',
};

const entry = (fields: Record<string, unknown>) => ({
  __typename: 'AuditEntry',
  occurredAt: '2026-06-01T08:00:00.000Z',
  targetType: 'Operation',
  targetId: '5e0c2f0a-0000-4000-8000-000000000001',
  outcome: 'SUCCEEDED',
  reason: null,
  requestId: 'req-1',
  sourceAddress: '203.0.113.7',
  details: null,
  actor: { __typename: 'User', id: 'VXNlcjox', displayName: 'Amélie Laurent' },
  actorAgency: wco,
  ...fields,
});

const trail = (entries: unknown[], hasNextPage: boolean) => ({
  data: {
    operation: {
      __typename: 'Operation',
      id: operation.id,
      auditTrail: {
        __typename: 'AuditEntryConnection',
        edges: entries.map((node, index) => ({ __typename: 'AuditEntryEdge', cursor: `${hasNextPage ? 'a' : 'b'}${index}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: null },
      },
    },
  },
});

const NEWEST = [
  entry({
    action: 'advancePhase',
    details: {
      from: 'PRE_OPERATIONAL',
      to: 'OPERATIONAL',
      overridden: true,
      justification: 'Confirmed by telephone.',
      overriddenCriteria: [{ key: 'readiness.acknowledged' }],
    },
  }),
  entry({
    action: 'advancePhase',
    outcome: 'REFUSED',
    reason: 'FORBIDDEN: Your role in this operation does not allow you to change the phase.',
    actor: { __typename: 'User', id: 'VXNlcjoy', displayName: 'Nurul Aina binti Hassan' },
    actorAgency: malaysia,
  }),
];
const OLDER = [
  entry({ action: 'createOperation' }),
  entry({ action: 'someFutureMutation', targetType: 'Participation', actor: null, actorAgency: null }),
];

function renderAuditPage() {
  const page = (variables: { after: string | null }) => (variables.after ? trail(OLDER, false) : trail(NEWEST, true));
  const client = {
    executeQuery: vi.fn((request: { variables: { after: string | null } }) => fromValue(page(request.variables))),
    // Older pages are asked once, outside any component: client.query(…).toPromise().
    query: vi.fn((_query: unknown, variables: { after: string | null }) => ({ toPromise: () => Promise.resolve(page(variables)) })),
    executeMutation: vi.fn(() => never),
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
  const session = { viewer: {}, timeZone: 'Europe/Brussels', endSession() {} } as unknown as Session;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IntlProvider locale="en-GB" defaultLocale="en-GB">
      <SessionContext value={session}>
        <Provider value={client}>
          <OperationContext value={operation}>{children}</OperationContext>
        </Provider>
      </SessionContext>
    </IntlProvider>
  );
  render(<AuditPage />, { wrapper });
  return userEvent.setup();
}

describe('the audit trail', () => {
  it('says each attempt in words: who, what, on what, with which outcome, from where', async () => {
    const user = renderAuditPage();
    const table = screen.getByRole('table', { name: 'Attempts to change the operation, newest first' });
    const [, override, refused] = within(table).getAllByRole('row');

    expect(within(override!).getByText('Amélie Laurent')).toBeInTheDocument();
    expect(within(override!).getByText('World Customs Organization Secretariat (WCO)')).toBeInTheDocument();
    expect(within(override!).getByText('Change the phase')).toBeInTheDocument();
    expect(within(override!).getByText('Override')).toBeInTheDocument();
    expect(within(override!).getByText('Pre-operational → Operational')).toBeInTheDocument();
    expect(within(override!).getByText('Every participating agency has acknowledged the readiness test')).toBeInTheDocument();
    expect(within(override!).getByText('Confirmed by telephone.')).toBeInTheDocument();
    expect(override).toHaveTextContent('Operation PGS-TEST-2026-01');
    expect(within(override!).getByText('Accepted')).toBeInTheDocument();
    expect(within(override!).getByText('203.0.113.7')).toBeInTheDocument();

    expect(within(refused!).getByText('Refused')).toBeInTheDocument();
    expect(within(refused!).getByText('Not allowed for their role')).toBeInTheDocument();
    expect(within(refused!).getByText('Royal Malaysian Customs Department (JKDM, Malaysia)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await screen.findByText('This is the first entry of the trail.')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(within(rows[3]!).getByText('Create the operation')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('Other action (someFutureMutation)')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('The system')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('Identifier beginning 5e0c2f0a')).toBeInTheDocument();
    expect(rows[3]).toHaveFocus();
  });
});
