import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { expectAccessible, openBrowser, screenshot, signIn, WALL, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import { ensureWebBuilt } from '../testkit/web-build';
import { networkLog, raiseAlert, roomRow, type NetworkLog } from './live-room.support';

// The operations room of three agencies, each in its own browser: Malaysia (A) raises an alert
// for Thailand (B) alone; it reaches B's room at once, B acknowledges it there, A sees that live,
// and Indonesia (C) never learns of it — not on screen, not in a frame or response it received.
// Then B's link drops for five seconds while A raises three alerts: B ends with each once.

// What a browser under load may take to show a change; expect.poll waits 1 s by default.
const POLL = { timeout: 10_000 };

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

describeWhere(['chromium'], 'the live operations room', () => {
  let app: TestApp;
  let kit: OperationKit;
  let operation: OperationDriver;
  let a: Actor;
  let b: Actor;
  let c: Actor;
  const people: Person[] = [];
  let roomA: Page;
  let roomB: Page;
  let roomC: Page;
  let logC: NetworkLog;
  let personB: Person;

  it.beforeAll(async ({ app: started, kit: operationKit }) => {
    app = started;
    kit = operationKit;
    const room = await operationalRoom(kit, { indonesia: true });
    operation = room.operation;
    [a, b, c] = [room.malaysia, room.thailand, room.indonesia];
    for (const actor of [a, b, c]) {
      const person = await openBrowser(app.url, { locale: 'en-GB', clock: app.clock });
      people.push(person);
      if (actor === c) logC = networkLog(person.page);
      await person.page.goto(app.url);
      await signIn(person.page, actor.email, actor.password);
      await person.page.goto(`${app.url}/operations/${operation.code}/room`);
      await person.page.getByRole('heading', { name: 'Operations room' }).waitFor();
      await person.page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    }
    [roomA, roomB, roomC] = people.map((person) => person.page) as [Page, Page, Page];
    personB = people[1]!;
  }, 240_000);

  afterAll(async () => {
    for (const person of people) await person.close();
  });

  it('delivers a restricted alert to B within a second, B acknowledges, A sees it live, C sees nothing of it', async () => {
    const title = `Detonators declared as fittings ${randomBytes(3).toString('hex')}`;
    const raised = await raiseAlert(kit, operation, a, { title, severity: 'HIGH', marking: 'RED', to: [b] });
    const sent = performance.now();
    const atB = roomRow(roomB, title);
    await atB.waitFor({ timeout: 1_000 });
    reportFigure(
      `room: restricted alert visible in the recipient's room ${Math.round(performance.now() - sent)} ms after raiseAlert returned`,
    );
    expect(await atB.textContent()).toContain('TLP:RED');
    expect(await atB.textContent()).toContain('Named agencies only');
    // The test server's clock stands at the operation's planned start, so the deadline may be long past.
    await atB.getByText(/(due in|overdue by) \d/).waitFor();

    await roomA.getByTestId('awaiting-count').waitFor();
    await expect.poll(() => roomB.getByTestId('awaiting-count').locator('.awaiting-figure').textContent(), POLL).toBe('1');
    expect(await roomB.title()).toContain('(1) Operations room');

    const atA = roomRow(roomA, title);
    await atA.getByText('Acknowledged: 0 of 1').waitFor();
    await atB.getByRole('button', { name: `Acknowledge ${raised.reference}` }).click();
    await atB.getByText('Acknowledged by your agency').waitFor();
    await atA.getByText('Acknowledged: 1 of 1').waitFor({ timeout: 2_000 });
    await expect.poll(() => roomB.getByTestId('awaiting-count').locator('.awaiting-figure').textContent(), POLL).toBe('0');

    // C's room went on living (it hears of a later alert to everyone) and holds nothing of the first.
    const openTitle = `Readiness check for every post ${randomBytes(3).toString('hex')}`;
    await raiseAlert(kit, operation, a, { title: openTitle, severity: 'LOW', marking: 'GREEN', to: 'all' });
    await roomRow(roomC, openTitle).waitFor();
    expect(await roomC.content()).not.toContain(title);
    for (const secret of [title, raised.id, raised.reference]) expect(logC.seen(secret)).toEqual([]);
    expect(logC.frames()).toBeGreaterThan(0);
    for (const person of people) expect(person.problems).toEqual([]);
  });

  it('announces a new alert for the agency politely, and a critical one assertively', async () => {
    const routine = `Passenger with undeclared detonator cord ${randomBytes(3).toString('hex')}`;
    await raiseAlert(kit, operation, a, { title: routine, severity: 'MEDIUM', marking: 'AMBER', to: [b] });
    await expect.poll(() => roomB.getByTestId('announce-polite').textContent(), POLL).toContain(routine);
    const critical = `Truck with ammonium nitrate at the border ${randomBytes(3).toString('hex')}`;
    await raiseAlert(kit, operation, a, { title: critical, severity: 'CRITICAL', marking: 'AMBER', to: [b] });
    await expect.poll(() => roomB.getByTestId('announce-assertive').textContent(), POLL).toContain(critical);
    expect(await roomB.getByTestId('announce-assertive').getAttribute('aria-live')).toBe('assertive');
    expect(await roomB.getByTestId('announce-polite').textContent()).toContain(`New medium alert for your agency from ${a.agency.name}`);
    expect(await roomA.getByTestId('announce-polite').textContent()).toBe('');
  });

  it('shows B, offline for five seconds while A raises three alerts, each of them exactly once', async () => {
    const titles = [1, 2, 3].map((n) => `Offline batch ${n} ${randomBytes(3).toString('hex')}`);
    await personB.context.setOffline(true);
    await roomB.locator('[data-testid="ws-state"][data-state="offline"]').waitFor();
    const wentOffline = performance.now();
    for (const title of titles) await raiseAlert(kit, operation, a, { title, severity: 'MEDIUM', marking: 'GREEN', to: [b] });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5_000 - (performance.now() - wentOffline))));
    expect(await roomB.content()).not.toContain(titles[0]);
    await personB.context.setOffline(false);
    const back = performance.now();
    for (const title of titles) await roomRow(roomB, title).waitFor({ timeout: 10_000 });
    reportFigure(`room: three alerts raised while offline shown ${Math.round(performance.now() - back)} ms after the link came back`);
    await roomB.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    // Give any late duplicate (a replay from the first cursor) time to arrive before counting.
    await roomB.waitForTimeout(1_000);
    for (const title of titles) expect(await roomRow(roomB, title).count()).toBe(1);
    expect(personB.problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('keeps the cursor across a reload and shows what came meanwhile', async () => {
    const title = `Raised during a reload ${randomBytes(3).toString('hex')}`;
    await roomB.goto('about:blank');
    await raiseAlert(kit, operation, a, { title, severity: 'LOW', marking: 'GREEN', to: [b] });
    await roomB.goto(`${app.url}/operations/${operation.code}/room`);
    await roomRow(roomB, title).waitFor();
    expect(await roomRow(roomB, title).count()).toBe(1);
    const stored = await roomB.evaluate((id) => localStorage.getItem(`jointops.eventCursor.${id}`), operation.id);
    expect(stored).toBeTruthy();
  });

  it('measures the median time from raiseAlert returning to the alert in another room (20 alerts)', { timeout: 120_000 }, async () => {
    const times: number[] = [];
    for (let n = 1; n <= 20; n += 1) {
      const title = `Latency probe ${n} ${randomBytes(3).toString('hex')}`;
      await raiseAlert(kit, operation, a, { title, severity: 'LOW', marking: 'GREEN', to: [b] });
      const sent = performance.now();
      await roomRow(roomB, title).waitFor({ timeout: 5_000 });
      times.push(performance.now() - sent);
    }
    times.sort((x, y) => x - y);
    const median = (times[9]! + times[10]!) / 2;
    reportFigure(
      `room: median ${Math.round(median)} ms, max ${Math.round(times.at(-1)!)} ms from raiseAlert returning to the alert in another browser (20 alerts)`,
    );
    expect(times).toHaveLength(20);
  });

  it('passes an accessibility scan, and reads well at laptop and wall sizes in English and French', { timeout: 90_000 }, async () => {
    const page = roomB;
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectAccessible(page);
    await screenshot(page, 'room-laptop-en.png');

    await page.getByRole('button', { name: 'Wall screen' }).click();
    await page.setViewportSize(WALL);
    await expectAccessible(page);
    await screenshot(page, 'room-wall-en.png');
    // Each headline figure on one line, its unit with it ("0 mins" once broke under the number).
    const linesOfFigures = await page
      .locator('.room-figure-value')
      .evaluateAll((values) =>
        values.map((value) => Math.round(value.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(value).lineHeight))),
      );
    expect(
      linesOfFigures.every((lines) => lines === 1),
      `lines: ${linesOfFigures.join(', ')}`,
    ).toBe(true);

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Salle des opérations' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'room-wall-fr.png');

    await page.getByRole('button', { name: 'Bureau' }).click();
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'room-laptop-fr.png');
    await page.getByRole('button', { name: 'English' }).click();
    expect(personB.problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('narrows the feed by the address: awaiting our acknowledgement, then by severity', async () => {
    const page = roomB;
    await page.getByLabel('Waiting for my agency').selectOption({ label: 'Awaiting our acknowledgement' });
    await expect.poll(() => page.url(), POLL).toContain('awaiting=acknowledgement');
    const rows = page.getByRole('article');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    const shown = await rows.count();
    expect(await rows.getByRole('button', { name: /^Acknowledge / }).count()).toBe(shown);
    await page.getByLabel('Severity').selectOption({ label: 'Critical' });
    await expect.poll(() => page.url(), POLL).toContain('severity=CRITICAL');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().textContent()).toContain('Truck with ammonium nitrate');
    await page.reload();
    await expect.poll(() => rows.count(), POLL).toBe(1);
  });
});
