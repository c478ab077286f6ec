import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { users } from '@jointops/server/db/schema/accounts';
import type { TestApp } from '../testkit/app';
import { withApp } from '../testkit/fixtures';
import { englishLeftOnPage, expectAccessible, openBrowser, screenshot, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { seedKit, type SeededUser } from '../testkit/seed';
import { ensureWebBuilt } from '../testkit/web-build';

// The platform administrator keeps the directory from the browser: a new customs administration
// and its contact point, whose password is reset (it opens only the page to choose their own) and
// whose account is switched off and on again while they sit at their own desk. Around it: the form that keeps what was typed when refused,
// the refusal to deactivate oneself, both screens in French, and outsiders who find nothing.

const ENGLISH = Object.values(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../web/lang/en.json', import.meta.url)), 'utf8')) as Record<string, string>,
);
const AGENCY = 'Sri Lanka Customs';
const CONTACT = { name: 'Chaminda Perera', email: 'chaminda.perera@customs.lk.demo' };
const INITIAL_PASSWORD = 'initial password of Chaminda';
const NEW_PASSWORD = 'a new password for Chaminda';
const WRONG = 'The e-mail address or password is incorrect.';

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

describeWhere(['chromium'], 'administering agencies and users in the browser', () => {
  let testApp: TestApp;
  let admin: SeededUser;
  let adminName: string;
  let outsider: SeededUser;
  const people: Person[] = [];

  const person = async () => {
    const opened = await openBrowser(testApp.url);
    people.push(opened);
    return opened;
  };

  /** The line announced after an action: it says what happened, in words. */
  const announced = (page: Page, text: string) =>
    expect.poll(() => page.getByRole('status').filter({ hasText: text }).count(), { timeout: 10_000 }).toBe(1);

  const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  const cells = (page: Page, name: string) => row(page, name).getByRole('cell').allTextContents();

  it.beforeAll(async ({ app }) => {
    testApp = app;
    const seed = seedKit(testApp);
    const platform = await seed.agency({ name: 'jointops platform administration', kind: 'OTHER', countryCode: null });
    admin = await seed.user({ agency: platform, isAdmin: true, locale: 'en' });
    const [row_] = await testApp.database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, admin.id));
    adminName = row_!.displayName;
    outsider = await seed.user({
      agency: await seed.agency({ name: 'Royal Malaysian Customs Department', acronym: 'JKDM', countryCode: 'MY' }),
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(people.map((opened) => opened.close()));
  });

  it('creates and edits an agency, gives it a user, resets their password, deactivates and reactivates them', async () => {
    const { page, problems } = await person();
    await page.goto(`${testApp.url}/admin/agencies`);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: 'Agencies', level: 2 }).waitFor();

    // A national agency needs its country: refused in the browser, with everything typed kept.
    await page.getByRole('button', { name: 'New agency' }).click();
    const newAgency = page.getByRole('form', { name: 'New agency' });
    await newAgency.getByLabel('Name', { exact: true }).fill(AGENCY);
    await newAgency.getByLabel('Acronym', { exact: true }).fill('SLC');
    await newAgency.getByLabel('Time zone', { exact: true }).fill('Asia/Colombo');
    await newAgency.getByRole('button', { name: 'Create agency' }).click();
    await expect.poll(() => newAgency.getByText('Required for a national agency').count()).toBe(1);
    expect(await newAgency.getByLabel('Name', { exact: true }).inputValue()).toBe(AGENCY);
    expect(await newAgency.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Asia/Colombo');
    await expectAccessible(page);

    await newAgency.getByLabel('Country', { exact: true }).selectOption({ label: 'Sri Lanka' });
    await newAgency.getByRole('button', { name: 'Create agency' }).click();
    await announced(page, `Agency “${AGENCY}” created.`);
    await page.getByLabel('Search agencies').fill('SLC');
    await expect.poll(() => new URL(page.url()).searchParams.get('search')).toBe('SLC');
    await expect
      .poll(() => cells(page, AGENCY))
      .toEqual(['SLC', 'Customs', 'Sri Lanka', 'Asia/Colombo', 'Active', `Edit ${AGENCY}Deactivate ${AGENCY}`]);

    await page.getByRole('button', { name: `Edit ${AGENCY}` }).click();
    const editAgency = page.getByRole('form', { name: `Edit ${AGENCY}` });
    expect(await editAgency.getByLabel('Country', { exact: true }).inputValue()).toBe('LK');
    await editAgency.getByLabel('Acronym', { exact: true }).fill('SLCD');
    await editAgency.getByRole('button', { name: 'Save changes' }).click();
    await announced(page, `Changes to “${AGENCY}” saved.`);
    await page.getByLabel('Search agencies').fill('');
    await expect.poll(async () => (await cells(page, AGENCY))[0]).toBe('SLCD');

    // Its contact point: a too-short password is refused in the browser and nothing typed is lost.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    const newUser = page.getByRole('form', { name: 'New user' });
    await newUser.getByLabel('E-mail', { exact: true }).fill(CONTACT.email);
    await newUser.getByLabel('Display name', { exact: true }).fill(CONTACT.name);
    await newUser.getByLabel('Find an agency').fill('Sri Lanka');
    const agencyOption = `${AGENCY} (SLCD, Sri Lanka)`;
    await expect.poll(() => newUser.getByRole('option', { name: agencyOption }).count()).toBe(1);
    await newUser.getByLabel('Agency', { exact: true }).selectOption({ label: agencyOption });
    await newUser.getByLabel('Initial password').fill('too short');
    await newUser.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => newUser.getByText('At least 12 characters', { exact: true }).count()).toBe(1);
    expect(await newUser.getByLabel('E-mail', { exact: true }).inputValue()).toBe(CONTACT.email);
    expect(await newUser.getByLabel('Display name', { exact: true }).inputValue()).toBe(CONTACT.name);
    expect(await newUser.getByLabel('Initial password').inputValue()).toBe('too short');
    expect(await newUser.getByLabel('Initial password').evaluate((input) => input === document.activeElement)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'administration-user-refused.png');

    await newUser.getByLabel('Initial password').fill(INITIAL_PASSWORD);
    await newUser.getByRole('button', { name: 'Create user' }).click();
    await announced(page, `Account of ${CONTACT.name} created: they sign in with the initial password, then choose their own.`);
    await page.getByLabel('Search users').fill('perera');
    await expect
      .poll(() => cells(page, CONTACT.name))
      .toEqual([
        CONTACT.email,
        agencyOption,
        'User',
        'EnglishAsia/Colombo',
        'ActiveMust choose a new password',
        `Edit ${CONTACT.name}Deactivate ${CONTACT.name}Reset password of ${CONTACT.name}`,
      ]);

    // The contact point at their own desk.
    const desk = await person();
    await desk.page.goto(testApp.url);
    await signIn(desk.page, CONTACT.email, INITIAL_PASSWORD);

    // A reset ends their session there at once; the old password no longer opens one.
    await page.getByRole('button', { name: `Reset password of ${CONTACT.name}` }).click();
    const reset = page.getByRole('dialog', { name: `Reset the password of ${CONTACT.name}` });
    await reset.getByLabel('New password').fill(NEW_PASSWORD);
    await expectAccessible(page);
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await announced(page, `New password set for ${CONTACT.name}: their sessions have ended.`);
    await desk.page.getByLabel('E-mail address').waitFor({ timeout: 15_000 });
    await refusedSignIn(desk.page, CONTACT.email, INITIAL_PASSWORD);
    await desk.page.getByLabel('Password').fill(NEW_PASSWORD);
    await desk.page.getByRole('button', { name: 'Sign in' }).click();
    await desk.page.getByTestId('signed-in-user').waitFor();
    expect(await desk.page.getByTestId('signed-in-user').textContent()).toBe(`${CONTACT.name} — ${agencyOption}`);
    // The administrator knows that password: it opens only the page to choose one's own.
    await desk.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await desk.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await expectAccessible(desk.page);
    await screenshot(desk.page, 'administration-choose-password-en.png');

    // Deactivated: signed out at their desk, and the right password is refused like a wrong one.
    await page.getByRole('button', { name: `Deactivate ${CONTACT.name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Deactivate ${CONTACT.name}?` });
    expect(await confirm.textContent()).toContain('They are signed out everywhere at once and cannot sign in until reactivated.');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await announced(page, `${CONTACT.name} deactivated: signed out everywhere, and cannot sign in.`);
    await desk.page.getByLabel('E-mail address').waitFor({ timeout: 15_000 });
    await refusedSignIn(desk.page, CONTACT.email, NEW_PASSWORD);

    await page.getByLabel('Show inactive users').check();
    await expect.poll(async () => (await cells(page, CONTACT.name))[4]).toBe('InactiveMust choose a new password');
    await page.getByRole('button', { name: `Reactivate ${CONTACT.name}` }).click();
    await announced(page, `${CONTACT.name} reactivated: they can sign in again.`);
    await expect.poll(async () => (await cells(page, CONTACT.name))[4]).toBe('ActiveMust choose a new password');
    await desk.page.getByRole('button', { name: 'Sign in' }).click();
    await desk.page.getByTestId('signed-in-user').waitFor();

    // The administrator cannot switch themselves off: the server says so in the dialog.
    await page.getByLabel('Search users').fill(admin.email);
    await page.getByRole('button', { name: `Deactivate ${adminName}` }).click();
    const self = page.getByRole('dialog', { name: `Deactivate ${adminName}?` });
    await self.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => self.getByRole('alert').textContent()).toBe('You cannot deactivate your own account');
    await screenshot(page, 'administration-self-deactivation.png');
    await self.getByRole('button', { name: 'Cancel' }).click();
    expect(await row(page, adminName).getByRole('cell').nth(4).textContent()).toBe('Active');

    expect(problems).toEqual([]);
    expect(desk.problems).toEqual([]);
  }, 180_000);

  it('reads both screens in English and French, with no serious accessibility problem', async () => {
    const { page, problems } = await person();
    await page.goto(`${testApp.url}/admin/agencies`);
    await signIn(page, admin.email, admin.password);
    for (const [language, pages] of [
      [
        'en',
        [
          ['/admin/agencies', 'Agencies'],
          ['/admin/users', 'Users'],
        ],
      ],
      [
        'fr',
        [
          ['/admin/agencies', 'Agences'],
          ['/admin/users', 'Utilisateurs'],
        ],
      ],
    ] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : 'Français' }).click();
      for (const [path, heading] of pages) {
        await page.goto(`${testApp.url}${path}`);
        await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
        await page.getByRole('table').waitFor();
        if (language === 'fr')
          expect(await englishLeftOnPage(page, ENGLISH, ['Administration', 'Actions', 'English', 'Type']), path).toEqual([]);
        await expectAccessible(page);
        await screenshot(page, `administration-${path.split('/')[2]}-${language}.png`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows someone who is not an administrator the same "Not found" as an address that does not exist', async () => {
    const { page, problems } = await person();
    await page.goto(`${testApp.url}/admin/users`);
    await signIn(page, outsider.email, outsider.password);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, not the DOM property: the text as rendered is what a person reads
    const forbidden = await page.getByRole('main').innerText();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);

    await page.goto(`${testApp.url}/made-up/address`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, not the DOM property: the text as rendered is what a person reads
    expect(await page.getByRole('main').innerText()).toBe(forbidden);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);
});

/** A sign-in the server refuses: the same words for a deactivated account as for a wrong password. */
async function refusedSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('login-error').textContent()).toBe(WRONG);
}
