import type { FormattedExecutionResult } from 'graphql';
import type { Fields } from './graphql';

// A GraphQL-over-SSE client as an outside program would write one: fetch with
// `accept: text/event-stream`, the body read as it arrives, split into events. It reads from the
// moment it opens, whether or not anyone iterates, so a test can ask what arrived and when the
// server ended the stream.

export type SsePayload<T = Fields> = FormattedExecutionResult<T, unknown>;

export interface SseStream<T = Fields> extends AsyncIterable<SsePayload<T>> {
  /** The HTTP response's status, once its headers arrived. */
  readonly status: Promise<number>;
  /** Every `next` payload so far, in order. */
  readonly received: SsePayload<T>[];
  /**
   * Resolves when the stream is over: `complete` when the server sent its complete event, `closed`
   * when the body ended without one, `aborted` after close().
   */
  readonly ended: Promise<'complete' | 'closed' | 'aborted'>;
  /** Resolves once `ready` holds for what arrived, or rejects after `timeoutMs`. */
  until(ready: (received: SsePayload<T>[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** One parsed event of the stream: its name (`message` when none) and its joined data lines. */
function parseEvent(block: string): { event: string; data: string } {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const separator = line.indexOf(':');
    const field = separator < 0 ? line : line.slice(0, separator);
    const value = separator < 0 ? '' : line.slice(separator + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return { event, data: data.join('\n') };
}

/**
 * Opens a subscription over SSE at `url` (the GraphQL endpoint). `headers` carry the credentials
 * (`authorization: Bearer …` or `cookie`).
 */
export function openSse<T = Fields>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): SseStream<T> {
  const abort = new AbortController();
  const received: SsePayload<T>[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  /** The next payload or the end, whichever comes first. */
  const arrival = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        listeners.delete(wake);
        resolve();
      };
      listeners.add(wake);
    });
  let over = false;
  let resolveStatus!: (status: number) => void;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));

  const ended = (async (): Promise<'complete' | 'closed' | 'aborted'> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify({ query, variables }),
        signal: abort.signal,
      });
      resolveStatus(response.status);
      if (!response.body) return 'closed';
      const decoder = new TextDecoder();
      let buffered = '';
      for await (const chunk of response.body) {
        buffered += decoder.decode(chunk as Uint8Array, { stream: true }).replace(/\r\n?/g, '\n');
        for (let boundary = buffered.indexOf('\n\n'); boundary >= 0; boundary = buffered.indexOf('\n\n')) {
          const { event, data } = parseEvent(buffered.slice(0, boundary));
          buffered = buffered.slice(boundary + 2);
          if (event === 'complete') return 'complete';
          if ((event === 'next' || event === 'message') && data) {
            received.push(JSON.parse(data) as SsePayload<T>);
            notify();
          }
        }
      }
      return 'closed';
    } catch (error) {
      resolveStatus(0);
      if (abort.signal.aborted) return 'aborted';
      throw error;
    } finally {
      over = true;
      notify();
    }
  })();
  // Read whether or not anyone awaits it; a failure shows up where `ended` is awaited.
  ended.catch(() => undefined);

  return {
    status,
    received,
    ended,
    until(ready, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (ready(received)) {
            finish();
            resolve();
          } else if (over) {
            finish();
            reject(new Error(`the stream ended with ${received.length} received: ${JSON.stringify(received)}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out after ${timeoutMs} ms with ${received.length} received`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    close: () => abort.abort(),
    async *[Symbol.asyncIterator]() {
      for (let next = 0; ; next += 1) {
        while (next >= received.length && !over) await arrival();
        if (next >= received.length) return;
        yield received[next]!;
      }
    },
  };
}
