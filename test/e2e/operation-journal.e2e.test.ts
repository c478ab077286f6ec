import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { users } from '@jointops/server/db/schema/accounts';
import type { TestApp } from '../testkit/app';
import { withApp } from '../testkit/fixtures';
import { englishLeftOnPage, expectAccessible, openBrowser, screenshot, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import type { Actor, OperationDriver } from '../testkit/operations';
import { ensureWebBuilt } from '../testkit/web-build';

// A WCO planner reads the journal of an operation: what happened, newest first and in words,
// with the override that moved it to OPERATIONAL flagged; older events a page at a time; narrowed
// to one kind of event or one agency; then the audit trail of every attempt, the refused one of a
// contact point included. In English, then in French. The contact point finds no audit trail.

const JUSTIFICATION = 'Readiness test postponed: the coordination unit confirmed every contact point by telephone.';
const PLAN_CHANGES = 55;

const webRoot = new URL('../../web/', import.meta.url);
const readCatalogue = (path: string): Record<string, string> => JSON.parse(readFileSync(new URL(path, webRoot), 'utf8'));

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

describeWhere(['chromium'], 'the operation journal in the browser', () => {
  let testApp: TestApp;
  let operation: OperationDriver;
  let planner: Actor;
  let malaysia: Actor;
  let plannerName: string;
  let totalEvents: number;
  let person: Person;

  it.beforeAll(async ({ app, kit }) => {
    testApp = app;
    const suffix = Math.random().toString(36).slice(2, 8);
    const wco = await kit.seed.agency({
      name: `World Customs Organization ${suffix}`,
      acronym: 'WCO',
      kind: 'INTERNATIONAL_ORGANIZATION',
      countryCode: null,
    });
    planner = await kit.actor(wco);
    operation = await kit.operation(planner);
    malaysia = await operation.join(
      await kit.actor(await kit.seed.agency({ name: `Royal Malaysian Customs ${suffix}`, acronym: 'JKDM', countryCode: 'MY' })),
    );
    await operation.join(await kit.actor(await kit.seed.agency({ name: `Thai Customs ${suffix}`, acronym: 'TCD', countryCode: 'TH' })));
    // More than a page of events, so the newest page ends among the plan changes.
    for (let change = 1; change <= PLAN_CHANGES; change += 1) {
      await operation.update({ objectives: `Intercept precursor chemicals diverted from licit trade (revision ${change}).` });
    }
    expect((await operation.advance('PRE_OPERATIONAL')).result?.__typename).toBe('Operation');
    // A contact point may not change the phase: refused, and audited as such.
    const refused = await operation.advance('OPERATIONAL', { by: malaysia });
    expect(refused.refusal ?? refused.result?.__typename).toBe('FORBIDDEN');
    expect((await operation.advance('OPERATIONAL', { overrideJustification: JUSTIFICATION })).result?.__typename).toBe('Operation');

    const [row] = await testApp.database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, planner.id));
    plannerName = row!.displayName;
    const seen = await operation.view(planner, 'timeline(first: 500) { edges { cursor } }');
    totalEvents = seen!.timeline.edges.length;
    expect(totalEvents).toBeGreaterThan(50);

    person = await openBrowser(testApp.url, { locale: 'en-GB' });
    await person.page.goto(testApp.url);
    await signIn(person.page, planner.email, planner.password);
  }, 240_000);

  afterAll(async () => {
    await person?.close();
  });

  // The events themselves, not the items of a list inside one (the criteria an override passed over).
  const events = (page: Page, name = 'Events, newest first') => page.getByRole('list', { name }).locator(':scope > li');
  const shown = (page: Page, count: number) => page.getByText(`${count} events shown, newest first`);

  it('tells the timeline in words, newest first, with the override flagged', async () => {
    const { page } = person;
    await page.goto(`${testApp.url}/operations/${operation.code}/timeline`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await shown(page, 50).waitFor();

    const newest = events(page).first();
    await expect
      .poll(() => newest.textContent())
      .toContain(`${plannerName} (WCO) advanced the operation from Pre-operational to Operational, overriding 2 unmet criteria`);
    const newestText = (await newest.textContent())!;
    expect(newestText).toContain('Override');
    expect(newestText).toContain('Every participating agency has acknowledged the readiness test');
    expect(newestText).toContain(JUSTIFICATION);
    expect(await events(page).nth(1).textContent()).toContain(
      `${plannerName} (WCO) advanced the operation from Planning to Pre-operational`,
    );
    expect(await events(page).nth(2).textContent()).toContain(`${plannerName} (WCO) changed the plan: objectives`);

    await expectAccessible(page);
    await screenshot(page, 'journal-timeline-en.png');
    expect(person.problems).toEqual([]);
  });

  it('shows older events a page at a time, and keeps them as new events arrive on top', async () => {
    const { page } = person;
    await page.getByRole('button', { name: 'Show older events' }).click();
    await shown(page, totalEvents).waitFor();
    await page.getByText('This is the beginning of the timeline.').waitFor();
    expect(await page.getByRole('button', { name: 'Show older events' }).count()).toBe(0);
    expect(await events(page).last().textContent()).toContain(`${plannerName} (WCO) created the operation`);
    const invited = events(page).filter({ hasText: 'accepted the invitation on behalf of Royal Malaysian Customs' });
    expect(await invited.count()).toBe(1);

    await operation.update({ region: 'South and South-East Asia' });
    await shown(page, totalEvents + 1).waitFor();
    expect(await events(page).first().textContent()).toContain(`${plannerName} (WCO) changed the plan: region`);
    expect(await events(page).last().textContent()).toContain('created the operation');
    totalEvents += 1;
    expect(person.problems).toEqual([]);
  });

  it('narrows the timeline by event type and by agency, in the address', async () => {
    const { page } = person;
    await page.getByLabel('Event type').selectOption({ label: 'Phase changed' });
    await shown(page, 2).waitFor();
    expect(page.url()).toContain('type=PhaseAdvancedEvent');

    await page.getByLabel('Event type').selectOption({ label: 'All event types' });
    await page.getByLabel('Agency').selectOption({ label: `${malaysia.agency.name} (JKDM, Malaysia)` });
    await shown(page, 2).waitFor();
    const malaysian = await events(page).allTextContents();
    expect(malaysian[0]).toContain('accepted the invitation on behalf of Royal Malaysian Customs');
    expect(malaysian[1]).toContain(`${plannerName} (WCO) invited Royal Malaysian Customs`);

    await page.getByLabel('Event type').selectOption({ label: 'Phase changed' });
    await page.getByText('No event matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Show every event' }).click();
    // The newest page of 50 took the plan's change heard live on top rather than being asked again.
    await shown(page, 51).waitFor();
    expect(page.url()).not.toContain('type=');
    expect(person.problems).toEqual([]);
  });

  it('lists every attempt on the audit trail, the override and the refusal in words', async () => {
    const { page } = person;
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    const table = page.getByRole('table', { name: 'Attempts to change the operation, newest first' });
    await table.waitFor();
    for (const column of ['When', 'Who', 'Action', 'Target', 'Outcome', 'From', 'Request id']) {
      expect(await table.getByRole('columnheader', { name: column }).count()).toBe(1);
    }
    const rows = table.getByRole('row');
    const override = rows.filter({ hasText: JUSTIFICATION });
    expect(await override.count()).toBe(1);
    const overrideText = (await override.textContent())!;
    expect(overrideText).toContain(plannerName);
    expect(overrideText).toContain('Change the phase');
    expect(overrideText).toContain('Override');
    expect(overrideText).toContain('Pre-operational → Operational');
    expect(overrideText).toContain(`Operation ${operation.code}`);
    expect(overrideText).toContain('Accepted');

    const refused = rows.filter({ hasText: 'Refused' });
    expect(await refused.count()).toBeGreaterThan(0);
    const refusedText = (await refused.first().textContent())!;
    expect(refusedText).toContain('Change the phase');
    expect(refusedText).toContain('Royal Malaysian Customs');
    expect(refusedText).toContain('Not allowed for their role');

    await expectAccessible(page);
    await screenshot(page, 'journal-audit-en.png');
    expect(person.problems).toEqual([]);
  });

  it('says all of it in French', async () => {
    const { page } = person;
    const english = readCatalogue('lang/en.json');
    const french = Object.assign(
      {},
      ...['timeline', 'audit', 'shell', 'codes', 'problems'].map((area) => readCatalogue(`lang/fr/${area}.json`)),
    );
    const same = Object.keys(english)
      .filter((id) => french[id] === english[id])
      .map((id) => english[id]!);

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Journal d’audit' }).waitFor();
    const refused = page.getByRole('row').filter({ hasText: 'Refusée' }).first();
    expect(await refused.textContent()).toContain('Non autorisé pour son rôle');
    expect(await page.getByRole('row').filter({ hasText: JUSTIFICATION }).textContent()).toContain('Dérogation');
    expect(await englishLeftOnPage(page, Object.values(english), same)).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, 'journal-audit-fr.png');

    await page.getByRole('link', { name: 'Chronologie' }).click();
    await page.getByText('51 événements affichés, du plus récent au plus ancien').waitFor();
    const newest = events(page, 'Événements, du plus récent au plus ancien').first();
    expect(await newest.textContent()).toContain(`${plannerName} (WCO) a modifié le plan\u00a0: région`);
    const override = events(page, 'Événements, du plus récent au plus ancien').nth(1);
    expect(await override.textContent()).toContain(
      `${plannerName} (WCO) a fait passer l’opération de la phase Pré-opérationnelle à la phase Opérationnelle en passant outre 2 critères non remplis`,
    );
    expect(await override.textContent()).toContain('Dérogation');
    expect(await englishLeftOnPage(page, Object.values(english), same)).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, 'journal-timeline-fr.png');
    expect(person.problems).toEqual([]);
  });

  it('gives a contact point no audit trail: "Not found", and no link to it', async () => {
    const contactPoint = await openBrowser(testApp.url, { locale: 'en-GB' });
    try {
      const { page } = contactPoint;
      await page.goto(testApp.url);
      await signIn(page, malaysia.email, malaysia.password);
      await page.goto(`${testApp.url}/operations/${operation.code}/audit`);
      await page.getByRole('heading', { name: 'Not found' }).waitFor();
      expect(await page.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);

      await page.getByRole('link', { name: 'Timeline' }).click();
      await shown(page, 50).waitFor();
      expect(contactPoint.problems).toEqual([]);
    } finally {
      await contactPoint.close();
    }
  });
});
