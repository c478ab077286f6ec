import { createHash, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { expectAccessible, openBrowser, screenshot, signIn, WALL, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom, type OperationalRoom } from '../testkit/operational-room';
import type { Actor } from '../testkit/operations';
import { seizureInput, seizureKit } from '../testkit/seizures';
import { reportFigure } from '../testkit/report';
import { ensureWebBuilt } from '../testkit/web-build';

// The seizure screens, each person in their own browser: a Malaysian contact point reports 24 t of
// ammonium nitrate found on Malaysia's alert, first as a draft, then submits it. A WCO reviewer,
// with the queue open in one tab and the room in another, sees it arrive and the room's tally
// change, and verifies it; the reporter's page says so without being reloaded, and the results
// count 24,000 kg with the alert's outcome as seized. The list shows the report in tonnes. Cut off
// at the post, she saves a second report as a draft: it waits in the outbox and reaches the server
// once when the link is back. Thailand takes part too, but a Malaysian draft is Malaysia's alone:
// nothing of it reaches Thailand's list, its address, its DOM or its network.

const ALERT_TITLE = 'Ammonium nitrate declared as NPK fertiliser, Port Klang to Manila';
const PLACE = 'Port Klang, Westport container terminal';
const OFFLINE_PLACE = 'Bukit Kayu Hitam land border post';
const SECRET_PLACE = 'Pasir Gudang bonded warehouse 7';
const PHOTOGRAPHED_PLACE = 'Johor Port, berth 4';
/** A PDF's first bytes are all the server looks at to take it as one. */
const PHOTOGRAPH = { name: 'drums-at-berth-4.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') };
const BORDER_PLACES = { sent: 'Padang Besar rail border, wagon 12', refused: 'Rantau Panjang border post, lane 3' };
const CUSTOMS_FORM = { name: 'customs-declaration-k1.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% K1\n%%EOF\n') };
/** A program's first bytes: no kind of file the server takes. */
const PROGRAM = { name: 'scanner-export.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00\x03') };

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

