import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { englishLeftOnPage, expectAccessible, LAPTOP, openBrowser, screenshot, signIn, WALL, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import { seizureInput, seizureKit } from '../testkit/seizures';
import { ensureWebBuilt } from '../testkit/web-build';

// A Malaysian contact point keeps the operations room open: the map of the participating
// countries (Singapore's observers as a dot) drawn from the app's own bundle, the seizures per
// commodity and the headline figures, which move as soon as Thailand reports a seizure through the
// API; choosing Thailand on the map narrows the feed to Thai alerts. On a laptop and on the wall
// screen, in English and in French.

const LANG = fileURLToPath(new URL('../../web/lang', import.meta.url));
const readCatalogue = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
const french: Record<string, string> = Object.assign(
  {},
  ...readdirSync(join(LANG, 'fr')).map((file) => readCatalogue(join(LANG, 'fr', file))),
);
const ENGLISH = Object.entries(readCatalogue(join(LANG, 'en.json')))
  .filter(([id, words]) => french[id] !== words)
  .map(([, words]) => words);

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

// A loaded machine may take a few seconds to redraw; expect.poll gives up after one by default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

describeWhere(['chromium'], 'the operations room panels in the browser', () => {
  let testApp: TestApp;
  let operation: OperationDriver;
  let malaysia: Actor;
  let thailand: Actor;
  let report: (by: Actor, overrides: Record<string, unknown>) => Promise<string>;
  let ammoniumNitrate: string;
  let kit: OperationKit;
  const people: Person[] = [];

  const raise = async (by: Actor, title: string) => {
    const { result } = await kit.mutate(by, 'raiseAlert', {
      operationId: operation.id,
      idempotencyKey: randomUUID(),
      category: 'INTELLIGENCE',
      severity: 'HIGH',
      marking: 'GREEN',
      distribution: 'ALL_PARTICIPANTS',
      title,
    });
    expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
  };

  it.beforeAll(async ({ app, kit: fileKit }) => {
    testApp = app;
    kit = fileKit;
    const room = await operationalRoom(kit, {
      observer: { name: 'Singapore Customs', countryCode: 'SG' },
      commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE', detonator: 'DETONATOR' },
    });
    ({ operation, malaysia, thailand, ammoniumNitrate } = room);
    const seizures = seizureKit(kit);
    report = (by, overrides) => seizures.reported(by, seizureInput(operation, ammoniumNitrate, overrides));
    await raise(malaysia, 'Ammonium nitrate declared as NPK fertiliser');
    await raise(thailand, 'Detonators in a courier parcel from Bangkok');
    await report(malaysia, { quantity: 2, unit: 'T' });
    await seizures.reported(
      thailand,
      seizureInput(operation, room.detonator, {
        countryCode: 'TH',
        place: 'Suvarnabhumi airport, courier terminal',
        locationType: 'AIRPORT',
        latitude: 13.69,
        longitude: 100.75,
        quantity: 40,
        unit: 'PIECES',
        transportMode: 'COURIER',
      }),
    );
  }, 240_000);

  afterAll(async () => {
    for (const person of people) await person.close();
  });

  const open = async (options: Parameters<typeof openBrowser>[1] = {}) => {
    const person = await openBrowser(testApp.url, { clock: testApp.clock, ...options });
    people.push(person);
    await person.page.goto(`${testApp.url}/operations/${operation.code}/room`);
    if (options.locale === 'fr-FR') await person.page.getByRole('button', { name: 'Français' }).click();
    await signIn(person.page, malaysia.email, malaysia.password);
    return person;
  };

  /**
   * The room is read, not scrolled, on the wall as on a laptop: the whole room within the screen,
   * the feed as tall as the screen leaves it and scrolling inside itself; the rows it has room for
   * are reported (the alerts in view when there are enough of them).
   */
  const expectOneScreen = async (page: Page, screen: string) => {
    const { scrollHeight, innerHeight, feedHeight, rowHeight } = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[role="feed"] article')].map((row) => row.getBoundingClientRect().height);
      return {
        scrollHeight: document.documentElement.scrollHeight,
        innerHeight: window.innerHeight,
        feedHeight: document.querySelector('[role="feed"]')?.parentElement?.clientHeight ?? 0,
        rowHeight: rows.reduce((sum, height) => sum + height, 0) / Math.max(1, rows.length),
      };
    });
    console.info(
      `[figure] room on the ${screen}: ${scrollHeight} px tall in a ${innerHeight} px screen; the feed ${feedHeight} px tall, rows of ${Math.round(rowHeight)} px on average: room for ${(feedHeight / rowHeight).toFixed(1)} alerts`,
    );
    expect(scrollHeight).toBeLessThanOrEqual(innerHeight);
    expect(feedHeight).toBeGreaterThan(innerHeight / 2);
  };

  /**
   * Each alert's facts read whole, the category first among them: on the wall nobody hovers or
   * opens an alert to read what was cut off. Answers the facts cut at their row's edge.
   */
  const factsCutOff = (page: Page) =>
    page
      .getByRole('feed')
      .getByRole('article')
      .evaluateAll((rows) =>
        rows.flatMap((row) => {
          const facts = row.querySelector('.alert-facts');
          if (!facts) return [];
          const edge = facts.getBoundingClientRect().right;
          return [...facts.children]
            .filter((fact) => fact.getBoundingClientRect().right > edge + 0.5 || facts.scrollWidth > facts.clientWidth)
            .map((fact) => fact.textContent);
        }),
      );

  const countryButton = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name} [A-Z]{2}`) });
  const figure = (page: Page, label: string) => page.locator('.room-figure', { hasText: label }).locator('.room-figure-value');
  const tallyRow = (page: Page, commodity: string) => page.getByRole('row', { name: new RegExp(`^${commodity}`) });

  it('draws the participating countries from the app itself, Singapore as a dot, each with its counts', async () => {
    const person = await open({ viewport: LAPTOP });
    const { page } = person;
    await page.getByRole('heading', { name: 'Participating countries' }).waitFor();
    await poll(() => countryButton(page, 'Thailand').textContent()).toContain('1 seizure');

    // The world's shapes come apart from the room's code (world-map-loader.ts), maybe after the counts.
    await poll(() => page.locator('svg.room-map-drawing path').count()).toBeGreaterThan(150);
    const marked = await page
      .locator('.map-participating')
      .evaluateAll((shapes) => shapes.map((shape) => `${shape.tagName}:${shape.getAttribute('data-country')}`).sort());
    expect(marked).toEqual(['circle:SG', 'path:MY', 'path:TH']);
    expect(await countryButton(page, 'Malaysia').textContent()).toContain('1 alert');
    expect(await countryButton(page, 'Singapore').textContent()).toContain('0 alerts');
    expect(await tallyRow(page, 'Ammonium nitrate').textContent()).toContain('2,000\u00a0kg');
    expect(await tallyRow(page, 'Detonator').textContent()).toContain('40\u00a0pieces');
    expect(await figure(page, 'Alerts raised').textContent()).toBe('2');
    await poll(() => page.locator('.activity-sentence').first().textContent()).toContain('reported seizure');
    expect(await page.locator('.room-clock-label').allTextContents()).toEqual(
      expect.arrayContaining(['Operation time', 'Malaysia', 'Thailand', 'Singapore']),
    );

    // The page reads the server's clock (openBrowser's `clock`): the deadline is hours ahead, not months behind.
    expect(await page.locator('.countdown').first().textContent()).toMatch(/^due in \d+ (min|h)$/);

    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'room-panels-laptop-en.png');
    await expectOneScreen(page, 'laptop (English)');
    // Console errors, page errors and any request that left the app's origin: the map's data included.
    expect(person.problems).toEqual([]);
  }, 120_000);

  it('moves the counts, the tally and the figures as soon as a seizure is reported through the API', async () => {
    const { page } = people[0]!;
    const reportedAt = Date.now();
    await report(thailand, {
      countryCode: 'TH',
      place: 'Laem Chabang port, container terminal B',
      latitude: 13.08,
      longitude: 100.88,
      quantity: 500,
      unit: 'KG',
    });
    await poll(() => countryButton(page, 'Thailand').textContent()).toContain('2 seizures');
    console.info(`[figure] room panels: a reported seizure counted on the map after ${Date.now() - reportedAt} ms`);
    await poll(() => tallyRow(page, 'Ammonium nitrate').textContent()).toContain('2,500\u00a0kg');
    expect(await tallyRow(page, 'Detonator').textContent()).toContain('40\u00a0pieces');
    expect(await figure(page, 'Seizures').textContent()).toBe('3');
    await poll(() => page.locator('.activity-sentence').first().textContent()).toContain('500\u00a0kg');
    expect(people[0]!.problems).toEqual([]);
  }, 60_000);

  it("narrows the feed to a country's alerts when it is chosen on the map, and back to all", async () => {
    const { page } = people[0]!;
    const feed = page.getByRole('feed');
    // Both countries' alerts, and the coordinator's readiness test (the WCO has no country).
    await poll(() => feed.getByRole('article').count()).toBe(3);

    await countryButton(page, 'Thailand').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.url()).toContain('country=TH');
    await poll(() => feed.getByRole('article').allTextContents()).toEqual([expect.stringContaining('Detonators in a courier parcel')]);
    expect(await countryButton(page, 'Thailand').getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'All countries' }).click();
    await poll(() => feed.getByRole('article').count()).toBe(3);
    expect(page.url()).not.toContain('country=');
  }, 60_000);

  it('reads from across the room on the wall screen, in English and in French', async () => {
    const wall = await open({ viewport: WALL });
    await wall.page.getByRole('button', { name: 'Wall screen' }).click();
    await wall.page.getByRole('heading', { name: 'Participating countries' }).waitFor();
    await poll(() => countryButton(wall.page, 'Thailand').textContent()).toContain('2 seizures');
    await wall.page.waitForLoadState('networkidle');
    await expectAccessible(wall.page);
    await screenshot(wall.page, 'room-panels-wall-en.png');
    await expectOneScreen(wall.page, 'wall screen (English)');
    expect(await wall.page.getByRole('feed').getByText('Intelligence', { exact: true }).count()).toBeGreaterThan(0);
    expect(await factsCutOff(wall.page)).toEqual([]);
    expect(wall.problems).toEqual([]);

    for (const [viewport, picture] of [
      [LAPTOP, 'room-panels-laptop-fr.png'],
      [WALL, 'room-panels-wall-fr.png'],
    ] as const) {
      const person = await open({ viewport, locale: 'fr-FR' });
      const { page } = person;
      if (viewport === WALL) await page.getByRole('button', { name: 'Écran mural' }).click();
      await page.getByRole('heading', { name: 'Pays participants' }).waitFor();
      await poll(() => countryButton(page, 'Thaïlande').textContent()).toContain('2 saisies');
      expect(await tallyRow(page, 'Nitrate d’ammonium').textContent()).toContain('2\u202f500\u00a0kg');
      await page.waitForLoadState('networkidle');
      expect(await englishLeftOnPage(page, ENGLISH)).toEqual([]);
      await expectAccessible(page);
      await screenshot(page, picture);
      await expectOneScreen(page, viewport === WALL ? 'wall screen (French)' : 'laptop (French)');
      expect(await page.getByRole('feed').getByText('Renseignement', { exact: true }).count()).toBeGreaterThan(0);
      expect(await factsCutOff(page)).toEqual([]);
      expect(person.problems).toEqual([]);
    }
  }, 180_000);
});
