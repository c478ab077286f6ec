import type { WebSocket } from 'ws';

// A socket that does not read what it is sent must not cost the server without bound. graphql-ws
// waits for each frame of a subscription to be written before it takes the next, so a reader
// that stops reading holds its subscriptions still (the hub then serves it from the log, not from
// memory) and nobody else waits for it. What is left to bound is the socket itself: the bytes
// handed to it and not yet written out, and how long the oldest of them has waited. Past either
// limit the socket is closed with 1013 (try again later): graphql-ws clients reconnect by
// themselves, and a subscriber resumes from the cursor of the last event it received.

export const SLOW_CONSUMER = 1013;

export interface SlowConsumerLimits {
  maxBufferedBytes: number;
  maxSendWaitMs: number;
}

interface PendingSends {
  bytes: number;
  /** Start times of the frames not yet written, oldest first (writes complete in order). */
  startedAt: number[];
}

const pending = new WeakMap<WebSocket, PendingSends>();

/** Counts what `socket` has been given and not yet written; call once, when it connects. */
export function trackSends(socket: WebSocket, limits: SlowConsumerLimits, onSlow: (reason: string) => void): void {
  const state: PendingSends = { bytes: 0, startedAt: [] };
  pending.set(socket, state);
  const send = socket.send.bind(socket) as (data: unknown, options: object, cb?: (error?: Error) => void) => void;
  socket.send = ((data: string | Buffer, optionsOrCallback?: object | ((error?: Error) => void), callback?: (error?: Error) => void) => {
    const options = typeof optionsOrCallback === 'object' ? optionsOrCallback : {};
    const done = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    state.bytes += bytes;
    state.startedAt.push(Date.now());
    send(data, options, (error) => {
      state.bytes -= bytes;
      state.startedAt.shift();
      done?.(error);
    });
    if (state.bytes > limits.maxBufferedBytes) onSlow(`${state.bytes} bytes waiting to be read`);
  }) as WebSocket['send'];
}

/** Why `socket` is too slow to keep, or null while it keeps up. */
export function slowness(socket: WebSocket, limits: SlowConsumerLimits, now: number): string | null {
  const state = pending.get(socket);
  const oldest = state?.startedAt[0];
  if (oldest === undefined) return null;
  const waited = now - oldest;
  return waited > limits.maxSendWaitMs ? `a frame has waited ${waited} ms to be read` : null;
}
