import { CACHE_PREFIX, cacheNameOf, routingOf } from './routing';

// The service worker: it opens the app without a network, for contact points on customs posts'
// intermittent links. It holds this build's files and nothing else — no API answer, nothing of a
// user — so signing out leaves nothing of anyone in it.
//
// A deploy: the new worker installs beside the old one and waits (no skipWaiting) until no tab
// runs the old build, so an old tab still finds its chunks in the old cache; then it takes over
// and deletes the old caches. Navigations go to the network first, so a reload online gets the
// new build's page at once, and its chunks come from the server.

/** The build's files (`/assets/…`) and its version, written in by the build (web/vite.config.ts). */
declare const __JOINTOPS_PRECACHE__: string[];
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

worker.addEventListener('install', (event) => {
  // The files the page loaded come from the HTTP cache; only the other screens' chunks travel.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([SHELL, ...__JOINTOPS_PRECACHE__])));
});

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
  return (await caches.match(request, { cacheName: CACHE })) ?? fetch(request);
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
