import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { forgetPerson, NetworkLog, rememberPerson } from './browser-diagnostics';
import { environment } from './environment';

// A person at a browser: Debian's Chromium, one context (cookies, storage, IndexedDB) per person,
// so a planner and three contact points can each have their own session at once. The people of a
// test file share one Chromium process: starting one per person cost seconds each on two cores.

export const ARTIFACTS = fileURLToPath(new URL('../.artifacts', import.meta.url));

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

export const LAPTOP = { width: 1366, height: 768 };
export const WALL = { width: 1920, height: 1080 };
export const TABLET = { width: 800, height: 1180 };

export interface Person {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and requests that left the app's origin: all should stay empty. */
  problems: string[];
  /** What the browser asked and got, for the report of a failed test (see `browser-diagnostics.ts`). */
  network: NetworkLog;
  close(): Promise<void>;
}

interface PersonOptions {
  locale?: 'en-GB' | 'fr-FR';
  timezoneId?: string;
  viewport?: { width: number; height: number };
  /**
   * The server's clock (the test app's), for the page to read the time from: the test clock stands
   * in June when the machine's says November, and every deadline would read "overdue by 181 d".
   */
  clock?: { now(): Date };
}

// The shared Chromium, started with the first person and closed with the last.
let shared: { browser: Promise<Browser>; people: number } | null = null;

async function sharedBrowser(): Promise<Browser> {
  shared ??= { browser: chromium.launch({ executablePath: environment.chromiumPath, args: CHROMIUM_ARGS }), people: 0 };
  shared.people += 1;
  return shared.browser;
}

async function leaveBrowser(): Promise<void> {
  if (!shared) return;
  shared.people -= 1;
  if (shared.people > 0) return;
  const { browser } = shared;
  shared = null;
  await (await browser).close();
}

export async function openBrowser(baseUrl: string, options: PersonOptions = {}): Promise<Person> {
  const browser = await sharedBrowser();
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/Brussels',
    viewport: options.viewport ?? LAPTOP,
  });
  if (options.clock) await context.addInitScript(shiftDate, options.clock.now().getTime() - Date.now());
  const page = await context.newPage();
  let closed = false;
  const problems: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith(origin.replace('http', 'ws')) && !url.startsWith('data:')) {
      problems.push(`request outside the app: ${url}`);
    }
  });
  const person: Person = {
    page,
    context,
    problems,
    network: new NetworkLog(context),
    async close() {
      if (closed) return;
      closed = true;
      forgetPerson(person);
      await context.close();
      await leaveBrowser();
    },
  };
  rememberPerson(person);
  return person;
}

/**
 * Runs in the page before its scripts: `Date` reads the machine's time moved by `offset`, so the
 * page's clock starts where the server's stands and runs on from there. Timers, animation frames
 * and `performance.now()` are left as they are (the frame timings read them).
 */
function shiftDate(offset: number): void {
  const MachineDate = Date;
  class ServerDate extends MachineDate {
    // biome-ignore lint/suspicious/noExplicitAny: Date's constructor takes any of its overloads' arguments.
    constructor(...args: any[]) {
      if (args.length === 0) super(MachineDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return MachineDate.now() + offset;
    }
  }
  globalThis.Date = ServerDate as DateConstructor;
}

/** Signs in through the form, as a person does, and waits for the signed-in header. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const french = (await page.locator('html').getAttribute('lang')) === 'fr';
  await page.getByLabel(french ? 'Adresse électronique' : 'E-mail address').fill(email);
  await page.getByLabel(french ? 'Mot de passe' : 'Password').fill(password);
  await page.getByRole('button', { name: french ? 'Se connecter' : 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core over the page as it stands: every serious or critical violation, described. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
}

/**
 * Words in view that are English on a page that should be French: every text node of the body
 * (and labels, titles, placeholders) checked against the English catalogue's sentences, except
 * those that are the same in both languages (names, codes, TLP labels).
 */
export async function englishLeftOnPage(page: Page, english: readonly string[], allowed: readonly string[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text) found.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
    }
    return found;
  });
  const englishSet = new Set(english);
  return [...new Set(texts)].filter((text) => englishSet.has(text) && !allowed.includes(text));
}
