import type { WebSocket } from 'ws';

// A socket that does not read what it is sent must not cost the server without bound. graphql-ws
// waits for each frame of a subscription to be written before it takes the next, so a reader
// that stops reading holds its subscriptions still (the hub then serves it from the log, not from
// memory) and nobody else waits for it. What is left to bound is the socket itself: the bytes the
// kernel has not taken (ws's bufferedAmount: a frame counts only while it really waits, not until
// its write callback runs on the next tick) and how long the oldest frame has waited. Past either
// limit the socket is closed with 1013 (try again later): graphql-ws clients reconnect by
// themselves, and a subscriber resumes from the cursor of the last event it received.

export const SLOW_CONSUMER = 1013;

export interface SlowConsumerLimits {
  maxBufferedBytes: number;
  maxSendWaitMs: number;
}

/** Start times of the frames each socket has not yet written, oldest first (writes complete in order). */
const pending = new WeakMap<WebSocket, number[]>();

/** Why `socket` is too slow to keep, or null while it keeps up. */
export function slowness(socket: WebSocket, limits: SlowConsumerLimits, now: number): string | null {
  if (socket.bufferedAmount > limits.maxBufferedBytes) return `${socket.bufferedAmount} bytes waiting to be read`;
  const oldest = pending.get(socket)?.[0];
  const waited = oldest === undefined ? 0 : now - oldest;
  return waited > limits.maxSendWaitMs ? `a frame has waited ${waited} ms to be read` : null;
}

/** Times what `socket` is given until it is written, and checks it at every send; call once, when it connects. */
export function trackSends(socket: WebSocket, limits: SlowConsumerLimits, onSlow: (reason: string) => void): void {
  const startedAt: number[] = [];
  pending.set(socket, startedAt);
  const send = socket.send.bind(socket) as (data: unknown, options: object, cb?: (error?: Error) => void) => void;
  socket.send = ((data: string | Buffer, optionsOrCallback?: object | ((error?: Error) => void), callback?: (error?: Error) => void) => {
    const options = typeof optionsOrCallback === 'object' ? optionsOrCallback : {};
    const done = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback;
    startedAt.push(Date.now());
    send(data, options, (error) => {
      startedAt.shift();
      done?.(error);
    });
    const reason = slowness(socket, limits, Date.now());
    if (reason) onSlow(reason);
  }) as WebSocket['send'];
}
