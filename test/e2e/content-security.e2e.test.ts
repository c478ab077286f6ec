import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import { withApp } from '../testkit/fixtures';
import { openBrowser, signIn, type Person } from '../testkit/browser';
import { describeWhere } from '../testkit/environment';
import { seedKit, type SeededUser } from '../testkit/seed';
import { ensureWebBuilt } from '../testkit/web-build';

// The web app under its Content-Security-Policy: the built page carries no inline script or style
// for the policy to forbid, a whole session (sign-in, the live link over WebSocket) runs without
// one violation, and no other site can frame it.

const it = withApp(() => ({ env: { WEB_DIST_DIR: ensureWebBuilt() } }));

describeWhere(['chromium'], 'the web app under its Content-Security-Policy', () => {
  let testApp: TestApp;
  let desk: Person;
  let user: SeededUser;
  let webDist: string;

  it.beforeAll(async ({ app }) => {
    webDist = ensureWebBuilt();
    testApp = app;
    user = await seedKit(testApp).user();
    desk = await openBrowser(testApp.url);
    // Reported by the browser itself; also logged to the console, which `problems` collects.
    await desk.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
  }, 180_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('is built without inline script, style or event handler', () => {
    const html = readFileSync(join(webDist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('runs a whole session with no violation, the live link included', async () => {
    const { page } = desk;
    const response = await page.goto(testApp.url);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, user.email, user.password);
    await page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    await page.reload();
    await page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations).toEqual([]);
    expect(desk.problems).toEqual([]);
  });

  it('cannot be framed by another page', async () => {
    const { page } = desk;
    await page.goto('about:blank');
    await page.setContent(`<iframe id="framed" src="${testApp.url}/"></iframe>`);
    await page.waitForTimeout(1_000);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    const rendered = frame ? await frame.evaluate(() => document.getElementById('root') !== null).catch(() => false) : false;
    expect(rendered).toBe(false);
  });
});
