import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { expectAccessible, openBrowser, screenshot, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { withApp } from '../testkit/fixtures';
import { seedKit, type SeededUser } from '../testkit/seed';
import { ensureWebBuilt } from '../testkit/web-build';

// Issue 13: on a customs post's link a screen's chunk may never come. The navigation tries it
// again, then says so with a way to reload, rather than leaving the previous screen up in silence.

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

describeWhere(['chromium'], 'a screen whose chunk does not come', () => {
  let testApp: TestApp;
  let admin: SeededUser;
  let desk: Person;

  it.beforeAll(async ({ app }) => {
    testApp = app;
    const seed = seedKit(testApp);
    admin = await seed.user({
      agency: await seed.agency({ name: 'jointops platform administration', kind: 'OTHER', countryCode: null }),
      isAdmin: true,
    });
    desk = await openBrowser(testApp.url);
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('is asked for at least three times, then the page says it could not be downloaded and reloads on request', async () => {
    const { page } = desk;
    await page.goto(`${testApp.url}/operations`);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: 'Operations', level: 1 }).waitFor();

    const chunk = /\/assets\/agencies-page-[\w-]+\.js$/;
    let asked = 0;
    await page.route(chunk, (route) => {
      asked += 1;
      return route.abort('connectionreset');
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be downloaded' });
    await alert.waitFor({ timeout: 30_000 });
    // Three tries by the navigation (the router may ask once more as it draws the error).
    expect(asked).toBeGreaterThanOrEqual(3);
    await expectAccessible(page);
    await screenshot(page, 'screen-chunk-unavailable-laptop-en.png');

    await page.unroute(chunk);
    await alert.getByRole('button', { name: 'Reload the page' }).click();
    await page.getByRole('heading', { name: 'Agencies', level: 2 }).waitFor();
  }, 120_000);
});
