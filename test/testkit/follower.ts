import { numericCursor } from '@jointops/server/graphql/pagination';
import { openSocket, type TestSocket } from './ws';

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
  /** The URL of the current connection. */
  readonly url: string;
  /** Resolves once `ready` holds (checked on every event), or rejects after `timeoutMs`. */
  until(ready: (follower: Follower) => boolean, timeoutMs: number): Promise<void>;
  /** Closes the socket from the client's side; the follower reconnects as after any other drop. */
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
  let socket: TestSocket | null = null;
  let url = options.url();
  let closing = false;
  const checks = new Set<() => void>();

  const follower: Follower = {
    received: [],
    reconnects: 0,
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
    drop: () => void socket?.dispose(),
    async close() {
      closing = true;
      await socket?.dispose();
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
    const current = openSocket(url, { token: options.token });
    socket = current;
    void current.closed.then(() => {
      if (socket === current) reconnect();
    });
    current.client.subscribe<{ operationEvents: { cursor: string; type: string } }>(
      { query: STREAM, variables: { operationId: options.operationId, after: cursor } },
      {
        next: (value) => {
          const event = value.data?.operationEvents;
          if (!event) return;
          cursor = event.cursor;
          follower.received.push({ seq: seqOfCursor(event.cursor), type: event.type });
          checks.forEach((check) => check());
        },
        // A stream that failed or ended on an open socket: the client drops the socket, and so
        // comes back through the same reconnection as after a drop.
        error: () => void current.dispose(),
        complete: () => void current.dispose(),
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
