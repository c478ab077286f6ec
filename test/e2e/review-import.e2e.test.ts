import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { englishOnlySentences } from '../testkit/catalogues';
import { englishLeftOnPage, expectAccessible, LAPTOP, openBrowser, screenshot, signIn, WALL, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { csvFile, seizureInput, seizureKit } from '../testkit/seizures';
import { ensureWebBuilt } from '../testkit/web-build';

// A WCO reviewer keeps the queue open: Malaysia's report arrives live and is verified; Thailand's
// is rejected with a reason. Malaysia's contact point imports a file with three bad rows (the
// preview names each by row and column, nothing is saved), then the corrected file (every row once),
// then the same file again (nothing more); and records a day of checks. The contact point is
// offered no review. Every screen scanned, in English and French, on a laptop and the wall.

const ENGLISH = englishOnlySentences();

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const row = (place: string, overrides: Record<string, string> = {}) => ({
  seized_at: '2026-05-01T06:00+08:00',
  country_code: 'MY',
  place,
  location_type: 'SEAPORT',
  commodity_code: 'AMMONIUM_NITRATE',
  quantity: '1250.5',
  unit: 'KG',
  detection_method: 'X_RAY',
  transport_mode: 'SEA',
  ...overrides,
});
const GOOD = [row('Port Klang, North Port'), row('Penang Port'), row('Johor Port'), row('Kuantan Port')];
const BAD = [GOOD[0]!, { ...GOOD[1]!, quantity: 'lots' }, { ...GOOD[2]!, unit: 'KGS' }, { ...GOOD[3]!, country_code: 'Malaysia' }];

describeWhere(['chromium'], 'review, import and the register of checks in the browser', () => {
  let testApp: TestApp;
  let operation: OperationDriver;
  let malaysia: Actor;
  let thailand: Actor;
  let reviewer: Actor;
  let report: (by: Actor, place: string) => Promise<string>;
  const people: Person[] = [];

  it.beforeAll(async ({ app, kit }) => {
    testApp = app;
    const room = await operationalRoom(kit, { reviewer: true, commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE' } });
    ({ operation, malaysia, thailand, reviewer } = room);
    const seizures = seizureKit(kit);
    report = (by, place) => seizures.reported(by, seizureInput(operation, room.ammoniumNitrate, { place }));
  }, 240_000);

  afterAll(async () => {
    for (const person of people) await person.close();
  });

  const open = async (who: Actor, path: string, options: Parameters<typeof openBrowser>[1] = {}) => {
    const person = await openBrowser(testApp.url, options);
    people.push(person);
    await person.page.goto(`${testApp.url}/operations/${operation.code}/${path}`);
    if (options.locale === 'fr-FR') await person.page.getByRole('button', { name: 'Français' }).click();
    await signIn(person.page, who.email, who.password);
    return person;
  };
  const statusOf = async (id: string) =>
    (await operation.view<{ seizures: { edges: { node: { id: string; status: string; rejectionReason: string | null } }[] } }>(
      reviewer,
      'seizures(first: 200) { edges { node { id status rejectionReason } } }',
    ))!.seizures.edges.find((edge) => edge.node.id === id)?.node;
  const malaysianReports = async () =>
    (await operation.view<{ seizures: { edges: { node: { reportingAgency: { id: string } } }[] } }>(
      malaysia,
      'seizures(first: 200) { edges { node { reportingAgency { id } } } }',
    ))!.seizures.edges.filter((edge) => edge.node.reportingAgency.id === malaysia.agency.globalId).length;
  const queueRow = (page: Page, reference: string) => page.getByRole('row').filter({ hasText: reference });

  let reviewerPerson: Person;

  it('shows a report arriving in the queue live, and verifies it', async () => {
    reviewerPerson = await open(reviewer, 'review');
    const { page } = reviewerPerson;
    await page.getByText('No report awaits verification.').waitFor();
    const id = await report(malaysia, 'Port Klang, Westport container terminal');
    const reference = `${operation.code}/S-0001`;
    await queueRow(page, reference).waitFor();
    const text = await queueRow(page, reference).textContent();
    expect(text).toContain('24 t');
    expect(text).toContain('Port Klang, Westport container terminal');
    expect(text).toContain('X-ray');
    await expectAccessible(page);
    await screenshot(page, 'review-queue-laptop-en.png');

    await page.getByRole('button', { name: `Verify ${reference}` }).click();
    await page.getByText(`${reference}: verified.`).waitFor();
    await page.getByText('No report awaits verification.').waitFor();
    expect((await statusOf(id))?.status).toBe('VERIFIED');
    expect(reviewerPerson.problems).toEqual([]);
  }, 90_000);

  it('rejects a report only with a reason', async () => {
    const { page } = reviewerPerson;
    const id = await report(thailand, 'Laem Chabang, container yard B');
    const reference = `${operation.code}/S-0002`;
    await page.getByRole('button', { name: `Reject ${reference}…` }).click();
    await page.getByRole('button', { name: 'Reject the report' }).click();
    await page.getByText('Required').waitFor();
    expect((await statusOf(id))?.status).toBe('SUBMITTED');
    await page.getByLabel(`Reason for rejecting ${reference}`).fill('The quantity is the gross weight: give the net weight seized.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Reject the report' }).click();
    await page.getByText(`${reference}: rejected; the agency has been told why.`).waitFor();
    expect(await statusOf(id)).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'The quantity is the gross weight: give the net weight seized.',
    });
  }, 60_000);

  let contactPoint: Person;

  it('offers a contact point no review, and imports a file all or nothing, once', async () => {
    await report(thailand, 'Bangkok, Suvarnabhumi cargo terminal');
    contactPoint = await open(malaysia, 'review', { clock: testApp.clock });
    const { page } = contactPoint;
    await queueRow(page, `${operation.code}/S-0003`).waitFor();
    expect(await page.getByRole('button', { name: /^Verify/ }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Operation' }).getByRole('link', { name: 'Review' }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Operation' }).getByRole('link', { name: 'Import seizures' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('seizure-import-template.csv');
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^seized_at,country_code,place,location_type,/);

    const before = await malaysianReports();
    const choose = (name: string, rows: Record<string, string>[]) =>
      page.getByLabel('Seizure file (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csvFile(rows)) });
    await choose('seizures-bad.csv', BAD);
    await page.getByText('seizures-bad.csv: 4 rows, 3 problems to correct.').waitFor();
    const problems = page.getByRole('table', { name: 'Problems to correct in the file' }).getByRole('row');
    expect(await problems.count()).toBe(4);
    const listed = (await problems.allTextContents()).slice(1);
    expect(listed[0]).toMatch(/^2quantity/);
    expect(listed[1]).toMatch(/^3unit/);
    expect(listed[2]).toMatch(/^4country_code/);
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    // Each row's check is read without scrolling the table sideways on a laptop.
    const check = await page.getByRole('table', { name: 'Rows of the file' }).getByRole('columnheader', { name: 'Check' }).boundingBox();
    expect(check!.x + check!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expectAccessible(page);
    await screenshot(page, 'import-preview-laptop-en.png');
    expect(await malaysianReports()).toBe(before);

    await choose('seizures.csv', GOOD);
    await page.getByText('seizures.csv: 4 rows, no problem found.').waitFor();
    await page.getByRole('button', { name: 'Import 4 seizures' }).click();
    await page.getByText('4 seizures imported.').waitFor();
    expect(await malaysianReports()).toBe(before + 4);

    await choose('seizures-again.csv', GOOD);
    await page.getByRole('button', { name: 'Import 4 seizures' }).click();
    await page.getByText('No new seizure imported; 4 rows had been imported before and were not imported again.').waitFor();
    expect(await malaysianReports()).toBe(before + 4);
    expect(contactPoint.problems).toEqual([]);
  }, 120_000);

  it('records a day of checks and shows the totals so far', async () => {
    const { page } = contactPoint;
    await page.getByRole('navigation', { name: 'Operation' }).getByRole('link', { name: 'Register of checks' }).click();
    // The page reads the server's clock (openBrowser's `clock`): the day offered is today in the
    // operation's zone, its first operational day, among its days in the page's words.
    const day = await operation.operationalDay();
    const databases = page.getByRole('group', { name: 'Database checks and hits' });
    expect(await databases.getByLabel('Day').inputValue()).toBe(day);
    await databases.getByLabel('Checks').fill('40');
    await databases.getByLabel('Hits').fill('2');
    await databases.getByRole('button', { name: 'Record' }).click();
    await databases.getByText(/^40 checks and 2 hits recorded for/).waitFor();
    const licit = page.getByRole('group', { name: 'Licit shipments checked' });
    expect(await licit.getByLabel('Day').inputValue()).toBe(day);
    await licit.getByLabel('Shipments').fill('12');
    await licit.getByLabel('Quantity').fill('4000');
    await licit.getByRole('button', { name: 'Record' }).click();
    await licit.getByText(/^12 shipments recorded for/).waitFor();
    const figure = (label: string) => page.locator('.check-figures div').filter({ hasText: label }).locator('dd');
    await poll(() => figure('Licit shipments checked').textContent()).toBe('12');
    await poll(() => figure('Database checks').textContent()).toBe('40');
    await expectAccessible(page);
    await screenshot(page, 'checks-laptop-en.png');
    expect(contactPoint.problems).toEqual([]);
  }, 60_000);

  it('reads on the wall screen and in French', async () => {
    await reviewerPerson.page.setViewportSize(WALL);
    await reviewerPerson.page.getByRole('navigation', { name: 'Operation' }).getByRole('link', { name: 'Register of checks' }).click();
    await reviewerPerson.page.getByRole('heading', { name: 'Totals so far' }).waitFor();
    await screenshot(reviewerPerson.page, 'checks-wall-en.png');
    await reviewerPerson.page.getByRole('navigation', { name: 'Operation' }).getByRole('link', { name: 'Review' }).click();
    await queueRow(reviewerPerson.page, `${operation.code}/S-0003`).waitFor();
    await screenshot(reviewerPerson.page, 'review-queue-wall-en.png');

    // One French person a screen size: the reviewer on the wall screen, the contact point on a laptop.
    const reviewerFr = await open(reviewer, 'review', { viewport: WALL, locale: 'fr-FR' });
    await reviewerFr.page.getByRole('button', { name: 'Écran mural' }).click();
    await queueRow(reviewerFr.page, `${operation.code}/S-0003`).waitFor();
    await reviewerFr.page.getByRole('button', { name: `Rejeter ${operation.code}/S-0003…` }).click();
    await reviewerFr.page.getByRole('button', { name: 'Rejeter la déclaration' }).click();
    await reviewerFr.page.getByText('Obligatoire').waitFor();
    expect(await englishLeftOnPage(reviewerFr.page, ENGLISH)).toEqual([]);
    await expectAccessible(reviewerFr.page);
    await screenshot(reviewerFr.page, 'review-queue-wall-fr.png');

    const importer = await open(malaysia, 'seizures/import', { viewport: LAPTOP, locale: 'fr-FR' });
    await importer.page
      .getByLabel('Fichier de saisies (CSV)')
      .setInputFiles({ name: 'saisies.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFile(BAD)) });
    await importer.page.getByText('saisies.csv : 4 lignes, 3 problèmes à corriger.').waitFor();
    expect(await englishLeftOnPage(importer.page, ENGLISH)).toEqual([]);
    await expectAccessible(importer.page);
    await screenshot(importer.page, 'import-preview-laptop-fr.png');
    await importer.page.getByRole('navigation', { name: 'Opération' }).getByRole('link', { name: 'Contrôles' }).click();
    await importer.page.getByRole('heading', { name: 'Totaux à ce jour' }).waitFor();
    expect(await englishLeftOnPage(importer.page, ENGLISH)).toEqual([]);
    await expectAccessible(importer.page);
    await screenshot(importer.page, 'checks-laptop-fr.png');
    expect([...reviewerFr.problems, ...importer.problems]).toEqual([]);
  }, 180_000);
});
