import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { expectAccessible, openBrowser, screenshot, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import { ensureWebBuilt } from '../testkit/web-build';
import { raiseAlert, roomRow } from './live-room.support';

// Thailand's contact point has the room open when the coordinator makes them an observer. The
// server tells the room and ends its streams, to be asked again for the new role: the room must
// take the new role (no more "Raise an alert") and go on living — a later alert for Thailand and
// the figures it moves still reach it, without a reload. Then Thailand withdraws: asked again, the
// server refuses the streams; the room does not keep asking, and stops looking live: the page is
// read again and is no longer Thailand's to see.

const POLL = { timeout: 10_000 };

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

const figure = (page: Page, label: string) => page.locator('.room-figure', { hasText: label }).locator('.room-figure-value');

describeWhere(['chromium'], 'a room whose viewer is given another role', () => {
  let kit: OperationKit;
  let operation: OperationDriver;
  let malaysia: Actor;
  let thailand: Actor;
  let person: Person;
  /** The subscriptions the page has asked for over its sockets, by root field. */
  const subscribed: string[] = [];

  it.beforeAll(async ({ app, kit: operationKit }) => {
    kit = operationKit;
    const room = await operationalRoom(kit);
    operation = room.operation;
    [malaysia, thailand] = [room.malaysia, room.thailand];
    person = await openBrowser(app.url, { locale: 'en-GB', clock: app.clock });
    person.page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: { query?: string } };
        const field = message.payload?.query?.match(/\{\s*(\w+)\(/)?.[1];
        if (message.type === 'subscribe' && field) subscribed.push(field);
      }),
    );
    await person.page.goto(app.url);
    await signIn(person.page, thailand.email, thailand.password);
    await person.page.goto(`${app.url}/operations/${operation.code}/room`);
    await person.page.getByRole('heading', { name: 'Operations room' }).waitFor();
    await person.page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
  }, 240_000);

  afterAll(async () => {
    await person?.close();
  });

  it('takes the new role at once and keeps receiving alerts and figures without a reload', async () => {
    const { page } = person;
    await page.getByRole('link', { name: 'Raise an alert' }).waitFor();
    await figure(page, 'Alerts raised').waitFor();
    const raisedBefore = Number(await figure(page, 'Alerts raised').textContent());

    const assigned = await operation.assign(thailand, 'OBSERVER');
    expect(assigned.result?.__typename).toBe('OperationMember');
    await expect.poll(() => page.getByRole('link', { name: 'Raise an alert' }).count(), POLL).toBe(0);

    const title = `Raised after the role change ${randomBytes(3).toString('hex')}`;
    await raiseAlert(kit, operation, malaysia, { title, severity: 'HIGH', marking: 'AMBER', to: [thailand] });
    await roomRow(page, title).waitFor({ timeout: 10_000 });
    await expect.poll(() => figure(page, 'Alerts raised').textContent(), POLL).toBe(String(raisedBefore + 1));
    expect(await roomRow(page, title).count()).toBe(1);
    // An observer sees the deadline their agency has to meet, and no button the server would refuse.
    await roomRow(page, title).getByText('Awaiting your agency’s contact point').waitFor();
    expect(
      await roomRow(page, title)
        .getByRole('button', { name: /^Acknowledge/ })
        .count(),
    ).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'room-observer-en.png');
    await page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    expect(person.problems).toEqual([]);
  });

  it('stops asking, and shows the operation is no longer theirs, once the streams are refused after the agency withdrew', async () => {
    const before = subscribed.filter((field) => field === 'operationEvents').length;
    const withdrawn = await operation.withdraw(thailand.agency, 'Officers recalled to a national operation');
    expect(withdrawn.result?.__typename).toBe('Participation');
    await person.page.getByRole('heading', { name: 'Not found' }).waitFor({ timeout: 10_000 });
    expect(await person.page.getByRole('heading', { name: 'Operations room' }).count()).toBe(0);
    // Each stream ends, is asked for once more after half a second, and is refused.
    await person.page.waitForTimeout(3_000);
    const asked = subscribed.length;
    await person.page.waitForTimeout(5_000);
    expect(subscribed.length).toBe(asked);
    expect(subscribed.filter((field) => field === 'operationEvents').length - before).toBeLessThanOrEqual(1);
    await screenshot(person.page, 'room-after-withdrawal-en.png');
  });
});
