import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { expectAccessible, openBrowser, screenshot, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { operationalRoom, type OperationalRoom } from '../testkit/operational-room';
import type { Actor } from '../testkit/operations';
import { ensureWebBuilt } from '../testkit/web-build';

// The alert screens, each person in their own browser: a Malaysian contact point raises a shipment
// alert to Thailand alone through the form; the Thai contact point opens it, acknowledges, answers
// and comments; Malaysia raises its severity and Thailand sees the new version without reloading;
// Malaysia withdraws another alert. Indonesia takes part too, but was not named: the alert's
// address shows it a not-found page, and nothing of the alert reaches its DOM or its network.

const TITLE = 'Ammonium nitrate declared as NPK fertiliser, Port Klang to Laem Chabang';
const CONTAINER = 'MSCU7312044';

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

describeWhere(['chromium'], 'the alert screens in the browser', () => {
  let testApp: TestApp;
  let room: OperationalRoom<{ indonesia: true }>;
  let malaysia: Person;
  let thailand: Person;
  let alertPath: string;
  const people: Person[] = [];

  const personFor = async (actor: Actor, options?: Parameters<typeof openBrowser>[1]) => {
    const person = await openBrowser(testApp.url, options);
    people.push(person);
    await person.page.goto(`${testApp.url}/operations/${room.operation.code}`);
    await signIn(person.page, actor.email, actor.password);
    return person;
  };
  const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading }) });

  it.beforeAll(async ({ app, kit }) => {
    testApp = app;
    room = await operationalRoom(kit, { indonesia: true });
    malaysia = await personFor(room.malaysia);
    thailand = await personFor(room.thailand);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(people.map((person) => person.close()));
  });

  it('lets a contact point raise a shipment alert to one agency through the form', async () => {
    const { page } = malaysia;
    await page.getByRole('link', { name: 'Raise an alert' }).click();
    await page.getByRole('heading', { name: 'Raise an alert' }).waitFor();

    // Sent empty first: the browser says what is missing, and nothing is raised.
    await page.getByRole('button', { name: 'Raise the alert' }).click();
    await page.getByText('Some values were refused: see the fields marked.').waitFor();

    await page.getByLabel('Severity').selectOption('HIGH');
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Description').fill('Declared as NPK 15-15-15; the consignee is not in the trade register.');
    await page.getByLabel('Container number').fill(CONTAINER);
    await page.getByLabel('HS code').fill('3102.30');
    await page.getByLabel('Bill of lading').fill('MYPKG-778812');
    await page.getByLabel('Consignor').fill('Agro Supplies Sdn Bhd');
    await page.getByLabel('Consignee').fill('Golden Field Trading');
    await page.getByLabel('Country of origin').selectOption('MY');
    await page.getByLabel('Country of destination').selectOption('TH');
    await page
      .getByRole('checkbox', { name: /Ammonium nitrate/ })
      .first()
      .check();
    await page.getByRole('radio', { name: /TLP:RED/ }).check();
    expect(await page.getByRole('radio', { name: 'All participants' }).isDisabled()).toBe(true);
    await page.getByText(/A TLP:RED alert goes to named agencies only/).waitFor();
    await page.getByRole('radio', { name: /TLP:AMBER The recipients/ }).check();
    await page.getByRole('checkbox', { name: new RegExp(room.thailand.agency.name) }).check();
    await expectAccessible(page);
    await screenshot(page, 'alert-raise-en.png');
    // Each marking's box on the line of its words, whichever page the form was reached from.
    const besideTheirWords = await page
      .getByRole('radio', { name: /^TLP:/ })
      .evaluateAll((radios) =>
        radios.map((radio) => Math.abs(radio.getBoundingClientRect().top - radio.nextElementSibling!.getBoundingClientRect().top) < 12),
      );
    expect(besideTheirWords).toEqual([true, true, true, true, true]);

    await page.getByRole('button', { name: 'Raise the alert' }).dblclick();
    await page.waitForURL(/\/alerts\/(?!new)[^/]+$/);
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    alertPath = new URL(page.url()).pathname;

    // A double click raised it once.
    const seen = await room.operation.view(
      room.malaysia,
      'alerts(first: 10) { edges { node { title distribution recipients { agency { id } } } } }',
    );
    const raised = seen!.alerts.edges.filter((edge: { node: { title: string } }) => edge.node.title === TITLE);
    expect(raised).toHaveLength(1);
    expect(raised[0].node.distribution).toBe('RESTRICTED');
    expect(raised[0].node.recipients.map((recipient: { agency: { id: string } }) => recipient.agency.id)).toEqual([
      room.thailand.agency.globalId,
    ]);
    expect(malaysia.problems).toEqual([]);
  }, 180_000);

  it('lets the recipient acknowledge, answer and comment on it', async () => {
    const { page } = thailand;
    await page.goto(`${testApp.url}${alertPath}`);
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    expect(await page.getByText('TLP:AMBER').first().textContent()).toBe('TLP:AMBER');
    await page.getByText(CONTAINER).waitFor();

    await page.getByRole('button', { name: 'Acknowledge for my agency' }).click();
    const recipients = section(page, 'Recipients');
    await expect.poll(() => recipients.textContent()).toContain(`Acknowledged by`);

    const feedback = section(page, 'Your agency’s feedback');
    await feedback.getByLabel('Outcome').selectOption('NOTHING_FOUND');
    await feedback.getByLabel('Note').fill('Container examined at Laem Chabang: fertiliser as declared.');
    await feedback.getByRole('button', { name: 'Give the feedback' }).click();
    await feedback.getByText('Feedback recorded.').waitFor();
    await feedback.getByLabel('Outcome').selectOption('SEIZED');
    await feedback.getByLabel('Note').fill('Second examination: 24 t of ammonium nitrate under the top layer.');
    await feedback.getByRole('button', { name: 'Amend the feedback' }).click();
    await expect.poll(() => recipients.textContent()).toContain('1 earlier feedback');
    expect(await recipients.textContent()).toContain('24 t of ammonium nitrate');

    await page.getByLabel('Your comment').fill('Berth 4; the consignee’s agent has been questioned.');
    await page.getByRole('button', { name: 'Post the comment' }).click();
    await page.getByRole('list', { name: 'Comments, oldest first' }).getByText('Berth 4;', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'alert-detail-en.png');
    expect(thailand.problems).toEqual([]);
  }, 120_000);

  it('lets the originator raise the severity, and the recipient sees the new version live', async () => {
    const { page } = malaysia;
    await page.getByRole('link', { name: 'Amend the alert' }).click();
    await page.getByRole('button', { name: 'Save the new version' }).waitFor();
    expect(await page.getByLabel('Container number').inputValue()).toBe(CONTAINER);
    await page.getByLabel('Severity').selectOption('CRITICAL');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save the new version' }).click();
    await page.waitForURL(`**${alertPath}`);
    await section(page, 'Earlier versions').getByText('Severity: High → Critical').waitFor();

    // Thailand's page was open all along: the amendment's event refreshes it.
    const versions = section(thailand.page, 'Earlier versions');
    await versions.getByText('Severity: High → Critical').waitFor({ timeout: 10_000 });
    expect(await thailand.page.getByLabel('About this alert').textContent()).toContain('Critical');
    // The graver severity took the acknowledgement back: Thailand is asked again.
    await thailand.page.getByRole('button', { name: 'Acknowledge for my agency' }).waitFor();
    expect(malaysia.problems).toEqual([]);
    expect(thailand.problems).toEqual([]);
  }, 120_000);

  it('lets the originator withdraw another alert, with a reason, once confirmed', async ({ kit }) => {
    const raised = await kit.mutate(room.malaysia, 'raiseAlert', {
      operationId: room.operation.id,
      idempotencyKey: randomBytes(8).toString('hex'),
      category: 'INTELLIGENCE',
      severity: 'MEDIUM',
      title: 'Drone parts routed through a new freight forwarder',
      marking: 'GREEN',
      distribution: 'ALL_PARTICIPANTS',
    });
    expect(raised.result?.__typename).toBe('Alert');
    const { page } = malaysia;
    await page.goto(`${testApp.url}/operations/${room.operation.code}/alerts/${raised.result!.id}`);
    await page.getByRole('button', { name: 'Withdraw the alert' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Raised twice: see the CRITICAL alert on the same consignee.');
    await dialog.getByRole('button', { name: 'Withdraw the alert' }).click();
    await page.getByText(/^Withdrawn by /).waitFor();
    await page.getByText('Reason: Raised twice: see the CRITICAL alert on the same consignee.').waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw the alert' }).count()).toBe(0);
    await expectAccessible(page);
    expect(malaysia.problems).toEqual([]);
  }, 120_000);

  it('shows an agency outside the distribution a not-found page, and nothing of the alert', async () => {
    const indonesia = await personFor(room.indonesia);
    const received: string[] = [];
    indonesia.page.on('response', (response) => {
      if (response.url().includes('/graphql'))
        void response.text().then(
          (body) => received.push(body),
          () => undefined,
        );
    });
    indonesia.page.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))));
    await indonesia.page.goto(`${testApp.url}${alertPath}`);
    await indonesia.page.getByRole('heading', { name: 'Not found' }).waitFor();
    await indonesia.page.waitForLoadState('networkidle');

    // Meanwhile, more happens on the alert: none of it reaches Indonesia.
    await thailand.page.getByLabel('Your comment').fill('Cargo held pending laboratory analysis.');
    await thailand.page.getByRole('button', { name: 'Post the comment' }).click();
    await thailand.page.getByText('Cargo held pending laboratory analysis.').waitFor();
    await indonesia.page.waitForTimeout(1_000);

    const html = await indonesia.page.content();
    for (const secret of [TITLE, CONTAINER, 'Golden Field Trading', 'laboratory analysis']) {
      expect(html).not.toContain(secret);
      expect(received.join('\n')).not.toContain(secret);
    }
    expect(received.length).toBeGreaterThan(0);
    await expectAccessible(indonesia.page);
    expect(indonesia.problems).toEqual([]);
  }, 120_000);

  it('says the form and the alert in French', async () => {
    const { page } = thailand;
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Destinataires' }).waitFor();
    await page.getByText('Suite donnée par votre agence').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'alert-detail-fr.png');

    await malaysia.page.getByRole('button', { name: 'Français' }).click();
    await malaysia.page.getByRole('link', { name: 'Émettre une alerte' }).click();
    await malaysia.page.getByRole('heading', { name: 'Émettre une alerte' }).waitFor();
    await malaysia.page.getByRole('radio', { name: /TLP:RED/ }).check();
    await malaysia.page.getByText(/Une alerte TLP:RED ne va qu’à des agences nommément désignées/).waitFor();
    await expectAccessible(malaysia.page);
    await screenshot(malaysia.page, 'alert-raise-fr.png');
    expect(thailand.problems).toEqual([]);
    expect(malaysia.problems).toEqual([]);
  }, 120_000);
});
