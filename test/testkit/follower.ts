import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { numericCursor } from '@jointops/server/graphql/pagination';

// A member's screen following an operation the way the web app does: when its socket closes or
// its stream fails, it connects again (to whichever server the "load balancer" names) and resumes
// from the last cursor it received. Everything received is kept as it came, duplicates included,
// so that a test can prove there were none.

const STREAM = `subscription($operationId: ID!, $after: String) {
  operationEvents(operationId: $operationId, after: $after) { cursor type }
}`;

export interface FollowedEvent {
  seq: number;
  type: string;
}

export interface Follower {
  received: FollowedEvent[];
  /** Connections made after the first. */
  reconnects: number;
  /** Why each connection ended: the close code and reason, or the stream's error. */
  drops: string[];
  /** The URL of the current connection. */
  readonly url: string;
  /** Resolves once `ready` holds (checked on every event), or rejects after `timeoutMs`. */
  until(ready: (follower: Follower) => boolean, timeoutMs: number): Promise<void>;
  /** The connection breaks (the socket destroyed, no close frame); the follower reconnects as after any other drop. */
  drop(): void;
  /** Stops following for good. */
  close(): Promise<void>;
}

export interface FollowOptions {
  /** The server to connect to, asked again at every reconnection. */
  url: () => string;
  token: string;
  operationId: string;
  /** The cursor to start after. */
  after: string;
  /** Milliseconds before reconnecting, asked at every reconnection (a client's backoff and jitter). */
  backoffMs?: () => number;
}

const eventCursor = numericCursor('event');

export function seqOfCursor(cursor: string): number {
  const seq = eventCursor.decode(cursor);
  if (seq === null) throw new Error(`not an event cursor: ${cursor}`);
  return seq;
}

export function follow(options: FollowOptions): Follower {
  let cursor = options.after;
  let current: { client: Client; socket: WebSocket | null } | null = null;
  let url = options.url();
  let closing = false;
  const checks = new Set<() => void>();

  const follower: Follower = {
    received: [],
    reconnects: 0,
    drops: [],
    get url() {
      return url;
    },
    until(ready, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!ready(follower)) return;
          clearTimeout(timer);
          checks.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms with ${follower.received.length} events received from ${url}`));
        }, timeoutMs);
        checks.add(check);
        check();
      });
    },
    drop: () => current?.socket?.terminate(),
    async close() {
      closing = true;
      await current?.client.dispose();
    },
  };

  function reconnect(): void {
    if (closing) return;
    setTimeout(() => {
      if (closing) return;
      follower.reconnects += 1;
      url = options.url();
      connect();
    }, options.backoffMs?.() ?? 50);
  }

  function connect(): void {
    const connection: { client: Client; socket: WebSocket | null } = { client: null as unknown as Client, socket: null };
    current = connection;
    class CapturedSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        connection.socket = this;
      }
    }
    let ended = false;
    let lastError = '';
    const end = (why: string) => {
      if (ended) return;
      ended = true;
      follower.drops.push(why);
      void connection.client.dispose();
      if (current === connection) reconnect();
    };
    // Never retrying by itself: a drop is seen, and the reconnection is this follower's own.
    connection.client = createClient({
      url,
      webSocketImpl: CapturedSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { token: options.token },
      on: {
        // A connection refused or broken says why only in its error (an HTTP status, a reset).
        error: (error) => (lastError = error instanceof Error ? error.message : String((error as { message?: string }).message ?? error)),
        closed: (event) => end(`${(event as { code: number }).code} ${(event as { reason: string }).reason || lastError}`.trim()),
      },
      onNonLazyError: () => undefined,
    });
    connection.client.subscribe<{ operationEvents: { cursor: string; type: string } }>(
      { query: STREAM, variables: { operationId: options.operationId, after: cursor } },
      {
        next: (value) => {
          const event = value.data?.operationEvents;
          if (!event) return;
          cursor = event.cursor;
          follower.received.push({ seq: seqOfCursor(event.cursor), type: event.type });
          for (const check of checks) check();
        },
        // A stream that failed or ended on an open socket: the client drops the socket, and so
        // comes back through the same reconnection as after a drop.
        error: (error) => end(`stream error: ${error instanceof Error ? error.message : JSON.stringify(error)}`),
        complete: () => end('stream complete'),
      },
    );
  }

  connect();
  return follower;
}

/** The sequence numbers that `received` should hold: `from + 1` … `to`, each once. */
export function expectedSeqs(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + 1 + index);
}
