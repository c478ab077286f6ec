import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { openBrowser, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import { ensureWebBuilt } from '../testkit/web-build';
import { raiseAlert } from './live-room.support';

// A busy room hears of an event every few seconds or many times a second. The room's activity
// strip and the timeline page take each event heard live on top of what they show, in words,
// without asking the server for their page again: with hundreds of rooms open, asking again
// would cost the server one read per screen per event.

const POLL = { timeout: 10_000 };

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

/** The names of the GraphQL queries the page sends over HTTP from now on. */
function queriesSent(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const name = request.postData()?.match(/"query":"(?:query|subscription) (\w+)/)?.[1];
    if (request.method() === 'POST' && name) sent.push(name);
  });
  return sent;
}

describeWhere(['chromium'], 'the room’s latest activity and the timeline, as events arrive', () => {
  let kit: OperationKit;
  let operation: OperationDriver;
  let malaysia: Actor;
  let thailand: Actor;
  let person: Person;
  let appUrl: string;

  it.beforeAll(async ({ app, kit: operationKit }) => {
    kit = operationKit;
    appUrl = app.url;
    const room = await operationalRoom(kit);
    operation = room.operation;
    [malaysia, thailand] = [room.malaysia, room.thailand];
    person = await openBrowser(app.url, { locale: 'en-GB', clock: app.clock });
    await person.page.goto(app.url);
    await signIn(person.page, thailand.email, thailand.password);
  }, 240_000);

  afterAll(async () => {
    await person?.close();
  });

  const titles = (n: number) => Array.from({ length: n }, (_, index) => `Activity probe ${index + 1} ${randomBytes(3).toString('hex')}`);

  it('puts each alert raised on top of the room’s latest activity, in words, without asking for the strip again', async () => {
    const { page } = person;
    await page.goto(`${appUrl}/operations/${operation.code}/room`);
    await page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    const strip = page.getByRole('region', { name: 'Latest activity' });
    await strip.locator('.activity-sentence').first().waitFor();
    const sent = queriesSent(page);

    const raised = titles(3);
    for (const title of raised) await raiseAlert(kit, operation, malaysia, { title, severity: 'MEDIUM', marking: 'GREEN', to: [thailand] });
    await expect.poll(() => strip.locator('.activity-sentence').first().textContent(), POLL).toContain(raised[2]);
    const sentences = await strip.locator('.activity-sentence').allTextContents();
    expect(sentences.slice(0, 3).map((sentence) => raised.findIndex((title) => sentence.includes(title)))).toEqual([2, 1, 0]);
    expect(sentences.length).toBeLessThanOrEqual(8);
    expect(sent.filter((name) => name === 'RoomActivity')).toEqual([]);
    expect(person.problems).toEqual([]);
  });

  it('puts each alert raised on top of the timeline page, without asking for its page again', async () => {
    const { page } = person;
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    const events = page.getByRole('list', { name: 'Events, newest first' }).locator(':scope > li');
    await events.first().waitFor();
    const before = await events.count();
    const sent = queriesSent(page);

    const raised = titles(2);
    for (const title of raised) await raiseAlert(kit, operation, malaysia, { title, severity: 'LOW', marking: 'GREEN', to: [thailand] });
    await expect.poll(() => events.first().textContent(), POLL).toContain(raised[1]);
    expect(await events.nth(1).textContent()).toContain(raised[0]);
    expect(await events.count()).toBe(before + 2);
    expect(sent.filter((name) => name === 'OperationTimeline')).toEqual([]);
    expect(person.problems).toEqual([]);
  });
});
