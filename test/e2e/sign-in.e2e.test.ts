import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { users } from '@jointops/server/db/schema/accounts';
import { startTestApp, type TestApp } from '../testkit/app';
import { describeWhere, environment } from '../testkit/environment';
import { seedKit, type SeededUser } from '../testkit/seed';
import { ensureWebBuilt } from '../testkit/web-build';

// A person at a browser: the built web app served by the server it talks to, in Chromium.

const ARTIFACTS = fileURLToPath(new URL('../.artifacts', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describeWhere(['chromium'], 'signing in from the browser', () => {
  let testApp: TestApp;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let user: SeededUser;
  let displayName: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const webDistDir = ensureWebBuilt();
    testApp = await startTestApp({ env: { WEB_DIST_DIR: webDistDir } });
    const seed = seedKit(testApp);
    const agency = await seed.agency({ name: 'Royal Malaysian Customs Department', acronym: 'JKDM', countryCode: 'MY' });
    user = await seed.user({ agency, locale: 'en' });
    const [row] = await testApp.database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, user.id));
    displayName = row!.displayName;

    profile = mkdtempSync(join(tmpdir(), 'jointops-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: environment.chromiumPath,
      args: CHROMIUM_ARGS,
      locale: 'en-GB',
      viewport: { width: 900, height: 600 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await testApp?.stop();
  });

  async function screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  }

  it('refuses a wrong password, signs in, stays signed in on reload, speaks French, signs out', async () => {
    await page.goto(testApp.url);
    await page.getByTestId('login-email').fill(user.email);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('The e-mail address or password is incorrect.');
    await screenshot('sign-in-wrong-password.png');

    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    const signedIn = page.getByTestId('signed-in-user');
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toBe(`Signed in as ${displayName} — Royal Malaysian Customs Department (JKDM, Malaysia)`);
    const live = page.locator('[data-testid="ws-state"][data-state="connected"]');
    await live.waitFor();
    expect(await live.textContent()).toBe('connected');
    await screenshot('sign-in-signed-in.png');

    // The session is the httpOnly cookie: a reload asks `me` again and gets the same person.
    await page.reload();
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toContain(displayName);
    await live.waitFor();
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('jointops — salle des opérations');
    expect(await signedIn.textContent()).toBe(`Session de ${displayName} — Royal Malaysian Customs Department (JKDM, Malaisie)`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await live.waitFor();
    expect(await live.textContent()).toBe('connectée');
    await screenshot('sign-in-french.png');

    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-email').waitFor();
    expect(await signedIn.count()).toBe(0);
    expect(await page.getByTestId('login-submit').textContent()).toBe('Se connecter');

    // Signed out for the server too: a reload lands on the form again.
    await page.reload();
    await page.getByTestId('login-email').waitFor();
    expect(await signedIn.count()).toBe(0);
    await screenshot('sign-in-signed-out.png');

    expect(problems).toEqual([]);
  });
});
