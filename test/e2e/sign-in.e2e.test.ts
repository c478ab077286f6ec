import { eq } from 'drizzle-orm';
import { afterAll, expect } from 'vitest';
import { users } from '@jointops/server/db/schema/accounts';
import type { TestApp } from '../testkit/app';
import { withApp } from '../testkit/fixtures';
import { expectAccessible, openBrowser, screenshot, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { seedKit, type SeededUser } from '../testkit/seed';
import { ensureWebBuilt } from '../testkit/web-build';

// A person at a browser: the built web app served by the server it talks to, in Chromium.

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

describeWhere(['chromium'], 'signing in from the browser', () => {
  let testApp: TestApp;
  let desk: Person;
  let user: SeededUser;
  let displayName: string;

  it.beforeAll(async ({ app }) => {
    testApp = app;
    const seed = seedKit(testApp);
    const agency = await seed.agency({ name: 'Royal Malaysian Customs Department', acronym: 'JKDM', countryCode: 'MY' });
    user = await seed.user({ agency, locale: 'en' });
    const [row] = await testApp.database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, user.id));
    displayName = row!.displayName;
    desk = await openBrowser(testApp.url, { viewport: { width: 900, height: 600 } });
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('refuses a wrong password, signs in, stays signed in on reload, speaks French, signs out', async () => {
    const { page } = desk;
    await page.goto(testApp.url);
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('The e-mail address or password is incorrect.');
    expect(await page.getByLabel('E-mail address').inputValue()).toBe(user.email);
    await expectAccessible(page);
    await screenshot(page, 'sign-in-wrong-password.png');

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const signedIn = page.getByTestId('signed-in-user');
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toBe(`${displayName} — Royal Malaysian Customs Department (JKDM, Malaysia)`);
    const live = page.locator('[data-testid="ws-state"][data-state="connected"]');
    await live.waitFor();
    expect(await live.textContent()).toBe('Live link: live');
    await screenshot(page, 'sign-in-signed-in.png');

    // The session is the httpOnly cookie: a reload asks `me` again and gets the same person.
    await page.reload();
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toContain(displayName);
    await live.waitFor();
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => signedIn.textContent()).toBe(`${displayName} — Royal Malaysian Customs Department (JKDM, Malaisie)`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await live.waitFor();
    expect(await live.textContent()).toBe('Liaison en direct\u00a0: en direct');
    await screenshot(page, 'sign-in-french.png');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByLabel('Adresse électronique').waitFor();
    expect(await signedIn.count()).toBe(0);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();

    // Signed out for the server too: a reload lands on the form again.
    await page.reload();
    await page.getByLabel('Adresse électronique').waitFor();
    expect(await signedIn.count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'sign-in-signed-out.png');

    expect(desk.problems).toEqual([]);
  });
});
