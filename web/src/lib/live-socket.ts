import { createClient as createWSClient, type Client as WSClient } from 'graphql-ws';

export type LiveState = 'connecting' | 'connected' | 'closed';

// The close code the server uses for a socket without a valid session.
const FORBIDDEN = 4403;
const MAX_RETRY_WAIT_MS = 30_000;

// The server refuses a socket without a session, so one exists only while someone is signed in.
let socket: WSClient | null = null;

type Subscribe = WSClient['subscribe'];
type Payload = Parameters<Subscribe>[0];
type Sink = Parameters<Subscribe>[1];

// Screens subscribe as they mount, which can be a moment before the shell has opened the socket
// (children's effects run first): those wait here and start on the socket once it exists.
const waiting = new Set<(ws: WSClient) => void>();

/** Subscribes on the live socket, now or as soon as it opens; returns the unsubscriber. */
export function subscribeLive(payload: Payload, sink: Sink): () => void {
  if (socket) return socket.subscribe(payload, sink);
  let unsubscribe: (() => void) | null = null;
  const start = (ws: WSClient) => {
    waiting.delete(start);
    unsubscribe = ws.subscribe(payload, sink);
  };
  waiting.add(start);
  return () => {
    waiting.delete(start);
    unsubscribe?.();
  };
}

interface LiveConnectionHandlers {
  onStateChange(state: LiveState): void;
  /** The server closed the socket because the session is gone (expired, signed out elsewhere, deactivated). */
  onForbidden(): void;
}

/** Opens the WebSocket for the signed-in user at once, so the shell shows its state; returns the closer. */
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
  socket = ws;
  for (const start of [...waiting]) start(ws);
  return () => {
    current = false;
    if (socket === ws) socket = null;
    void ws.dispose();
  };
}

function liveUrl(): string {
  const url = new URL('/graphql', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

function isForbidden(closeEvent: unknown): boolean {
  return typeof closeEvent === 'object' && closeEvent !== null && 'code' in closeEvent && closeEvent.code === FORBIDDEN;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
