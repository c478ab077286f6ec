import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderAnswered } from '../../fixed-answers.test-support';
import { SessionContext, type Session } from '../../shell/viewer-context';
import { OperationContext, type OperationHeader } from '../operations/operation-context';
import { ReviewPage } from './review-page';

// A WCO reviewer's queue from a mocked API: the facts of each report, several verified together
// with one outcome each (one was decided by someone else meanwhile), and no decision offered on
// the reviewer's own report or to a contact point.

vi.mock('../live/use-operation-events', () => ({ useOperationEvents: () => {} }));

const operation: OperationHeader = {
  id: 'T3BlcmF0aW9uOjE',
  code: 'PGS-TEST-2026-01',
  name: 'Test operation',
  phase: 'OPERATIONAL',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  myRole: 'REVIEWER',
  referenceTimeZone: 'Asia/Bangkok',
};
const reviewer = { id: 'VXNlcjox', displayName: 'Amélie Laurent' };
const malaysia = { __typename: 'Agency', id: 'QWdlbmN5OjI', name: 'Royal Malaysian Customs Department', acronym: 'JKDM' };

const seizure = (number: number, fields: Record<string, unknown> = {}) => ({
  __typename: 'Seizure',
  id: `seizure-${number}`,
  reference: `PGS-TEST-2026-01/S-000${number}`,
  status: 'SUBMITTED',
  seizedAt: '2026-06-01T02:00:00.000Z',
  submittedAt: `2026-06-0${number}T03:00:00.000Z`,
  reportedAt: `2026-06-0${number}T03:00:00.000Z`,
  quantity: 24,
  unit: 'T',
  place: 'Port Klang, Westport',
  countryCode: 'MY',
  locationType: 'SEAPORT',
  detectionMethod: 'X_RAY',
  transportMode: 'SEA',
  concealment: 'Declared as NPK fertiliser',
  commodityDescription: null,
  commodity: { __typename: 'Commodity', id: 'c1', code: 'AMMONIUM_NITRATE', nameEn: 'Ammonium nitrate', nameFr: 'Nitrate d’ammonium' },
  reportingAgency: malaysia,
  reportedBy: { __typename: 'User', id: 'VXNlcjoy', displayName: 'Siti Aminah' },
  linkedAlerts: [{ __typename: 'Alert', id: 'a1', reference: 'PGS-TEST-2026-01/A-0001', title: 'Fertiliser declared to Manila' }],
  ...fields,
});
const queue = (seizures: unknown[], totalCount = seizures.length) => ({
  operation: {
    __typename: 'Operation',
    id: operation.id,
    seizures: {
      __typename: 'SeizureConnection',
      totalCount,
      edges: seizures.map((node) => ({ __typename: 'SeizureEdge', node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: seizures.length < totalCount },
    },
  },
});

const session = { viewer: { ...reviewer, agency: { id: 'QWdlbmN5OjE' } }, timeZone: 'Asia/Bangkok', endSession() {} } as unknown as Session;
/** The queue at its address, so that its links to alerts have a router to resolve them. */
function queuePage() {
  const rootRoute = createRootRoute({ component: Outlet });
  const route = createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/review', component: ReviewPage });
  const router = createRouter({
    routeTree: rootRoute.addChildren([route]),
    history: createMemoryHistory({ initialEntries: [`/operations/${operation.code}/review`] }),
  });
  return <RouterProvider router={router as never} />;
}

const as = (role: OperationHeader['myRole']) => (children: ReactNode) => (
  <SessionContext value={session}>
    <OperationContext value={{ ...operation, myRole: role }}>{children}</OperationContext>
  </SessionContext>
);

describe('the reviewer’s queue', () => {
  it('shows what a reviewer checks, newest first, and verifies several with an outcome each', async () => {
    const { user, sentInputs } = renderAnswered(
      queuePage(),
      {
        queries: { ReviewQueue: queue([seizure(1), seizure(2), seizure(3, { reportedBy: { __typename: 'User', ...reviewer } })]) },
        mutations: [
          { verifySeizure: { __typename: 'Seizure', id: 'seizure-1', status: 'VERIFIED' } },
          { verifySeizure: { __typename: 'ConflictError', code: 'CONFLICT', message: 'Someone changed this at the same time.' } },
        ],
      },
      as('REVIEWER'),
    );
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      expect.stringContaining('S-0003'),
      expect.stringContaining('S-0002'),
      expect.stringContaining('S-0001'),
    ]);
    const first = rows[3]!;
    expect(first.textContent).toContain('24 t Ammonium nitrate');
    expect(first.textContent).toContain('Detection: X-ray');
    expect(first.textContent).toContain('Royal Malaysian Customs Department (JKDM)');
    expect(within(first).getByRole('link', { name: 'PGS-TEST-2026-01/A-0001' })).toBeTruthy();
    // The reviewer's own report: seen, not decided by them.
    expect(within(rows[1]!).queryByRole('checkbox')).toBeNull();
    expect(rows[1]!.textContent).toContain('Your own report');

    await user.selectOptions(screen.getByLabelText('Order'), 'oldest');
    expect(within(screen.getAllByRole('row')[1]!).getByRole('rowheader').textContent).toContain('S-0001');

    await user.click(screen.getByRole('checkbox', { name: 'Select every report shown' }));
    await user.click(screen.getByRole('button', { name: 'Verify the 2 selected reports' }));
    // Sent oldest first, as shown: the first verified, the second decided by someone else meanwhile.
    await screen.findByText('PGS-TEST-2026-01/S-0001: verified.');
    expect(screen.getByText(/^PGS-TEST-2026-01\/S-0002: not done\. Someone changed this/)).toBeTruthy();
    expect(sentInputs()).toEqual([{ seizureId: 'seizure-1' }, { seizureId: 'seizure-2' }]);
  });

  it('rejects only with a reason', async () => {
    const { user, sentInputs } = renderAnswered(
      queuePage(),
      {
        queries: { ReviewQueue: queue([seizure(1)]) },
        mutations: [{ rejectSeizure: { __typename: 'Seizure', id: 'seizure-1', status: 'REJECTED' } }],
      },
      as('COORDINATOR'),
    );
    await user.click(await screen.findByRole('button', { name: 'Reject PGS-TEST-2026-01/S-0001…' }));
    await user.click(screen.getByRole('button', { name: 'Reject the report' }));
    expect(screen.getByText('Required')).toBeTruthy();
    expect(sentInputs()).toEqual([]);
    await user.type(screen.getByLabelText('Reason for rejecting PGS-TEST-2026-01/S-0001'), 'Give the net weight.');
    await user.click(screen.getByRole('button', { name: 'Reject the report' }));
    await screen.findByText('PGS-TEST-2026-01/S-0001: rejected; the agency has been told why.');
    expect(sentInputs()).toEqual([{ seizureId: 'seizure-1', reason: 'Give the net weight.' }]);
  });

  it('says how many older reports wait beyond the page it shows', async () => {
    renderAnswered(queuePage(), { queries: { ReviewQueue: queue([seizure(1), seizure(2)], 214) } }, as('REVIEWER'));
    expect((await screen.findByRole('status')).textContent).toBe('214 reports await verification');
    expect(
      screen.getByText('The newest 2 are shown: 212 older reports wait beyond them, and come into the list as these are decided.'),
    ).toBeTruthy();
  });

  it('offers a contact point no decision', async () => {
    renderAnswered(queuePage(), { queries: { ReviewQueue: queue([seizure(1)]) } }, as('CONTACT_POINT'));
    await screen.findByText('PGS-TEST-2026-01/S-0001');
    expect(screen.queryByRole('button', { name: /Verify|Reject/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
