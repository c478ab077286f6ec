import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { withApp } from '../testkit/fixtures';
import { englishLeftOnPage, expectAccessible, LAPTOP, openBrowser, screenshot, signIn, WALL, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { seedKit, type SeededAgency, type SeededUser } from '../testkit/seed';
import { ensureWebBuilt } from '../testkit/web-build';

// A planner at the WCO sets up an operation in the browser and brings it to its pre-operational
// phase while three customs administrations answer the invitation from their own desks; then the
// gate into the operational phase holds until it is overridden in writing. Around that journey:
// French throughout, outsiders who find nothing, and a deep link that survives signing in.

const LANG = fileURLToPath(new URL('../../web/lang', import.meta.url));
const readCatalogue = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
const french: Record<string, string> = Object.assign(
  {},
  ...readdirSync(join(LANG, 'fr')).map((file) => readCatalogue(join(LANG, 'fr', file))),
);
// English sentences that must not be on a French page: those whose French is different
// ("Phase", "Participants" and "Programme" are the same words in both).
const ENGLISH = Object.entries(readCatalogue(join(LANG, 'en.json')))
  .filter(([id, words]) => french[id] !== words)
  .map(([, words]) => words);
const CODE = 'PGS-E2E-2026-01';
const NAME = 'Operation Precursor Watch';

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

/**
 * Waits for the page a sent form leads to; if it never comes, fails with what the page shows
 * instead (a refusal in words, an error), which a bare timeout would not say.
 */
async function arriveAt(page: Page, url: string): Promise<void> {
  try {
    await page.waitForURL(url, { timeout: 60_000, waitUntil: 'commit' });
  } catch (error) {
    const shown = (await page.locator('body').textContent())?.replace(/\s+/g, ' ').slice(0, 600);
    // The fields the form marked, with what they hold: a refusal of the value typed, or a value lost.
    const marked = await page
      .locator('[aria-invalid="true"]')
      .evaluateAll((fields) =>
        fields.map((field) => `${(field as HTMLInputElement).name}=${JSON.stringify((field as HTMLInputElement).value)}`),
      );
    throw new Error(`still at ${page.url()} after sending the form, fields marked: ${marked.join(', ') || 'none'}; showing: ${shown}`, {
      cause: error,
    });
  }
}

describeWhere(['chromium'], 'planning an operation in the browser', () => {
  let testApp: TestApp;
  let planner: SeededUser;
  let contactPoints: Record<'malaysia' | 'thailand' | 'philippines', SeededUser>;
  let agencies: Record<'malaysia' | 'thailand' | 'philippines', SeededAgency>;
  let outsider: SeededUser;
  let admin: SeededUser;
  const people: Person[] = [];

  const person = async (options?: Parameters<typeof openBrowser>[1]) => {
    const opened = await openBrowser(testApp.url, options);
    people.push(opened);
    return opened;
  };

  it.beforeAll(async ({ app }) => {
    testApp = app;
    const seed = seedKit(testApp);
    const wco = await seed.agency({
      name: 'World Customs Organization Secretariat',
      acronym: 'WCO',
      kind: 'INTERNATIONAL_ORGANIZATION',
      countryCode: null,
    });
    planner = await seed.user({ agency: wco, locale: 'en' });
    agencies = {
      malaysia: await seed.agency({ name: 'Royal Malaysian Customs Department', acronym: 'JKDM', countryCode: 'MY' }),
      thailand: await seed.agency({ name: 'Thai Customs Department', acronym: 'TCD', countryCode: 'TH' }),
      philippines: await seed.agency({ name: 'Bureau of Customs', acronym: 'BOC', countryCode: 'PH' }),
    };
    contactPoints = {
      malaysia: await seed.user({ agency: agencies.malaysia, locale: 'en' }),
      thailand: await seed.user({ agency: agencies.thailand, locale: 'en' }),
      philippines: await seed.user({ agency: agencies.philippines, locale: 'en' }),
    };
    outsider = await seed.user({
      agency: await seed.agency({ name: 'Indonesian National Police', kind: 'POLICE', countryCode: 'ID' }),
      locale: 'en',
    });
    admin = await seed.user({ agency: wco, isAdmin: true, locale: 'en' });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(people.map((opened) => opened.close()));
  });

  it('answers every address of the app with the app, and never the API', async () => {
    const index = await (await fetch(`${testApp.url}/`)).text();
    for (const path of [
      '/operations',
      `/operations/${CODE}`,
      `/operations/${CODE}/participants`,
      `/operations/${CODE}/timeline`,
      `/operations/${CODE}/audit`,
      `/operations/${CODE}/edit`,
      '/operations/new',
      '/admin/agencies',
      '/admin/users',
      '/no/such/page',
    ]) {
      const response = await fetch(`${testApp.url}${path}`);
      expect(response.headers.get('content-type'), path).toContain('text/html');
      expect(await response.text(), path).toBe(index);
    }
    const api = await fetch(`${testApp.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(await api.text()).not.toBe(index);
    expect((await fetch(`${testApp.url}/assets/no-such-file.js`)).status).toBe(404);
  }, 180_000);

  it('takes a planner from a new operation to its pre-operational phase while three agencies answer, live', async () => {
    const desk = await person();
    const { page } = desk;
    await page.goto(`${testApp.url}/operations`);
    await signIn(page, planner.email, planner.password);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Operations');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'New operation' }).first().click();
    // The list stays on screen until the form's code has come: "Code" alone would also name the
    // list's "Search by code or name" box, and a slow chunk once had the code typed there.
    await page.getByRole('heading', { level: 1, name: 'New operation' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill(CODE);
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Reference time zone').selectOption('Asia/Bangkok');
    await page.getByRole('checkbox', { name: /Ammonium nitrate/ }).check();
    await page.getByRole('checkbox', { name: /Potassium chlorate/ }).check();
    await planPhase(page, 'Planning', '2026-05-25T09:00', '2026-06-10T09:00');
    await planPhase(page, 'Pre-operational', '2026-06-10T09:00', '2026-06-20T09:00');
    await planPhase(page, 'Operational', '2026-06-20T09:00', '2026-06-30T18:00');
    await planPhase(page, 'Post-operational', '2026-06-30T18:00', '2026-07-15T18:00');
    await expectAccessible(page);
    await screenshot(page, 'journey-create-operation-en.png');
    expect(await page.getByLabel('Code', { exact: true }).inputValue(), 'the code typed first is in the form').toBe(CODE);
    await page.getByRole('button', { name: 'Create the operation' }).click();
    await arriveAt(page, `**/operations/${CODE}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NAME);

    await page.getByRole('link', { name: 'Participants', exact: true }).click();
    for (const agency of Object.values(agencies)) {
      await page.getByLabel('Find an agency').fill(agency.name);
      await page.getByRole('button', { name: `Invite ${agency.name}` }).click();
      await expect.poll(() => page.getByRole('main').textContent()).toContain(agency.name);
    }
    await expectAccessible(page);
    await screenshot(page, 'journey-participants-invited-en.png');

    // The planner watches the gate while the agencies answer: nobody reloads anything.
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    const twoCountries = criterion(page, 'At least two agencies from two countries have accepted');
    await expect.poll(() => twoCountries.textContent()).toContain('Not met');

    await Promise.all(
      (['malaysia', 'thailand', 'philippines'] as const).map(async (country) => {
        const contactPoint = await person();
        await contactPoint.page.goto(`${testApp.url}/operations`);
        await signIn(contactPoint.page, contactPoints[country].email, contactPoints[country].password);
        const invitation = contactPoint.page.getByRole('listitem').filter({ hasText: CODE });
        await invitation.getByRole('button', { name: country === 'philippines' ? 'Decline' : 'Accept' }).click();
        if (country === 'philippines') {
          await contactPoint.page.getByRole('button', { name: 'Decline the invitation' }).click();
          await expect.poll(() => contactPoint.page.getByRole('main').textContent()).not.toContain(CODE);
        } else {
          await contactPoint.page.getByRole('link', { name: CODE }).waitFor();
          await expectAccessible(contactPoint.page);
        }
        expect(contactPoint.problems).toEqual([]);
      }),
    );

    await expect.poll(() => twoCountries.textContent(), { timeout: 15_000 }).toContain('Met');
    expect(await twoCountries.textContent()).not.toContain('Not met');
    await screenshot(page, 'journey-gate-met-en.png');
    await page.getByRole('button', { name: 'Advance to Pre-operational' }).click();
    await expect.poll(() => page.locator('.operation-facts').textContent()).toContain('Pre-operational');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Timeline', exact: true }).click();
    const timeline = page.getByRole('main');
    await expect.poll(() => timeline.textContent()).toContain('Pre-operational');
    // The decline may reach the timeline a moment after the advance on a busy machine.
    await expect.poll(() => timeline.textContent(), { timeout: 15_000 }).toMatch(/declined/i);
    const text = (await timeline.textContent()) ?? '';
    for (const agency of Object.values(agencies)) expect(text).toContain(agency.name);
    expect(text).toMatch(/declined/i);
    await expectAccessible(page);
    await screenshot(page, 'journey-timeline-en.png');
    expect(desk.problems).toEqual([]);
  }, 180_000);

  it('holds an unmet gate, refuses a short override, and flags a proper one on the timeline and in the audit trail', async () => {
    const desk = await person();
    const { page } = desk;
    await page.goto(`${testApp.url}/operations/${CODE}`);
    await signIn(page, planner.email, planner.password);

    // Advance is held while the gate is unmet, and says why in words.
    const advance = page.getByRole('button', { name: 'Advance to Operational' });
    await advance.waitFor();
    expect(await advance.isDisabled()).toBe(true);
    const checklist = page.getByRole('list', { name: 'Criteria for moving to Operational' });
    const readiness = checklist.getByRole('listitem').filter({ hasText: 'Every participating agency has acknowledged the readiness test' });
    const start = checklist.getByRole('listitem').filter({ hasText: 'The planned start of the operational phase has been reached' });
    await expect.poll(() => readiness.textContent()).toContain('Not met');
    expect(await readiness.textContent()).toContain('Royal Malaysian Customs Department');
    expect(await start.textContent()).toContain('Not met');
    expect(await page.getByRole('main').textContent()).toContain('2 criteria for moving to Operational are not met');
    await screenshot(page, 'journey-gate-refused-en.png');

    await page.getByRole('button', { name: 'Override…' }).click();
    const justification = page.getByLabel('Justification');
    await justification.fill('Too short.');
    await page.getByRole('button', { name: 'Override and advance to Operational' }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('At least 20 characters');
    expect(await page.locator('.operation-facts').textContent()).toContain('Pre-operational');

    await justification.fill('Seaport teams ready early; the WCO RILO confirmed readiness by telephone.');
    await page.getByRole('button', { name: 'Override and advance to Operational' }).click();
    await expect.poll(() => page.locator('.operation-facts').textContent()).toContain('Operational');
    await expectAccessible(page);
    await screenshot(page, 'journey-overridden-en.png');

    await page.getByRole('link', { name: 'Timeline', exact: true }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toMatch(/overrid/i);
    await page.getByRole('link', { name: 'Audit trail', exact: true }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Seaport teams ready early');
    await expectAccessible(page);
    await screenshot(page, 'journey-audit-en.png');
    expect(desk.problems).toEqual([]);
  }, 180_000);

  it('shows the same screens in French with no English left, on the wall screen too', async () => {
    const desk = await person({ locale: 'fr-FR', viewport: WALL });
    const { page } = desk;
    await page.goto(`${testApp.url}/operations`);
    await page.getByRole('button', { name: 'Français' }).click();
    await signIn(page, planner.email, planner.password);
    const screens: [string, string][] = [
      ['/operations', 'journey-operations-fr.png'],
      ['/operations/new', 'journey-create-operation-fr.png'],
      [`/operations/${CODE}`, 'journey-overview-fr.png'],
      [`/operations/${CODE}/participants`, 'journey-participants-fr.png'],
      [`/operations/${CODE}/timeline`, 'journey-timeline-fr.png'],
      [`/operations/${CODE}/audit`, 'journey-audit-fr.png'],
      [`/operations/${CODE}/edit`, 'journey-edit-fr.png'],
    ];
    for (const [path, picture] of screens) {
      await page.goto(`${testApp.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await englishLeftOnPage(page, ENGLISH), path).toEqual([]);
      await expectAccessible(page);
      await screenshot(page, picture);
    }
    await page.getByRole('button', { name: 'Écran mural' }).click();
    await page.goto(`${testApp.url}/operations/${CODE}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'journey-overview-wall-fr.png');
    expect(desk.problems).toEqual([]);
  }, 180_000);

  it('keeps the planner’s tabs on one line of a French laptop, every one reached by the keyboard and in view', async () => {
    const desk = await person({ locale: 'fr-FR', viewport: LAPTOP });
    const { page } = desk;
    await page.goto(`${testApp.url}/operations/${CODE}`);
    await page.getByRole('button', { name: 'Français' }).click();
    await signIn(page, planner.email, planner.password);
    const tabs = page.getByRole('navigation', { name: 'Opération' });
    const links = tabs.getByRole('link');
    await links.first().waitFor();
    const names = await links.allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Vue d’ensemble', 'Importer des saisies', 'Contrôles', 'Audit', 'Modifier le plan']));
    const tops = await links.evaluateAll((all) => all.map((link) => Math.round(link.getBoundingClientRect().top)));
    expect(new Set(tops).size, `tab tops ${tops.join(', ')}`).toBe(1);
    const strip = await tabs.evaluate((nav) => ({ wide: nav.scrollWidth, shown: nav.clientWidth }));
    console.info(`[figure] the planner's ${names.length} tabs in French: ${strip.wide} px of tabs in a ${strip.shown} px strip`);
    await screenshot(page, 'journey-tabs-laptop-fr.png');

    /** Whether the focused element is a tab drawn whole within the strip of tabs. */
    const focusedTabInView = () =>
      page.evaluate(() => {
        const focused = document.activeElement;
        const strip = focused?.closest('nav')?.getBoundingClientRect();
        const box = focused?.getBoundingClientRect();
        return strip && box && box.left >= strip.left - 0.5 && box.right <= strip.right + 0.5 ? focused!.textContent : null;
      });
    await links.first().focus();
    const reached = [await focusedTabInView()];
    for (let step = 1; step < names.length; step += 1) {
      await page.keyboard.press('Tab');
      reached.push(await focusedTabInView());
    }
    expect(reached).toEqual(names);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/edit$/);
    await page.getByRole('heading', { level: 1 }).waitFor();

    // A page opened by its address has its tab brought into view, past the strip's edge as it was.
    await page.goto(`${testApp.url}/operations/${CODE}/audit`);
    const current = tabs.getByRole('link', { name: 'Audit', exact: true });
    await expect.poll(() => current.getAttribute('aria-current')).toBe('page');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const inView = await current.evaluate((link) => {
      const strip = link.closest('nav')!.getBoundingClientRect();
      const box = link.getBoundingClientRect();
      return box.left >= strip.left - 0.5 && box.right <= strip.right + 0.5;
    });
    expect(inView).toBe(true);
    await expectAccessible(page);
    expect(desk.problems).toEqual([]);
  }, 120_000);

  it('gives an outsider and the administrator the same "not found" as a code that does not exist', async () => {
    for (const viewer of [outsider, admin]) {
      const desk = await person();
      const { page } = desk;
      await page.goto(`${testApp.url}/operations/PGS-NO-SUCH-2026`);
      await signIn(page, viewer.email, viewer.password);
      await page.getByRole('heading', { name: 'Not found' }).waitFor();
      const madeUp = await page.getByRole('main').innerHTML();
      for (const path of [`/operations/${CODE}`, `/operations/${CODE}/participants`, `/operations/${CODE}/audit`]) {
        await page.goto(`${testApp.url}${path}`);
        await page.getByRole('heading', { name: 'Not found' }).waitFor();
        expect(await page.getByRole('main').innerHTML(), path).toBe(madeUp);
        expect(await page.content()).not.toContain(NAME);
      }
      await expectAccessible(page);
      await screenshot(page, `journey-not-found-${viewer === admin ? 'admin' : 'outsider'}.png`);
      expect(desk.problems).toEqual([]);
    }
  }, 180_000);

  it('brings a contact point who opened a deep link while signed out to that page once signed in', async () => {
    const desk = await person();
    const { page } = desk;
    await page.goto(`${testApp.url}/operations/${CODE}/timeline`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page);
    await signIn(page, contactPoints.malaysia.email, contactPoints.malaysia.password);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NAME);
    expect(new URL(page.url()).pathname).toBe(`/operations/${CODE}/timeline`);
    await page.getByRole('link', { name: 'Participants', exact: true }).click();
    await page.waitForURL(`**/operations/${CODE}/participants`);
    await page.goBack();
    await page.waitForURL(`**/operations/${CODE}/timeline`);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NAME);
    expect(desk.problems).toEqual([]);
  }, 180_000);
});

async function planPhase(page: Page, phase: string, startsAt: string, endsAt: string): Promise<void> {
  const group = page.getByRole('group', { name: phase, exact: true });
  await group.getByLabel('Starts').fill(startsAt);
  await group.getByLabel('Ends').fill(endsAt);
}

function criterion(page: Page, words: string): Locator {
  return page.getByRole('listitem').filter({ hasText: words });
}
