import { WebSocket } from 'ws';

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

/**
 * Times what each socket is given until it is written, checks a socket at every send, and sweeps
 * for those whose frames stopped moving. Only sockets with a frame not yet written are swept: an
 * idle socket has nothing buffered (ws counts a frame until its write completes), so thousands of
 * idle subscribers cost the sweep nothing.
 */
export class SlowConsumers {
  /** Start times of the frames each socket has not yet written, oldest first (writes complete in order). */
  private readonly pending = new WeakMap<WebSocket, number[]>();
  private readonly waiting = new Set<WebSocket>();

  // One close listener and one `send` for every socket, not closures of each: they last as long as the socket.
  private readonly forgetOnClose: (this: WebSocket) => void;
  private readonly timedSend: WebSocket['send'];

  constructor(
    private readonly limits: SlowConsumerLimits,
    private readonly onSlow: (socket: WebSocket, reason: string) => void,
  ) {
    const waiting = this.waiting;
    this.forgetOnClose = function forget(this: WebSocket) {
      waiting.delete(this);
    };
    const consumers = this;
    this.timedSend = function timedSend(
      this: WebSocket,
      data: string | Buffer,
      optionsOrCallback?: object | ((error?: Error) => void),
      callback?: (error?: Error) => void,
    ) {
      const options = typeof optionsOrCallback === 'object' ? optionsOrCallback : {};
      const done = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback;
      consumers.given(this);
      WebSocket.prototype.send.call(this, data, options, (error) => {
        consumers.written(this);
        done?.(error);
      });
      consumers.check(this);
    } as WebSocket['send'];
  }

  /** Why `socket` is too slow to keep, or null while it keeps up. */
  slowness(socket: WebSocket, now: number): string | null {
    if (socket.bufferedAmount > this.limits.maxBufferedBytes) return `${socket.bufferedAmount} bytes waiting to be read`;
    const oldest = this.pending.get(socket)?.[0];
    const waited = oldest === undefined ? 0 : now - oldest;
    return waited > this.limits.maxSendWaitMs ? `a frame has waited ${waited} ms to be read` : null;
  }

  /** Checks every socket with frames not yet written. */
  sweep(now: number): void {
    for (const socket of this.waiting) {
      const reason = this.slowness(socket, now);
      if (reason) this.onSlow(socket, reason);
    }
  }

  /** Times what `socket` is given until it is written; call once, when it connects. */
  track(socket: WebSocket): void {
    this.pending.set(socket, []);
    socket.on('close', this.forgetOnClose);
    socket.send = this.timedSend;
  }

  /** A frame given to `socket` (by its `send`, or written past it: shared-frames.ts), timed until `written`. */
  given(socket: WebSocket): void {
    this.pending.get(socket)?.push(Date.now());
    this.waiting.add(socket);
  }

  /** The oldest frame given to `socket` is written. */
  written(socket: WebSocket): void {
    const startedAt = this.pending.get(socket);
    startedAt?.shift();
    if (!startedAt?.length) this.waiting.delete(socket);
  }

  /** Closes `socket` now if it is too slow: checked at every frame it is given. */
  check(socket: WebSocket): void {
    const reason = this.slowness(socket, Date.now());
    if (reason) this.onSlow(socket, reason);
  }
}
