import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { alertComments } from '@jointops/server/db/schema/alerts';
import { decodeGlobalId } from '@jointops/server/global-id';
import type { TestApp } from '../testkit/app';
import { withApp } from '../testkit/fixtures';
import { expectAccessible, openBrowser, screenshot, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { ensureWebBuilt } from '../testkit/web-build';

// A Thai contact point at a border post loses the link while the operations room is busy. In one
// tab she raises an alert, in another she acknowledges Malaysia's and comments on it, all offline;
// the three wait in her outbox, which survives a reload made while still offline: the service
// worker opens the app from its cache. Malaysia withdraws a second alert she answers while her live
// socket is still held. When the link comes back, both tabs see it: the alert, the acknowledgement
// and the comment each reach the server once; the answer to the withdrawn alert comes back
// refused, with the reason in words, for her to discard. Signed out, nothing of her opens offline.
//
// The second alert's page needs the server, so after the offline reload the browser goes online
// with the live socket held: the outbox sends only once the socket is connected, so to it the
// link is still down.

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

const COMMENT = 'Container MSCU1234567 held at Laem Chabang gate 4; examination at 14:00 local.';
const RAISED = 'Drone parts declared as toy spares, Bangkok to Yangon';

/** The live socket through Playwright: passed to the server, or held unanswered while `hold` is on. */
async function socketGate(context: BrowserContext) {
  const held: { route: WebSocketRoute; sent: (string | Buffer)[] }[] = [];
  const open = new Set<WebSocketRoute>();
  let hold = false;
  const connect = (route: WebSocketRoute, sent: (string | Buffer)[] = []) => {
    open.add(route);
    route.onClose(() => open.delete(route));
    const server = route.connectToServer();
    for (const message of sent) server.send(message);
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => route.send(message));
    route.onClose((code, reason) => server.close({ code, reason }));
    server.onClose((code, reason) => route.close({ code, reason }));
  };
  await context.routeWebSocket(/\/graphql$/, (route) => {
    if (!hold) return connect(route);
    const waiting = { route, sent: [] as (string | Buffer)[] };
    route.onMessage((message) => waiting.sent.push(message));
    // A page that reloads or navigates drops its socket: nothing to connect for it later.
    route.onClose(() => held.splice(held.indexOf(waiting), 1));
    held.push(waiting);
  });
  return {
    /** Drops the sockets that are open (as a server restart would) and holds the next ones. */
    async hold() {
      hold = true;
      await Promise.all([...open].map((route) => route.close({ code: 1012, reason: 'Held by the test' })));
    },
    release() {
      hold = false;
      for (const { route, sent } of held.splice(0)) connect(route, sent);
    },
  };
}

/** How many lines the app's header takes: its pieces (brand, navigation, each tool, the account's name and button) by rows. */
async function headerLines(page: Page): Promise<number> {
  const boxes = await page
    .locator('.app-header :is(.brand, .main-nav, .header-tools > :not(.account), .account > *)')
    .evaluateAll((pieces) => pieces.map((piece) => piece.getBoundingClientRect()).map(({ top, bottom }) => ({ top, bottom })));
  let lines = 0;
  let lineBottom = Number.NEGATIVE_INFINITY;
  for (const box of boxes.sort((a, b) => a.top - b.top)) {
    if (box.top >= lineBottom) {
      lines += 1;
      lineBottom = box.bottom;
    } else lineBottom = Math.max(lineBottom, box.bottom);
  }
  return lines;
}

