import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { Fields } from './graphql';

export interface SocketOptions {
  token?: string;
  cookie?: string;
  origin?: string;
}

export interface TestSocket {
  client: Client;
  /** Resolves with the close event's code and reason when the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/**
 * A real graphql-ws client over a real socket, connecting at once and never retrying, so a
 * refusal shows up as the close code the server chose.
 */
export function openSocket(url: string, options: SocketOptions = {}): TestSocket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class SocketWithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let resolveClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url,
    webSocketImpl: SocketWithHeaders,
    lazy: false,
    retryAttempts: 0,
    connectionParams: options.token ? { token: options.token } : undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        resolveClosed({ code, reason: String(reason) });
      },
    },
    onNonLazyError: () => undefined,
  });
  return { client, closed, dispose: () => Promise.resolve(client.dispose()) };
}

/** Runs one operation over the socket and returns its single result (or throws the close/error). */
export function execute<T = Fields>(
  socket: TestSocket,
  query: string,
  variables?: Record<string, unknown>,
): Promise<FormattedExecutionResult<T, unknown>> {
  return new Promise((resolve, reject) => {
    let result: FormattedExecutionResult<T, unknown> | undefined;
    socket.client.subscribe<T>(
      { query, variables },
      {
        next: (value) => (result = value),
        error: reject,
        complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
      },
    );
  });
}

export interface LiveSubscription<T> {
  received: T[];
  readonly errors: unknown;
  readonly completed: boolean;
  /** Resolves once `ready` holds (checked on every message), or rejects after `timeoutMs`. */
  until(ready: (subscription: LiveSubscription<T>) => boolean, timeoutMs?: number): Promise<void>;
  dispose(): void;
}

/** A subscription that collects what arrives, for tests that wait for a given state. */
export function subscribe<T = Fields>(socket: TestSocket, query: string, variables?: Record<string, unknown>): LiveSubscription<T> {
  const checks = new Set<() => void>();
  const notify = () => {
    for (const check of checks) check();
  };
  const state = { errors: undefined as unknown, completed: false };
  const subscription: LiveSubscription<T> = {
    received: [],
    get errors() {
      return state.errors;
    },
    get completed() {
      return state.completed;
    },
    until(ready, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!ready(subscription)) return;
          clearTimeout(timer);
          checks.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms with ${subscription.received.length} received`));
        }, timeoutMs);
        checks.add(check);
        check();
      });
    },
    dispose: () => undefined,
  };
  subscription.dispose = socket.client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) state.errors = value.errors;
        else if (value.data) subscription.received.push(value.data as T);
        notify();
      },
      error: (error) => {
        state.errors = error;
        notify();
      },
      complete: () => {
        state.completed = true;
        notify();
      },
    },
  );
  return subscription;
}
