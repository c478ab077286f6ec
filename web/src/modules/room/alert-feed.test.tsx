import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderAnswered } from '../../fixed-answers.test-support';
import { SessionContext } from '../../shell/viewer-context';
import type { LinkSignal } from '../outbox/outbox';
import { OutboxProvider } from '../outbox/outbox-context';
import { AlertFeed } from './alert-feed';
import { thaiContactPoint } from './contact-point.test-support';
import type { RoomAlert } from './room-alert-fields';

// The feed as a contact point of agency B sees it, urql answering from fixed pages. happy-dom lays
// nothing out, so the scroll box and each row are given the sizes a browser would measure.

const NOW = new Date('2026-11-30T09:00:00.000Z').getTime();
const agency = (id: string, acronym: string) => ({ id, name: `${acronym} Customs`, acronym, countryCode: 'MY' });
const A = agency('A', 'RMCD');
const B = agency('B', 'TCD');

const viewer = thaiContactPoint(B);

function alertNumber(n: number, change: Partial<RoomAlert> = {}): RoomAlert {
  const minutesAgo = n * 2;
  return {
    id: `alert-${n}`,
    reference: `OP-1/A-${String(n).padStart(4, '0')}`,
    title: `Alert number ${n}`,
    severity: n % 10 === 0 ? 'CRITICAL' : 'MEDIUM',
    category: 'SHIPMENT',
    marking: 'AMBER',
    distribution: 'RESTRICTED',
    outcome: 'PENDING',
    raisedAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
    withdrawnAt: null,
    raisedByAgency: A,
    recipients: [
      {
        dueAt: new Date(NOW - minutesAgo * 60_000 + 30 * 60_000).toISOString(),
        acknowledgedAt: null,
        overdue: false,
        agency: B,
        feedback: null,
      },
    ],
    ...change,
  };
}

const page = (alerts: RoomAlert[], hasNextPage = false) => ({
  operationByCode: {
    id: 'op',
    alerts: { edges: alerts.map((node) => ({ cursor: `cursor-${node.id}`, node })), pageInfo: { hasNextPage } },
  },
});

const contactPoint = { id: 'op', code: 'OP-1', referenceTimeZone: 'Asia/Manila', myRole: 'CONTACT_POINT' } as const;

/** The link as the outbox finds it: up (writes go at once) or down (they wait). */
const link = (up: boolean): LinkSignal => ({ isUp: () => up, onChange: () => () => {} });

// Each test its own outbox, so that what waits in one is not sent in the next.
let outboxes = 0;

function renderFeed(
  alerts: RoomAlert[],
  mutations: unknown[] = [],
  patches = new Map<string, RoomAlert>(),
  linkUp = true,
  operation: Parameters<typeof AlertFeed>[0]['operation'] = contactPoint,
) {
  const outboxOf = `${viewer.id}-${++outboxes}`;
  const rootRoute = createRootRoute({ component: Outlet });
  const feed = () => <AlertFeed operation={operation} search={{}} patches={patches} onClearFilters={() => {}} />;
  const router = createRouter({
    routeTree: rootRoute.addChildren([
      createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code/room', component: feed }),
      createRoute({
        getParentRoute: () => rootRoute,
        path: '/operations/$code/alerts/$alertId',
        component: () => <h1>The alert’s page</h1>,
      }),
    ]),
    history: createMemoryHistory({ initialEntries: ['/operations/OP-1/room'] }),
  });
  return renderAnswered(<RouterProvider router={router as never} />, { queries: { RoomAlerts: page(alerts) }, mutations }, (children) => (
    <SessionContext value={{ viewer, timeZone: viewer.timeZone, endSession() {} }}>
      <OutboxProvider userId={outboxOf} link={link(linkUp)}>
        {children}
      </OutboxProvider>
    </SessionContext>
  ));
}