describeWhere(['chromium'], 'the outbox in the browser', () => {
  let testApp: TestApp;
  let operation: OperationDriver;
  let malaysia: Actor;
  let thailand: Actor;
  let person: Person;
  let raiseTab: Page;
  let gate: Awaited<ReturnType<typeof socketGate>>;
  const alerts: { acknowledged: string; withdrawn: string } = { acknowledged: '', withdrawn: '' };
  const references: Record<string, string> = {};

  it.beforeAll(async ({ app, kit }) => {
    testApp = app;
    ({ operation, malaysia, thailand } = await operationalRoom(kit));
    for (const [name, title] of [
      ['acknowledged', 'Ammonium nitrate declared as NPK fertiliser, Port Klang to Laem Chabang'],
      ['withdrawn', 'Potassium chlorate in a consolidated container'],
    ] as const) {
      const { result } = await kit.mutate(malaysia, 'raiseAlert', {
        operationId: operation.id,
        idempotencyKey: randomUUID(),
        category: 'INTELLIGENCE',
        severity: 'HIGH',
        title,
        marking: 'AMBER',
        distribution: 'ALL_PARTICIPANTS',
      });
      expect(result?.__typename).toBe('Alert');
      alerts[name] = result!.id as string;
      references[name] = result!.reference as string;
    }
    person = await openBrowser(testApp.url, { locale: 'en-GB', timezoneId: 'Asia/Bangkok' });
    gate = await socketGate(person.context);
    await person.page.goto(testApp.url);
    await signIn(person.page, thailand.email, thailand.password);
  }, 240_000);

  afterAll(async () => {
    await person?.close();
  });

  const alertPage = (alertId: string) => `${testApp.url}/operations/${operation.code}/alerts/${encodeURIComponent(alertId)}`;
  const live = (page = person.page) => page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
  const waitingHere = (page = person.page) => page.getByRole('list', { name: 'Your writes not sent yet' });

  /** The alerts of the operation with this title, as Malaysia reads them. */
  async function alertsTitled(title: string) {
    const seen = await operation.view(malaysia, 'alerts(first: 100) { edges { node { id title } } }');
    return seen!.alerts.edges.filter((edge: { node: { title: string } }) => edge.node.title === title);
  }

  /** What the server holds of the alert, as Malaysia reads it. */
  async function answersOn(alertId: string) {
    const seen = await operation.view(
      malaysia,
      'timeline(first: 500) { edges { node { type ... on AlertAcknowledgedEvent { alert { id } } ... on AlertCommentedEvent { alert { id } } } } }',
    );
    const events = seen!.timeline.edges
      .map((edge: { node: { type: string; alert?: { id: string } } }) => edge.node)
      .filter((event: { alert?: { id: string } }) => event.alert?.id === alertId)
      .map((event: { type: string }) => event.type);
    const comments = await testApp.database.db
      .select({ body: alertComments.body, idempotencyKey: alertComments.idempotencyKey })
      .from(alertComments)
      .where(eq(alertComments.alertId, decodeGlobalId(alertId)!.id));
    return { events: events.sort(), comments };
  }

  it('keeps an alert, an acknowledgement and a comment made offline in two tabs as waiting, where they were made and in the header', async () => {
    const { page, context } = person;
    await page.goto(alertPage(alerts.acknowledged));
    await page.getByRole('heading', { level: 2, name: /Ammonium nitrate declared as NPK fertiliser/ }).waitFor();
    await live();
    raiseTab = await context.newPage();
    await raiseTab.goto(`${testApp.url}/operations/${operation.code}/alerts/new`);
    await raiseTab.getByLabel('Title').waitFor();
    await live(raiseTab);
    // The worker has kept the app's files once it is active.
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active?.state))).toBe('activated');

    await context.setOffline(true);
    await raiseTab.getByRole('radio', { name: 'Intelligence' }).click();
    await raiseTab.getByLabel('Title').fill(RAISED);
    await raiseTab.getByLabel('Severity').selectOption({ label: 'High' });
    await raiseTab.getByRole('button', { name: 'Raise the alert' }).click();
    await expect
      .poll(() => waitingHere(raiseTab).allTextContents())
      .toEqual([`New alert in ${operation.code}: ${RAISED} Waiting to send, as soon as the link is back`]);
    expect(await raiseTab.getByLabel('Title').inputValue()).toBe('');

    await page.getByRole('button', { name: 'Acknowledge for my agency' }).click();
    await page.getByLabel('Your comment').fill(COMMENT);
    await page.getByRole('button', { name: 'Post the comment' }).click();

    const about = `${references.acknowledged} — Ammonium nitrate declared as NPK fertiliser, Port Klang to Laem Chabang`;
    await expect
      .poll(() => waitingHere().allTextContents())
      .toEqual([
        `Acknowledgement on ${about} Waiting to send, as soon as the link is back`,
        `Comment on ${about} Waiting to send, as soon as the link is back`,
      ]);
    await page.getByRole('button', { name: 'Outbox: 3 waiting' }).waitFor();
    expect(await answersOn(alerts.acknowledged)).toEqual({ events: [], comments: [] });
    expect(await alertsTitled(RAISED)).toEqual([]);
  }, 60_000);

  it('opens again from the service worker on a reload while offline, with the three still waiting', async () => {
    const { page, context } = person;
    // Chromium's emulated offline reaches the worker too: the page comes from its cache, not the server.
    const [worker] = context.serviceWorkers();
    expect(
      await worker!.evaluate(() =>
        fetch('/healthz').then(
          () => 'reached',
          () => 'unreachable',
        ),
      ),
    ).toBe('unreachable');
    const signedIn = await page.getByTestId('signed-in-user').textContent();
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByRole('button', { name: 'Outbox: 3 waiting' }).waitFor();
    await page.locator('[data-testid="ws-state"][data-state="offline"]').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toBe(signedIn);
    // The alert's page needs the server: it says so rather than loading for ever.
    await page.getByRole('alert').filter({ hasText: 'Not available offline: this page needs the server.' }).waitFor();

    await page.getByRole('button', { name: 'Outbox: 3 waiting' }).click();
    const panel = page.getByRole('region', { name: 'Outbox' });
    await expect
      .poll(() => panel.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringContaining(`New alert in ${operation.code}: ${RAISED}`),
        expect.stringContaining('Acknowledgement on'),
        expect.stringContaining('Comment on'),
      ]);
    await expectAccessible(page);
    await screenshot(page, 'outbox-offline-reload-en.png');
    await page.getByRole('button', { name: 'Close the outbox' }).click();
    expect(await alertsTitled(RAISED)).toEqual([]);
    expect(await answersOn(alerts.acknowledged)).toEqual({ events: [], comments: [] });
  }, 60_000);

  it('still holds them online with the live socket held, and adds an answer to an alert withdrawn meanwhile', async () => {
    const { page, context } = person;
    await gate.hold();
    await context.setOffline(false);
    await page.goto(alertPage(alerts.withdrawn));
    await page.getByRole('heading', { level: 2, name: /Potassium chlorate/ }).waitFor();
    await page.getByRole('button', { name: 'Acknowledge for my agency' }).click();
    await page.getByRole('button', { name: 'Outbox: 4 waiting' }).waitFor();
    const withdrawn = await testApp.graphql(
      'mutation($input: WithdrawAlertInput!) { withdrawAlert(input: $input) { __typename } }',
      { input: { alertId: alerts.withdrawn, reason: 'Raised on the wrong container: see the next alert.' } },
      { token: malaysia.token },
    );
    expect(withdrawn.data).toEqual({ withdrawAlert: { __typename: 'Alert' } });

    await page.getByRole('button', { name: 'Outbox: 4 waiting' }).click();
    const panel = page.getByRole('region', { name: 'Outbox' });
    await panel.waitFor();
    expect(await panel.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(`New alert in ${operation.code}: ${RAISED}`),
      expect.stringContaining('Acknowledgement on'),
      expect.stringContaining('Comment on'),
      expect.stringContaining(`Acknowledgement on ${references.withdrawn}`),
    ]);
    await expectAccessible(page);
    await screenshot(page, 'outbox-waiting-en.png');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Boîte d’envoi\u00a0: 4 en attente' }).waitFor();
    await page.getByRole('region', { name: 'Boîte d’envoi' }).getByText('En attente d’envoi').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'outbox-waiting-fr.png');
    // The longest header there is (French, the outbox's chip, a 1,366-pixel laptop): two lines at most.
    expect(await headerLines(page)).toBeLessThanOrEqual(2);
    await page.getByRole('button', { name: 'English' }).click();
  }, 90_000);

  it('sends each once when the link is back, whichever tab holds the lock, and keeps the refused one with its reason', async () => {
    const { page } = person;
    gate.release();
    await live();
    await page.getByRole('button', { name: 'Outbox: 0 waiting, 1 refused' }).waitFor({ timeout: 15_000 });
    const refused = page.getByRole('region', { name: 'Outbox' }).getByRole('alert');
    await expect
      .poll(() => refused.textContent())
      .toContain('Refused by the server: This alert was withdrawn: it can no longer be acknowledged, answered or amended.');
    await expectAccessible(page);
    await screenshot(page, 'outbox-refused-en.png');

    // Reloaded again, nothing goes a second time.
    await page.reload();
    await live();
    await page.getByRole('button', { name: 'Outbox: 0 waiting, 1 refused' }).waitFor();
    await raiseTab.reload();
    await live(raiseTab);
    expect(await alertsTitled(RAISED)).toHaveLength(1);
    const answered = await answersOn(alerts.acknowledged);
    expect(answered.events).toEqual(['ALERT_ACKNOWLEDGED', 'ALERT_COMMENTED']);
    expect(answered.comments).toEqual([{ body: COMMENT, idempotencyKey: expect.any(String) }]);
    expect((await answersOn(alerts.withdrawn)).events).toEqual([]);

    await page.getByRole('button', { name: 'Outbox: 0 waiting, 1 refused' }).click();
    await page.getByRole('button', { name: /^Discard: Acknowledgement on/ }).click();
    await page.getByText('Nothing is waiting to be sent.').waitFor();
    expect(person.problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  }, 90_000);

  it('keeps nothing of her once she signs out: the worker holds the build alone, and offline the app opens on nobody', async () => {
    const { page, context } = person;
    await raiseTab.close();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(kept).toContain('/index.html');
    expect(kept.filter((path) => path !== '/index.html' && !path.startsWith('/assets/'))).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Outbox/ }).count()).toBe(0);
    await context.setOffline(false);
    expect(person.problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  }, 60_000);
});
