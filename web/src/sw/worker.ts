import { CACHE_PREFIX, cacheNameOf, routingOf } from './routing';

// The service worker: it opens the app without a network, for contact points on customs posts'
// intermittent links. It holds this build's files and nothing else — no API answer, nothing of a
// user — so signing out leaves nothing of anyone in it.
//
// A deploy: the new worker installs beside the old one and waits (no skipWaiting) until no tab
// runs the old build, so an old tab still finds in the old cache the chunks it has opened (one it
// never opened is gone from the server: its screen offers to reload, shell/screen-error.tsx);
// then it takes over and deletes the old caches. Navigations go to the network first, so a reload online gets the
// new build's page at once, and its chunks come from the server.

/**
 * The build's files (`/assets/…`), those of them the app needs offline whatever was opened (the
 * first page's, the outbox's), and the build's version: written in by the build (web/vite.config.ts).
 */
declare const __JOINTOPS_PRECACHE__: string[];
declare const __JOINTOPS_ESSENTIAL__: string[];
declare const __JOINTOPS_BUILD__: string;

// The web app's TypeScript project knows the page's globals, not a worker's: the few used here.
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(answer: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE = cacheNameOf(__JOINTOPS_BUILD__);
const SHELL = '/index.html';

// Little is downloaded for the worker's sake: on a customs post's 256 kbit/s link, fetching every
// screen's chunk (some 360 kB) would hold the link for a dozen seconds beside the live room. At
// install it keeps the shell and the essential files (the page's own come from the HTTP cache;
// the outbox's list may travel), and any other file of the build the browser already holds, asked
// of the HTTP cache only. Later it keeps each file of the build as the page fetches it: a screen
// opened online opens offline.
worker.addEventListener('install', (event) => {
  event.waitUntil(keepWhatTheAppNeeds());
});

async function keepWhatTheAppNeeds(): Promise<void> {
  const cache = await caches.open(CACHE);
  await cache.addAll([SHELL, ...__JOINTOPS_ESSENTIAL__]);
  const others = __JOINTOPS_PRECACHE__.filter((path) => !__JOINTOPS_ESSENTIAL__.includes(path));
  await Promise.all(
    others.map(async (path) => {
      const held = await fetch(path, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
      if (held?.ok) await cache.put(path, held);
    }),
  );
}

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name))),
      ),
  );
});

worker.addEventListener('fetch', (event) => {
  const routing = routingOf(event.request, worker.location.origin);
  if (routing === 'asset') event.respondWith(cachedFirst(event.request));
  else if (routing === 'shell') event.respondWith(shellFallback(event.request));
});

async function cachedFirst(request: Request): Promise<Response> {
  const kept = await caches.match(request, { cacheName: CACHE });
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok && __JOINTOPS_PRECACHE__.includes(new URL(request.url).pathname)) {
    const cache = await caches.open(CACHE);
    await cache.put(request, answer.clone());
  }
  return answer;
}

async function shellFallback(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (offline) {
    const shell = await caches.match(SHELL, { cacheName: CACHE });
    if (shell) return shell;
    throw offline;
  }
}
