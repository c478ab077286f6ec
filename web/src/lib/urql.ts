import { createClient as createWSClient, type Client as WSClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

export type LiveState = 'connecting' | 'connected' | 'closed';

// The close code the server uses for a socket without a valid session.
const FORBIDDEN = 4403;
const MAX_RETRY_WAIT_MS = 30_000;

// The server refuses a socket without a session, so one exists only while someone is signed in.
let liveClient: WSClient | null = null;

export const client = new Client({
  url: '/graphql',
  // The session is an httpOnly cookie: the browser attaches it, and nothing here ever holds a token.
  fetchOptions: { credentials: 'same-origin' },
  // A JSON POST is never a "simple" request, so another site cannot make the browser send one
  // with the session cookie; urql's default would send queries as GET.
  preferGetMethod: false,
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query ?? '' };
        return {
          subscribe(sink) {
            if (!liveClient) {
              sink.error(new Error('No live connection: sign in first'));
              return { unsubscribe() {} };
            }
            return { unsubscribe: liveClient.subscribe(input, sink) };
          },
        };
      },
    }),
  ],
});

interface LiveConnectionHandlers {
  onStateChange(state: LiveState): void;
  /** The server closed the socket because the session is gone (expired, signed out elsewhere, deactivated). */
  onForbidden(): void;
}

/** Opens the WebSocket for the signed-in user at once, so the room shows its state; returns the closer. */
export function openLiveConnection({ onStateChange, onForbidden }: LiveConnectionHandlers): () => void {
  // A disposed socket still reports `closed` a moment later; by then a newer one may be open.
  let current = true;
  const report = (state: LiveState) => {
    if (current) onStateChange(state);
  };
  const ws = createWSClient({
    url: liveUrl(),
    lazy: false,
    // An operations room must come back by itself after a restart or a network change.
    retryAttempts: Infinity,
    retryWait: (retries) => wait(Math.min(2 ** retries * 1000, MAX_RETRY_WAIT_MS) + Math.random() * 1000),
    shouldRetry: (closeEvent) => !isForbidden(closeEvent),
    onNonLazyError: (error) => {
      if (!current) return;
      if (isForbidden(error)) onForbidden();
      else console.error('Live connection failed', error);
    },
    on: {
      connecting: () => report('connecting'),
      connected: () => report('connected'),
      closed: () => report('closed'),
    },
  });
  liveClient = ws;
  return () => {
    current = false;
    if (liveClient === ws) liveClient = null;
    void ws.dispose();
  };
}

function liveUrl(): string {
  const url = new URL('/graphql', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

function isForbidden(closeEvent: unknown): boolean {
  return (
    typeof closeEvent === 'object' && closeEvent !== null && 'code' in closeEvent && closeEvent.code === FORBIDDEN
  );
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
