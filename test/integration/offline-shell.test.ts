import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '@jointops/server/http/static';
import { ensureWebBuilt } from '../testkit/web-build';

// The service worker as the build wrote it (web/dist/sw.js), run in a sandbox with a cache and a
// network of the test's own: it keeps this build's files and nothing else, never answers (so never
// caches) the API, opens the app from its cache without a network, and drops older builds' caches.
// And the server sends it so that the browser takes it and checks it on every visit.

const ORIGIN = 'https://jointops.example';

type Listener = (event: {
  request?: unknown;
  respondWith?(answer: Promise<unknown>): void;
  waitUntil(work: Promise<unknown>): void;
}) => void;

type Answer = { ok: boolean; body: string; clone(): Answer };
const answer = (body: string): Answer => ({ ok: true, body, clone: () => answer(body) });

/**
 * The worker's script evaluated against a fake scope: its listeners, its caches and every request
 * it sent over the network; `held` is what the browser's HTTP cache already has.
 */
function loadWorker(script: string, online: () => boolean, held: readonly string[] = []) {
  const listeners: Record<string, Listener> = {};
  const stores = new Map<string, Map<string, string>>();
  const fetched: string[] = [];
  const urlOf = (request: unknown) => new URL(typeof request === 'string' ? request : (request as { url: string }).url, ORIGIN).href;
  const fetch = async (request: unknown, init?: { cache?: string }) => {
    const url = urlOf(request);
    if (init?.cache === 'only-if-cached') {
      if (held.includes(url)) return answer(`http cache ${url}`);
      throw new TypeError('Failed to fetch');
    }
    fetched.push(url);
    if (!online()) throw new TypeError('Failed to fetch');
    return answer(`network ${url}`);
  };
  const caches = {
    async open(name: string) {
      const store = stores.get(name) ?? new Map<string, string>();
      stores.set(name, store);
      return {
        async addAll(requests: string[]) {
          for (const request of requests) store.set(urlOf(request), (await fetch(request)).body);
        },
        async put(request: unknown, given: Answer) {
          store.set(urlOf(request), given.body);
        },
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (request: unknown, options: { cacheName: string }) => {
      const body = stores.get(options.cacheName)?.get(urlOf(request));
      return body === undefined ? undefined : answer(body);
    },
  };
  const self = { location: { origin: ORIGIN }, addEventListener: (type: string, listener: Listener) => (listeners[type] = listener) };
  runInNewContext(script, { self, caches, fetch, URL, Promise, console });

  async function dispatch(type: string, request?: { method: string; url: string; mode: string }) {
    let answered: Promise<Answer> | undefined;
    let work: Promise<unknown> = Promise.resolve();
    listeners[type]!({ request, respondWith: (given) => (answered = given as Promise<Answer>), waitUntil: (given) => (work = given) });
    await work;
    return answered === undefined ? 'not answered' : (await answered).body;
  }
  return { dispatch, stores, fetched };
}

describe('the service worker of the built app', () => {
  let dist: string;
  let script: string;
  let assets: string[];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dist = ensureWebBuilt();
    script = readFileSync(join(dist, 'sw.js'), 'utf8');
    assets = readdirSync(join(dist, 'assets'))
      .filter((name) => !/\.(?:br|gz)$/.test(name))
      .map((name) => `${ORIGIN}/assets/${name}`);
    server = createServer(createStaticHandler(dist));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("keeps the shell, the first page's files and the outbox's at install, and of the other screens only what the browser holds", async () => {
    const screen = (name: string) => assets.find((asset) => asset.includes(`/assets/${name}-`) && asset.endsWith('.js'))!;
    const worker = loadWorker(script, () => true, [screen('room-page')]);
    await worker.dispatch('install');
    const [name, ...others] = worker.stores.keys();
    expect(others).toEqual([]);
    expect(name).toMatch(/^jointops-shell-[0-9a-f]{16}$/);
    const firstPage = [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
      (match) => `${ORIGIN}${match[1]}`,
    );
    expect(worker.fetched).toEqual(expect.arrayContaining([`${ORIGIN}/index.html`, ...firstPage, screen('outbox-list')]));
    for (const other of ['room-page', 'results-page', 'report-seizure-page', 'agencies-page']) {
      expect(screen(other), other).toBeDefined();
      expect(worker.fetched, other).not.toContain(screen(other));
    }
    expect([...worker.stores.get(name!)!.keys()].sort()).toEqual([...worker.fetched, screen('room-page')].sort());
  });

  it("keeps a screen's file once fetched online, and opens it from there offline", async () => {
    let online = true;
    const worker = loadWorker(script, () => online);
    await worker.dispatch('install');
    const chunk = { method: 'GET', url: assets.find((asset) => asset.includes('/assets/room-page-'))!, mode: 'cors' };
    expect(await worker.dispatch('fetch', chunk)).toBe(`network ${chunk.url}`);
    online = false;
    expect(await worker.dispatch('fetch', chunk)).toBe(`network ${chunk.url}`);
    online = true;
    const stranger = { method: 'GET', url: `${ORIGIN}/assets/of-another-build.js`, mode: 'cors' };
    await worker.dispatch('fetch', stranger);
    expect([...worker.stores.values()].flatMap((store) => [...store.keys()])).not.toContain(stranger.url);
  });

  it('never answers the API, online or not, so none of its answers is ever cached', async () => {
    let online = true;
    const worker = loadWorker(script, () => online);
    await worker.dispatch('install');
    const installed = [...worker.stores.values()].map((store) => [...store.keys()]);
    for (const state of [true, false]) {
      online = state;
      for (const [method, path, mode] of [
        ['POST', '/graphql', 'cors'],
        ['GET', '/graphql?query=%7Bme%7Bid%7D%7D', 'cors'],
        ['GET', '/graphql', 'navigate'],
        ['GET', '/attachments/QXR0YWNobWVudDox', 'navigate'],
        ['GET', '/attachments/QXR0YWNobWVudDox', 'cors'],
      ] as const) {
        expect(await worker.dispatch('fetch', { method, url: `${ORIGIN}${path}`, mode }), `${method} ${path}`).toBe('not answered');
      }
    }
    expect([...worker.stores.values()].map((store) => [...store.keys()])).toEqual(installed);
  });

  it('opens the app from its cache without a network, and from the network with one', async () => {
    let online = true;
    const worker = loadWorker(script, () => online);
    await worker.dispatch('install');
    const room = { method: 'GET', url: `${ORIGIN}/operations/OP-2026-01/room`, mode: 'navigate' };
    const chunk = { method: 'GET', url: assets.find((asset) => asset.includes('/assets/outbox-list-'))!, mode: 'cors' };
    expect(await worker.dispatch('fetch', room)).toBe(`network ${room.url}`);
    online = false;
    expect(await worker.dispatch('fetch', room)).toBe(`network ${ORIGIN}/index.html`);
    const sent = worker.fetched.length;
    expect(await worker.dispatch('fetch', chunk)).toBe(`network ${chunk.url}`);
    expect(worker.fetched).toHaveLength(sent);
  });

  it('drops the caches of older builds when it takes over', async () => {
    const worker = loadWorker(script, () => true);
    await worker.dispatch('install');
    worker.stores.set('jointops-shell-0123456789abcdef', new Map());
    worker.stores.set('another-app', new Map());
    await worker.dispatch('activate');
    expect([...worker.stores.keys()]).toEqual([expect.stringMatching(/^jointops-shell-/), 'another-app']);
  });

  it('is sent as a script to revalidate on every visit, under a policy that allows it', async () => {
    const response = await fetch(`${url}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("worker-src 'self'");
    expect(await response.text()).toBe(script);
  });
});
