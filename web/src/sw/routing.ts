// Which requests the service worker answers, and how. Kept apart from the worker so a test can
// read it: the one rule that matters most is that no answer of the API (GraphQL, attachments,
// sign-in cookies) is ever put in a cache, where it would outlive the session and the
// need-to-know it was given under. The outbox (IndexedDB, per user) is the only offline store.

/** `shell`: network first, this build's index.html without a network; `asset`: this build's copy first; `network`: not touched. */
export type Routing = 'shell' | 'asset' | 'network';

/** Paths the server answers itself (server/src/http/routes.ts): never from a cache, not even as a fallback. */
const SERVER_PATHS = ['/graphql', '/attachments', '/healthz', '/readyz'];

const isServerPath = (path: string) => SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

export function routingOf(request: Pick<Request, 'method' | 'url' | 'mode'>, origin: string): Routing {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== origin || isServerPath(url.pathname)) return 'network';
  // Vite names every built file by its content: a name always means the same bytes.
  if (url.pathname.startsWith('/assets/')) return 'asset';
  if (request.mode === 'navigate') return 'shell';
  return 'network';
}

/** The cache of one build: a new build gets a new name, and the old one goes once no tab uses it. */
export const CACHE_PREFIX = 'jointops-shell-';
export const cacheNameOf = (build: string) => `${CACHE_PREFIX}${build}`;
