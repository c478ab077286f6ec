import { createClient as createWSClient, type Client as WSClient } from 'graphql-ws';

/**
 * How the live link stands, as the shell shows it: `connecting` before the first answer,
 * `connected` (live), `reconnecting` until `nextTryAt`, `offline` while the browser says it has no
 * network. Catching up (a stream replaying what it missed) is told by the streams, see live-state.ts.
 */
export type SocketState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; nextTryAt: number | null }
  | { kind: 'offline' };

// The close code the server uses for a socket without a valid session.
const FORBIDDEN = 4403;
const MAX_RETRY_WAIT_MS = 30_000;
// A socket whose pings go unanswered is dead even if the browser has not noticed (a cable pulled,
// a laptop resumed, a network emulated offline): close it and go through the retries.
const PING_EVERY_MS = 10_000;
const PONG_WITHIN_MS = 5_000;
const PING_TIMEOUT = 4408;

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

let state: SocketState = { kind: 'connecting' };
const stateListeners = new Set<() => void>();
// Counts the connections acknowledged since the page opened: a stream that saw connection n and
// now sees n+1 knows the socket dropped in between, and resumes from its own newest cursor.
let connections = 0;
const reconnectListeners = new Set<() => void>();

function setState(next: SocketState) {
  state = next;
  for (const listener of stateListeners) listener();
}

export const socketState = (): SocketState => state;

/** Calls `listener` whenever the socket's state changes; returns the unsubscriber. */
export function onSocketState(listener: () => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** Calls `listener` each time the socket is back after a drop (not on the first connection). */
export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

interface LiveConnectionHandlers {
  /** The server closed the socket because the session is gone (expired, signed out elsewhere, deactivated). */
  onForbidden(): void;
}

/** Opens the WebSocket for the signed-in user at once, so the shell shows its state; returns the closer. */
export function openLiveConnection({ onForbidden }: LiveConnectionHandlers): () => void {
  // A disposed socket still reports `closed` a moment later; by then a newer one may be open.
  let current = true;
  const report = (next: SocketState) => {
    if (current) setState(next);
  };
  const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
  let wakeRetry: (() => void) | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let activeSocket: WebSocket | null = null;

  const ws = createWSClient({
    url: liveUrl(),
    lazy: false,
    keepAlive: PING_EVERY_MS,
    // An operations room must come back by itself after a restart or a network change.
    retryAttempts: Infinity,
    retryWait: (retries) =>
      new Promise<void>((resolve) => {
        // Without a network there is nothing to try: wait for the browser to say it is back.
        const delay = offline() ? null : Math.min(2 ** retries * 1000, MAX_RETRY_WAIT_MS) + Math.random() * 1000;
        const timer = delay === null ? undefined : setTimeout(done, delay);
        function done() {
          clearTimeout(timer);
          wakeRetry = null;
          resolve();
        }
        wakeRetry = done;
        report(offline() ? { kind: 'offline' } : { kind: 'reconnecting', nextTryAt: delay === null ? null : Date.now() + delay });
      }),
    shouldRetry: (closeEvent) => !isForbidden(closeEvent),
    onNonLazyError: (error) => {
      if (!current) return;
      if (isForbidden(error)) onForbidden();
      else console.error('Live connection failed', error);
    },
    on: {
      connecting: () => {
        if (state.kind !== 'reconnecting' && state.kind !== 'offline') report({ kind: 'connecting' });
      },
      connected: (opened) => {
        activeSocket = opened as WebSocket;
        connections += 1;
        report({ kind: 'connected' });
        if (connections > 1 && current) for (const listener of reconnectListeners) listener();
      },
      closed: () => {
        activeSocket = null;
        clearTimeout(pongTimer);
        report(offline() ? { kind: 'offline' } : { kind: 'reconnecting', nextTryAt: null });
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(PING_TIMEOUT, 'No answer to ping');
        }, PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  // The browser knows before the socket does: drop the socket at once when the network goes, and
  // try again at once when it comes back instead of waiting out the back-off.
  const wentOffline = () => {
    report({ kind: 'offline' });
    ws.terminate();
  };
  const cameOnline = () => {
    report({ kind: 'reconnecting', nextTryAt: Date.now() });
    wakeRetry?.();
  };
  window.addEventListener('offline', wentOffline);
  window.addEventListener('online', cameOnline);

  socket = ws;
  for (const start of [...waiting]) start(ws);
  return () => {
    current = false;
    clearTimeout(pongTimer);
    window.removeEventListener('offline', wentOffline);
    window.removeEventListener('online', cameOnline);
    if (socket === ws) socket = null;
    setState({ kind: 'connecting' });
    // A socket the server closed before it was acknowledged (signing out ends the session's
    // sockets) rejects dispose with that close event: it is closed already, and unheard the
    // rejection would reach the page as an error.
    Promise.resolve(ws.dispose()).catch(() => {});
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
