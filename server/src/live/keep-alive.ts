import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

// A peer can vanish without a word (a cable pulled, a laptop shut, a NAT that forgot the
// connection): its socket would hold its subscriptions, and the feeds they join, until TCP gives
// up many minutes later. So every socket must be heard from: one silent for `quietMs` is pinged,
// and one that has still said nothing `quietMs` after the ping is cut off. A dead peer goes within
// twice the interval of its last word, as with graphql-ws's own keep-alive (every socket pinged
// each interval, cut off at the next if it did not answer), and a live one has at least 11/12 of
// the interval to answer (graphql-ws's: the whole interval).
//
// What counts as heard is anything: the pong, or the client's own ping. The web app pings every
// 10 s (graphql-ws keepAlive), so its sockets need no ping of ours at all; and the sockets that do
// are pinged a few at a time as each falls due, not every one in the same turn of the event loop.
//
// Why a ping of our own and not the kernel's TCP keep-alive (`setKeepAlive`), which would cost no
// JavaScript per socket: the hub speaks plain HTTP, so in production a TLS-terminating proxy stands
// between it and every client, and the kernel's probes would reach the proxy, never the client: a
// client gone behind it would stay for as long as the proxy cares to keep it. Proxies and load
// balancers also close a connection silent past their idle time-out (often 60 s) unless frames
// cross it, and a peer whose kernel still answers while its program hangs answers every probe.
// A WebSocket ping crosses the proxy and is answered by the client itself, so it keeps the 24 s
// bound in all three cases, as fast as the kernel would have for a vanished one; beside it the
// kernel's keep-alive would add nothing. The price is a ping and its pong (~20 µs of CPU) per
// silent socket every 11 s, which a server with no liveness check at all does not pay.

/** A WebSocket ping frame with no payload (FIN, opcode 9, unmasked, length 0). */
const PING = Buffer.from([0x89, 0x00]);

/** One socket's last word and the ping it has not answered. */
interface Liveness {
  heardAt: number;
  /** When the ping it has not yet answered went out; 0 when there is none. */
  pingedAt: number;
}

export class KeepAlive {
  private readonly liveness = new WeakMap<WebSocket, Liveness>();
  /** Sockets by the tick at which to look at them again: a tick is 1/12 of the interval. */
  private readonly due = new Map<number, WebSocket[]>();
  private readonly tickMs: number;
  /** How long a socket may be silent before it is pinged, and a ping unanswered before it is cut off. */
  private readonly quietMs: number;
  private readonly timer: NodeJS.Timeout;
  private lastTick: number;

  constructor(intervalMs: number) {
    this.tickMs = intervalMs / 12;
    // A socket is looked at on the first tick after it falls due: one tick less on each side keeps
    // a dead peer's end within twice the interval of its last word.
    this.quietMs = intervalMs - this.tickMs;
    this.lastTick = Math.floor(Date.now() / this.tickMs);
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  /** Watches a socket from its connection on. */
  track(socket: WebSocket): void {
    const now = Date.now();
    this.liveness.set(socket, { heardAt: now, pingedAt: 0 });
    this.schedule(socket, now + this.quietMs);
  }

  /** The socket spoke: it is alive now. */
  heard(socket: WebSocket): void {
    const liveness = this.liveness.get(socket);
    if (liveness) liveness.heardAt = Date.now();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private schedule(socket: WebSocket, at: number): void {
    const tick = Math.max(Math.ceil(at / this.tickMs), this.lastTick + 1);
    const sockets = this.due.get(tick);
    if (sockets) sockets.push(socket);
    else this.due.set(tick, [socket]);
  }

  private tick(): void {
    const now = Date.now();
    // A tick is done once its time has come: a socket is never looked at before it is due.
    const current = Math.floor(now / this.tickMs);
    // Every tick since the last one, should the event loop have been held up past one.
    for (let tick = this.lastTick + 1; tick <= current; tick += 1) {
      const sockets = this.due.get(tick);
      this.lastTick = tick;
      if (!sockets) continue;
      this.due.delete(tick);
      for (const socket of sockets) this.look(socket, now);
    }
  }

  private look(socket: WebSocket, now: number): void {
    const liveness = this.liveness.get(socket);
    if (!liveness || socket.readyState !== socket.OPEN) return;
    if (liveness.pingedAt && liveness.heardAt < liveness.pingedAt) {
      if (now - liveness.pingedAt >= this.quietMs) socket.terminate();
      else this.schedule(socket, liveness.pingedAt + this.quietMs);
    } else if (now - liveness.heardAt < this.quietMs) {
      liveness.pingedAt = 0;
      this.schedule(socket, liveness.heardAt + this.quietMs);
    } else {
      liveness.pingedAt = now;
      // The frame is always the same two bytes: written as they are, past ws's framing of each
      // ping (a quarter of the ping's CPU). ws's own frames are never left queued here (no
      // compression), so nothing is overtaken; shared-frames.ts writes the same way.
      (socket as unknown as { _socket: Socket })._socket.write(PING);
      this.schedule(socket, now + this.quietMs);
    }
  }
}
