import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import type { Person } from './browser';

// When a browser test fails on a screen that never came, what the page waited for tells whether
// the app, the network or the server held it: a request still open after many seconds, one that
// failed, an error answer. Each person's requests are recorded from the start, and a failed test
// prints them with what every open page shows, and writes a screenshot of each.

const SLOW_MS = 2_000;

interface Entry {
  method: string;
  url: string;
  started: number;
  finished?: number;
  outcome?: string;
}

export class NetworkLog {
  readonly #entries = new Map<Request, Entry>();

  constructor(context: BrowserContext) {
    context.on('request', (request) => {
      this.#entries.set(request, { method: request.method(), url: request.url(), started: Date.now() });
    });
    context.on('requestfinished', async (request) => {
      const entry = this.#entries.get(request);
      if (!entry) return;
      entry.finished = Date.now();
      const status = (await request.response().catch(() => null))?.status();
      entry.outcome = status === undefined ? 'finished' : String(status);
    });
    context.on('requestfailed', (request) => {
      const entry = this.#entries.get(request);
      if (!entry) return;
      entry.finished = Date.now();
      entry.outcome = `failed: ${request.failure()?.errorText ?? 'unknown'}`;
    });
  }

  /** Requests still open, slow, failed or answered with an error, oldest first. */
  notable(now = Date.now()): string[] {
    const lines: string[] = [];
    for (const entry of this.#entries.values()) {
      const took = (entry.finished ?? now) - entry.started;
      const status = Number(entry.outcome);
      const bad = entry.finished === undefined || took >= SLOW_MS || !(status >= 100 && status < 400);
      if (!bad) continue;
      const path = entry.url.replace(/^https?:\/\/[^/]+/, '');
      const state = entry.finished === undefined ? `still open after ${took} ms` : `${entry.outcome} in ${took} ms`;
      lines.push(`${new Date(entry.started).toISOString()} ${entry.method} ${path}: ${state}`);
    }
    return lines;
  }
}

const open = new Set<Person>();

export function rememberPerson(person: Person): void {
  open.add(person);
}

export function forgetPerson(person: Person): void {
  open.delete(person);
}

/** Everything a failed browser test should say about the people still at their browsers. */
export async function describeOpenBrowsers(failedTest: string, artifacts: string): Promise<string> {
  const lines: string[] = [];
  let index = 0;
  for (const person of open) {
    index += 1;
    for (const page of person.context.pages()) {
      const shown = await page
        .locator('body')
        .textContent({ timeout: 2_000 })
        .then((text) => text?.replace(/\s+/g, ' ').trim().slice(0, 400))
        .catch((error: Error) => `(unreadable: ${error.message})`);
      lines.push(`person ${index} at ${page.url()}, showing: ${shown}`);
      const name = `failed-${failedTest.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${index}.png`;
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, name), timeout: 5_000 }).catch(() => undefined);
    }
    lines.push(...person.problems.map((problem) => `  ${problem}`));
    lines.push(...person.network.notable().map((request) => `  ${request}`));
  }
  return lines.join('\n');
}
