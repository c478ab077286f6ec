import type { CDPSession } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { openBrowser, signIn, WALL, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import { ensureWebBuilt } from '../testkit/web-build';
import { raiseAlert } from './live-room.support';

// The wall screen of the operational co-ordination unit is left unattended for hours while alerts
// arrive (UX.md: "survives hours unattended, no memory growth"). Hours do not fit in a test; what
// does is the cost of each alert: the room takes a first round of alerts live, then a round four
// times as large, and what it holds after the second round is compared with what it held after
// the first, garbage collected both times. The feed is a virtual list, so the page's elements and
// event listeners must not grow with the alerts it has taken; its memory grows with the alerts the
// cache holds (a few kilobytes each), never by a leak per event.

const FIRST_ROUND = 50;
const SECOND_ROUND = 200;
/** Elements and listeners the page may gain between the rounds: a row's worth, whatever the number of alerts. */
const MAX_ELEMENTS_GAINED = 150;
const MAX_LISTENERS_GAINED = 40;
/** Heap a taken alert may add: its records in the cache, and not much besides. */
const MAX_HEAP_PER_ALERT_BYTES = 24 * 1024;

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

interface Held {
  heapBytes: number;
  elements: number;
  listeners: number;
}

/** What the page holds once garbage collected: its heap, its DOM nodes, its event listeners. */
async function held(cdp: CDPSession): Promise<Held> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
  return { heapBytes: usedSize, elements: metric('Nodes'), listeners: metric('JSEventListeners') };
}

describeWhere(['chromium'], 'the wall screen over many alerts', () => {
  let testApp: TestApp;
  let kit: OperationKit;
  let operation: OperationDriver;
  let raiser: Actor;
  let wall: Person;
  let cdp: CDPSession;
  let raised = 0;
  /** What waited for Thailand's acknowledgement before the first alert of the test. */
  let awaitingBefore = 0;

  /** Raises `count` alerts to every participant, ten at a time, and waits until the wall counts them all. */
  const raiseRound = async (count: number) => {
    for (let sent = 0; sent < count; sent += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, count - sent) }, () => {
          raised += 1;
          return raiseAlert(kit, operation, raiser, { title: `Endurance ${raised}`, severity: 'LOW', marking: 'GREEN', to: 'all' });
        }),
      );
    }
    const figure = wall.page.getByTestId('awaiting-count').locator('.awaiting-figure');
    await expect.poll(() => figure.textContent(), { timeout: 60_000 }).toBe(String(awaitingBefore + raised));
    await wall.page
      .getByRole('article')
      .filter({ hasText: `Endurance ${raised}` })
      .waitFor();
  };

  it.beforeAll(async ({ app, kit: operationKit }) => {
    testApp = app;
    kit = operationKit;
    const room = await operationalRoom(kit);
    operation = room.operation;
    raiser = room.malaysia;
    wall = await openBrowser(testApp.url, { viewport: WALL, clock: testApp.clock });
    await wall.page.goto(`${testApp.url}/operations/${operation.code}/room`);
    await signIn(wall.page, room.thailand.email, room.thailand.password);
    await wall.page.getByRole('button', { name: 'Wall screen' }).click();
    await wall.page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    const figure = wall.page.getByTestId('awaiting-count').locator('.awaiting-figure');
    await figure.filter({ hasText: /^\d+$/ }).waitFor();
    awaitingBefore = Number(await figure.textContent());
    cdp = await wall.context.newCDPSession(wall.page);
    await cdp.send('Performance.enable');
  }, 240_000);

  afterAll(async () => {
    await wall?.close();
  });

  it('holds no more elements or listeners after hundreds of live alerts, and little memory per alert', async () => {
    await raiseRound(FIRST_ROUND);
    const after = await held(cdp);
    await raiseRound(SECOND_ROUND);
    const later = await held(cdp);

    const heapPerAlert = (later.heapBytes - after.heapBytes) / SECOND_ROUND;
    reportFigure(
      `wall screen: after ${FIRST_ROUND} then ${FIRST_ROUND + SECOND_ROUND} live alerts, heap ${(after.heapBytes / 1e6).toFixed(1)} → ` +
        `${(later.heapBytes / 1e6).toFixed(1)} MB (${Math.round(heapPerAlert / 1024)} KiB per alert), elements ${after.elements} → ` +
        `${later.elements}, listeners ${after.listeners} → ${later.listeners}`,
    );
    expect(later.elements - after.elements).toBeLessThan(MAX_ELEMENTS_GAINED);
    expect(later.listeners - after.listeners).toBeLessThan(MAX_LISTENERS_GAINED);
    expect(heapPerAlert).toBeLessThan(MAX_HEAP_PER_ALERT_BYTES);
    expect(wall.problems).toEqual([]);
  }, 240_000);
});