describe('the alert feed', () => {
  const sizes = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
  };
  beforeAll(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('feed-scroll') ? 600 : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('feed-item') ? 100 : 0;
      },
    });
  });
  afterAll(() => {
    vi.useRealTimers();
    if (sizes.clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', sizes.clientHeight);
    if (sizes.offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', sizes.offsetHeight);
  });

  it('draws only the rows in view out of hundreds, newest first', async () => {
    renderFeed(Array.from({ length: 300 }, (_, index) => alertNumber(index + 1)));
    const feed = await screen.findByRole('feed', { name: 'Alerts, newest first' });
    const rows = within(feed).getAllByRole('article');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]).toHaveAccessibleName('OP-1/A-0001 Alert number 1');
    expect(rows[0]).toHaveAttribute('aria-setsize', '300');
  });

  it('shows the marking, category, distribution, sender, outcome and a countdown to the deadline', async () => {
    renderFeed([alertNumber(1)]);
    const row = await screen.findByRole('article', { name: /Alert number 1/ });
    for (const text of [
      'TLP:AMBER',
      'Shipment',
      'Named agencies only',
      'From RMCD Customs (RMCD, Malaysia)',
      'Outcome: Pending',
      'Medium',
    ]) {
      expect(row).toHaveTextContent(text);
    }
    expect(within(row).getByText('due in 28 min')).toBeInTheDocument();
    // In view, not only on hover: the viewer's clock (Bangkok) and the operation's (Manila).
    expect(within(row).getByText('Deadline 16:28 GMT+7')).toBeInTheDocument();
    expect(within(row).getByText('operation time 17:28 GMT+8')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Acknowledge OP-1/A-0001' })).toBeEnabled();
  });

  it('shows an observer the deadline their agency has to meet, with no button they would be refused', async () => {
    renderFeed([alertNumber(1)], [], new Map(), true, { ...contactPoint, myRole: 'OBSERVER' });
    const row = await screen.findByRole('article', { name: /Alert number 1/ });
    expect(within(row).getByText('due in 28 min')).toBeInTheDocument();
    expect(row).toHaveTextContent('Awaiting your agency’s contact point');
    expect(within(row).queryByRole('button', { name: /Acknowledge/ })).toBeNull();
  });

  it('turns the countdown overdue, in words, once the deadline has passed', async () => {
    renderFeed([alertNumber(20)]);
    const row = await screen.findByRole('article', { name: /Alert number 20/ });
    expect(within(row).getByText('overdue by 10 min')).toHaveClass('overdue');
    expect(row).toHaveTextContent('Critical');
  });

  it('acknowledges for the viewer’s agency through the outbox, sent at once when the link is up', async () => {
    const { user, sentInputs } = renderFeed(
      [alertNumber(1)],
      [{ acknowledgeAlert: { __typename: 'Alert', id: 'alert-1', reference: 'OP-1/A-0001' } }],
    );
    vi.useRealTimers();
    await user.click(await screen.findByRole('button', { name: 'Acknowledge OP-1/A-0001' }));
    await waitFor(() => expect(sentInputs()).toEqual([{ alertId: 'alert-1' }]));
    const row = screen.getByRole('article', { name: /Alert number 1/ });
    expect(within(row).queryByRole('alert')).toBeNull();
    expect(row).not.toHaveTextContent('Waiting to send');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('keeps the acknowledgement in the outbox without a link, and shows it waiting in the row', async () => {
    const { user, sentInputs } = renderFeed([alertNumber(1)], [], new Map(), false);
    vi.useRealTimers();
    const button = await screen.findByRole('button', { name: 'Acknowledge OP-1/A-0001' });
    await user.click(button);
    const row = screen.getByRole('article', { name: /Alert number 1/ });
    await waitFor(() => expect(row).toHaveTextContent('Waiting to send, as soon as the link is back'));
    expect(button).toBeDisabled();
    expect(sentInputs()).toEqual([]);
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('shows a refused acknowledgement with its reason in the row', async () => {
    const refused = { __typename: 'PhaseRuleError', code: 'PHASE_RULE', message: 'Not in phase CLOSED', phase: 'CLOSED' };
    const { user } = renderFeed([alertNumber(1)], [{ acknowledgeAlert: refused }]);
    vi.useRealTimers();
    await user.click(await screen.findByRole('button', { name: 'Acknowledge OP-1/A-0001' }));
    const row = screen.getByRole('article', { name: /Alert number 1/ });
    expect(await within(row).findByRole('alert')).toHaveTextContent(/Closed/);
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('shows an alert as the stream last told it, over the page loaded', async () => {
    const withdrawn = alertNumber(1, { withdrawnAt: new Date(NOW).toISOString(), outcome: 'NOTHING_FOUND' });
    renderFeed([alertNumber(1)], [], new Map([['alert-1', withdrawn]]));
    const row = await screen.findByRole('article', { name: /Alert number 1/ });
    expect(row).toHaveTextContent('Withdrawn');
    expect(row).toHaveTextContent('Outcome: Nothing found');
    expect(within(row).queryByRole('button', { name: /Acknowledge/ })).toBeNull();
  });

  it('asks nothing of an agency it was not sent to', async () => {
    renderFeed([alertNumber(1, { recipients: [] })]);
    const row = await screen.findByRole('article', { name: /Alert number 1/ });
    expect(within(row).queryByRole('button', { name: /Acknowledge/ })).toBeNull();
  });

  it('opens the alert’s page from its title', async () => {
    const { user } = renderFeed([alertNumber(1)]);
    vi.useRealTimers();
    await user.click(await screen.findByRole('link', { name: 'Alert number 1' }));
    expect(await screen.findByRole('heading', { name: 'The alert’s page' })).toBeInTheDocument();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('says so when there is no alert yet', async () => {
    renderFeed([]);
    expect(await screen.findByText('No alert yet in this operation.')).toBeInTheDocument();
  });
});