describeWhere(['chromium'], 'the seizure screens in the browser', () => {
  let testApp: TestApp;
  let room: OperationalRoom<{ reviewer: true; commodities: { ammoniumNitrate: string } }>;
  let malaysia: Person;
  let alertReference: string;
  let seizurePath: string;
  const people: Person[] = [];

  const personFor = async (actor: Actor, options?: Parameters<typeof openBrowser>[1]) => {
    const person = await openBrowser(testApp.url, { timezoneId: 'Asia/Kuala_Lumpur', ...options });
    people.push(person);
    await person.page.goto(`${testApp.url}/operations/${room.operation.code}/seizures`);
    await signIn(person.page, actor.email, actor.password);
    return person;
  };
  /**
   * The server's "now", an hour ago, as a `datetime-local` in the zone of the contact point's
   * profile (UTC): the form reads the time there, not in the browser's zone (Kuala Lumpur).
   */
  const anHourAgoInHerZone = () => new Date(testApp.clock.now().getTime() - 3_600_000).toISOString().slice(0, 16);
  const live = (page: Page) => page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();

  /** Malaysia's reports at `place`, as the API gives them to Malaysia. */
  const reportsAt = async (place: string) => {
    const seen = await room.operation.view(room.malaysia, 'seizures(first: 100) { edges { node { id place status quantity unit } } }');
    return seen!.seizures.edges
      .map((edge: { node: { place: string } }) => edge.node)
      .filter((node: { place: string }) => node.place === place);
  };

  /** Fills the form with what a report needs, in tonnes of ammonium nitrate. */
  const fillReport = async (page: Page, place: string) => {
    await page.getByLabel('Seized at (your time)').fill(anHourAgoInHerZone());
    await page.getByLabel('Place', { exact: true }).fill(place);
    await page.getByLabel('Location type').selectOption({ label: 'Seaport' });
    await page.getByLabel('Commodity', { exact: true }).selectOption({ label: 'Ammonium nitrate (AMMONIUM_NITRATE)' });
    await page.getByLabel('Quantity').fill('24');
    await page.getByLabel('Unit').selectOption({ label: 't' });
    await page.getByLabel('Detection method').selectOption({ label: 'X-ray' });
    await page.getByLabel('Transport mode').selectOption({ label: 'Sea' });
  };

  it.beforeAll(async ({ app, kit }) => {
    testApp = app;
    room = await operationalRoom(kit, { reviewer: true, commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE' } });
    const { result } = await kit.mutate(room.malaysia, 'raiseAlert', {
      operationId: room.operation.id,
      idempotencyKey: randomUUID(),
      category: 'INTELLIGENCE',
      severity: 'HIGH',
      title: ALERT_TITLE,
      marking: 'AMBER',
      distribution: 'ALL_PARTICIPANTS',
    });
    expect(result?.__typename).toBe('Alert');
    alertReference = result!.reference as string;
    malaysia = await personFor(room.malaysia);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(people.map((person) => person.close()));
  });

  it('lets a contact point report a seizure in tonnes linked to an alert, which a reviewer verifies while she watches, and the results count it', async () => {
    const { page } = malaysia;
    await page.getByRole('link', { name: 'Report a seizure' }).click();
    await page.getByRole('heading', { name: 'Report a seizure' }).waitFor();

    // Sent empty first: the browser says what is missing, and nothing is reported.
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('alert').getByText('Some values were refused: see the fields marked.').waitFor();
    expect(await reportsAt(PLACE)).toEqual([]);

    await fillReport(page, PLACE);
    // Ammonium nitrate is counted by mass: litres and pieces are not offered.
    expect(await page.getByLabel('Unit').locator('option').allTextContents()).toEqual(['kg', 'g', 't']);
    await page.getByLabel('Latitude').fill('2.9996');
    await page.getByLabel('Longitude').fill('101.3918');
    await page.getByLabel('Concealment').fill('Declared as NPK fertiliser');
    await page.getByLabel('Persons arrested').fill('2');
    await page.getByRole('checkbox', { name: new RegExp(ALERT_TITLE) }).check();
    await expectAccessible(page);
    await screenshot(page, 'seizure-report-en.png');
    await page.getByRole('button', { name: 'Save as draft' }).click();

    await page.getByRole('heading', { level: 2, name: /^Seizure report / }).waitFor();
    seizurePath = new URL(page.url()).pathname;
    await page.getByText('A draft: only your agency sees it until it is submitted.').waitFor();
    expect(await reportsAt(PLACE)).toEqual([expect.objectContaining({ status: 'DRAFT', quantity: 24, unit: 'T' })]);

    // The reviewer keeps the queue open in one tab and the room in another, in a browser of their own.
    const reviewer = await openBrowser(testApp.url, { timezoneId: 'Europe/Brussels', clock: testApp.clock });
    people.push(reviewer);
    await reviewer.page.goto(`${testApp.url}/operations/${room.operation.code}/room`);
    await signIn(reviewer.page, room.reviewer.email, room.reviewer.password);
    const tally = reviewer.page.getByRole('region', { name: 'Seizures by commodity' });
    await tally.getByText('No seizure reported yet.').waitFor();
    const queue = await reviewer.context.newPage();
    await queue.goto(`${testApp.url}/operations/${room.operation.code}/review`);
    await queue.getByText('No report awaits verification.').waitFor();
    await live(queue);

    await page.getByRole('button', { name: 'Submit for verification' }).click();
    await page.locator('.seizure-header').getByText('Awaiting verification').waitFor();
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'History' }) });
    await history.getByText('Submitted for verification').waitFor();
    // Counted once the page has taken the report's live event too, not at the instant the step shows.
    await poll(() => history.getByRole('listitem').count()).toBe(2);
    const linked = page.locator('section', { has: page.getByRole('heading', { name: 'Linked alerts' }) });
    expect(await linked.getByRole('link').textContent()).toBe(alertReference);
    await page.getByText('24\u00a0t of').or(page.getByText('24\u00a0t')).first().waitFor();
    expect(await reportsAt(PLACE)).toEqual([expect.objectContaining({ status: 'SUBMITTED' })]);
    await expectAccessible(page);
    await screenshot(page, 'seizure-detail-en.png');

    // It arrives in the queue and in the room's tally (which counts reports awaiting verification).
    const reference = `${room.operation.code}/S-0001`;
    const queued = queue.getByRole('row').filter({ hasText: reference });
    await queued.waitFor();
    expect(await queued.textContent()).toMatch(/24\st Ammonium nitrate/);
    await poll(() => tally.getByRole('row', { name: /^Ammonium nitrate/ }).textContent()).toContain('24,000\u00a0kg');
    await queue.getByRole('button', { name: `Verify ${reference}` }).click();
    await queue.getByText(`${reference}: verified.`).waitFor();
    await queue.getByText('No report awaits verification.').waitFor();

    // The reporter's page follows the stream: verified, with its step in the history, no reload,
    // and the report stays on screen while its page reads it again (no loading placeholder).
    await page.evaluate(() => {
      const seen = { placeholders: 0 };
      Object.assign(window, { seen });
      new MutationObserver((changes) => {
        for (const change of changes)
          for (const node of change.addedNodes)
            if (node instanceof Element && (node.matches('.skeleton') || node.querySelector('.skeleton'))) seen.placeholders += 1;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const verifiedAt = Date.now();
    await page.locator('.seizure-header').getByText('Verified').waitFor();
    await history.getByText('Verified by').waitFor();
    reportFigure('seizures journey: the verification on the reporter’s open page after', Date.now() - verifiedAt, 'ms');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { seen: { placeholders: number } }).seen.placeholders)).toBe(0);
    await screenshot(page, 'seizure-verified-en.png');

    // The results count it in kilograms, and the alert it answers as seized.
    await page.getByRole('navigation', { name: 'Operation' }).getByRole('link', { name: 'Results' }).click();
    const byCountry = page.getByRole('region', { name: 'Seizures by country and commodity' });
    await poll(() => byCountry.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('24,000\u00a0kg')]);
    expect(await byCountry.locator('tbody tr th').textContent()).toBe('Malaysia · Ammonium nitrate');
    const outcomes = page.getByRole('region', { name: 'Alert outcomes' }).locator('tbody tr');
    expect(await outcomes.filter({ hasText: 'Seized' }).locator('td').first().textContent()).toBe('1');
    expect(await outcomes.filter({ hasText: 'Pending' }).locator('td').first().textContent()).toBe('0');
    expect([...malaysia.problems, ...reviewer.problems]).toEqual([]);
  }, 180_000);

  it('lists it with its quantity in tonnes, filtered from the address, in English and French, on a laptop and the wall', async () => {
    const { page } = malaysia;
    // The import's own tab is the current one there, not the Seizures tab above its address.
    const nav = page.getByRole('navigation', { name: 'Operation' });
    const seizuresTab = nav.getByRole('link', { name: 'Seizures', exact: true });
    await nav.getByRole('link', { name: 'Import seizures' }).click();
    await poll(() => nav.getByRole('link', { name: 'Import seizures' }).getAttribute('aria-current')).toBe('page');
    await poll(() => seizuresTab.getAttribute('aria-current')).toBeNull();
    await seizuresTab.click();
    await poll(() => seizuresTab.getAttribute('aria-current')).toBe('page');
    const table = page.getByRole('table', { name: 'Seizure reports' });
    await table.waitFor();
    const row = table.getByRole('row', { name: new RegExp(`${room.operation.code}/S-`) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Malaysia', 'Ammonium nitrate', '24\u00a0t', 'X-ray', 'Verified']),
    );
    // Filtered by the API: a detection method and a status no report has.
    await page.getByLabel('Detection method').selectOption({ label: 'X-ray' });
    await row.waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Awaiting verification' });
    await page.getByText('No report matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('SUBMITTED');
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await row.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'seizures-list-en-laptop.png');
    await page.setViewportSize(WALL);
    await screenshot(page, 'seizures-list-en-wall.png');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('table', { name: 'Rapports de saisie' }).getByText('Vérifiée').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'seizures-list-fr-wall.png');
    await page.goto(`${testApp.url}${seizurePath}`);
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'seizure-detail-fr-wall.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'seizure-detail-fr-laptop.png');
    await page.goto(`${testApp.url}/operations/${room.operation.code}/seizures/new`);
    await page.getByRole('heading', { name: 'Signaler une saisie' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'seizure-report-fr-laptop.png');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Report a seizure' }).waitFor();
  }, 120_000);

  it('keeps a draft made without a link in the outbox and sends it once when the link is back', async () => {
    const { page, context } = malaysia;
    await live(page);
    await context.setOffline(true);
    await fillReport(page, OFFLINE_PLACE);
    await page.getByLabel('Location type').selectOption({ label: 'Land border' });
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Your writes not sent yet' }).allTextContents())
      .toEqual([`Seizure report in ${room.operation.code}: ${OFFLINE_PLACE} Waiting to send, as soon as the link is back`]);
    expect(await page.getByLabel('Place', { exact: true }).inputValue()).toBe('');
    expect(await reportsAt(OFFLINE_PLACE)).toEqual([]);

    await context.setOffline(false);
    await page.getByRole('list', { name: 'Your writes not sent yet' }).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await reportsAt(OFFLINE_PLACE)).toEqual([expect.objectContaining({ status: 'DRAFT', quantity: 24, unit: 'T' })]);
    // Reloaded, nothing goes a second time.
    await page.reload();
    await live(page);
    await page.getByRole('heading', { name: 'Report a seizure' }).waitFor();
    expect(await reportsAt(OFFLINE_PLACE)).toHaveLength(1);
    expect(malaysia.problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  }, 120_000);

  it('shows another agency nothing of a Malaysian draft: not in its list, not at its address, not in its network', async ({ kit }) => {
    const draftId = await seizureKit(kit).reported(
      room.malaysia,
      seizureInput(room.operation, room.ammoniumNitrate, {
        place: SECRET_PLACE,
        submit: false,
        seizedAt: testApp.clock.now().toISOString(),
      }),
    );
    const thailand = await personFor(room.thailand);
    const received: string[] = [];
    thailand.page.on('response', (response) => {
      if (response.url().includes('/graphql'))
        void response.text().then(
          (body) => received.push(body),
          () => {},
        );
    });
    thailand.page.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))));
    await thailand.page.reload();
    const table = thailand.page.getByRole('table', { name: 'Seizure reports' });
    await table.waitFor();
    // Thailand sees the submitted report, and only that one.
    expect(await table.getByRole('row').count()).toBe(2);
    await thailand.page.goto(`${testApp.url}/operations/${room.operation.code}/seizures/${encodeURIComponent(draftId)}`);
    await thailand.page.getByRole('heading', { name: 'Not found' }).waitFor();
    await thailand.page.waitForLoadState('networkidle');

    const html = await thailand.page.content();
    for (const secret of [SECRET_PLACE, OFFLINE_PLACE, draftId]) {
      expect(html).not.toContain(secret);
      expect(received.join('\n')).not.toContain(secret);
    }
    await expectAccessible(thailand.page);
    expect(thailand.problems).toEqual([]);
  }, 120_000);

  it('adds the files chosen in the form before the report goes to the reviewers, who verify what they were sent', async () => {
    const { page } = malaysia;
    await page.goto(`${testApp.url}/operations/${room.operation.code}/seizures/new`);
    await live(page);
    await fillReport(page, PHOTOGRAPHED_PLACE);
    await page.getByLabel('Files', { exact: true }).and(page.locator('input')).setInputFiles(PHOTOGRAPH);
    await page.getByRole('button', { name: 'Submit for verification' }).click();

    await page.getByRole('heading', { level: 2, name: /^Seizure report / }).waitFor();
    await page.getByRole('link', { name: new RegExp(PHOTOGRAPH.name) }).waitFor();
    const seen = await room.operation.view(
      room.malaysia,
      'seizures(first: 100) { edges { node { place status attachments { fileName } } } }',
    );
    expect(
      seen!.seizures.edges
        .map((edge: { node: { place: string } }) => edge.node)
        .filter((node: { place: string }) => node.place === PHOTOGRAPHED_PLACE),
    ).toEqual([{ place: PHOTOGRAPHED_PLACE, status: 'SUBMITTED', attachments: [{ fileName: PHOTOGRAPH.name }] }]);
    expect(malaysia.problems).toEqual([]);
  }, 60_000);

  it('keeps the files of reports made without a link with them: added once the link is back, then submitted; a file refused is named, its report kept as a draft', async () => {
    const { page, context } = malaysia;
    await page.goto(`${testApp.url}/operations/${room.operation.code}/seizures/new`);
    await live(page);
    await context.setOffline(true);
    const waiting = page.getByRole('list', { name: 'Your writes not sent yet' });

    await fillReport(page, BORDER_PLACES.sent);
    await page.getByLabel('Files', { exact: true }).and(page.locator('input')).setInputFiles([PHOTOGRAPH, CUSTOMS_FORM]);
    await page.getByRole('button', { name: 'Submit for verification' }).click();
    await page
      .getByRole('status')
      .getByText(
        'The report waits in the outbox for the link, with its 2 files. Once the link is back, the report goes first, then its files, and then it is submitted to the reviewers.',
      )
      .waitFor();
    await fillReport(page, BORDER_PLACES.refused);
    await page.getByLabel('Files', { exact: true }).and(page.locator('input')).setInputFiles([PHOTOGRAPH, PROGRAM]);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect
      .poll(() => waiting.getByRole('listitem').allTextContents())
      .toEqual(
        [BORDER_PLACES.sent, BORDER_PLACES.refused].map(
          (place) => `Seizure report in ${room.operation.code}: ${place}, with 2 files Waiting to send, as soon as the link is back`,
        ),
      );
    await expectAccessible(page);
    await screenshot(page, 'seizure-outbox-files-en.png');
    expect(await reportsAt(BORDER_PLACES.sent)).toEqual([]);

    await context.setOffline(false);
    await page.getByRole('button', { name: /^Outbox: 0 waiting, 1 refused/ }).click();
    const refused = page.getByRole('list', { name: 'Writes waiting to be sent, oldest first' }).getByRole('listitem');
    await refused
      .getByRole('alert')
      .getByText(new RegExp(`^Refused by the server: ${PROGRAM.name} was not added: `))
      .waitFor();
    await screenshot(page, 'seizure-outbox-file-refused-en.png');
    // The report that went is no longer said to wait.
    expect(await page.getByRole('status').filter({ hasText: 'waits in the outbox' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Français' }).click();
    await page
      .getByRole('alert')
      .getByText(new RegExp(`${PROGRAM.name} n’a pas été ajouté\u00a0: `))
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'seizure-outbox-file-refused-fr.png');
    await page.getByRole('button', { name: 'English' }).click();

    // Read by place, each report's files by name: reports and files made in the same instant have no order between them.
    const filesAt = async (place: string) => {
      const seen = await room.operation.view(
        room.malaysia,
        'seizures(first: 100) { edges { node { place status attachments { fileName sha256 } } } }',
      );
      return seen!.seizures.edges
        .map((edge: { node: { place: string; attachments: { fileName: string }[] } }) => edge.node)
        .filter((node: { place: string }) => node.place === place)
        .map((node: { attachments: { fileName: string }[] }) => ({
          ...node,
          attachments: node.attachments.toSorted((a, b) => a.fileName.localeCompare(b.fileName)),
        }));
    };
    const digest = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
    const photograph = { fileName: PHOTOGRAPH.name, sha256: digest(PHOTOGRAPH.buffer) };
    expect(await filesAt(BORDER_PLACES.sent)).toEqual([
      {
        place: BORDER_PLACES.sent,
        status: 'SUBMITTED',
        attachments: [{ fileName: CUSTOMS_FORM.name, sha256: digest(CUSTOMS_FORM.buffer) }, photograph],
      },
    ]);
    expect(await filesAt(BORDER_PLACES.refused)).toEqual([{ place: BORDER_PLACES.refused, status: 'DRAFT', attachments: [photograph] }]);

    // A program is never taken, however often it is sent: the outbox offers to remove it, not to send it again.
    await refused.getByText(`The server will not take ${PROGRAM.name}, however often it is sent.`, { exact: false }).waitFor();
    expect(await refused.getByRole('button', { name: /^Send again: / }).count()).toBe(0);
    // Removed, the rest goes again: the report and its first file are not made a second time.
    await refused.getByRole('button', { name: new RegExp(`^Remove ${PROGRAM.name} from: `) }).click();
    await refused.waitFor({ state: 'detached' });
    expect(await filesAt(BORDER_PLACES.refused)).toEqual([{ place: BORDER_PLACES.refused, status: 'DRAFT', attachments: [photograph] }]);
    expect(malaysia.problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED') && !problem.includes('415'))).toEqual([]);
  }, 120_000);
});
