import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

// Serialise once, write to all. A shared execution's result (shared-delivery.ts) goes to every
// subscriber of its audience: its payload is JSON-encoded once, as bytes, and each socket's `next`
// frame is those bytes behind the subscription's own envelope (its id, its type), which is made
// once per subscription. Nothing per delivery re-encodes the payload.

/** Frames made, frames written with a shared payload and the writes that gave them to sockets, since the process started. */
export const frameCounts = { serialised: 0, written: 0, flushed: 0 };

/**
 * Masks what errors may not tell the client (yoga's masked errors, applied once per shared
 * result): a result's GraphQL errors, or whatever ended a subscription's stream.
 */
export type MaskErrors = (errors: readonly unknown[]) => GraphQLError[];

/** One result executed once for many subscribers, serialised when the first of them is written to. */
export class SharedFrame {
  private bytes: Buffer | null = null;

  constructor(
    private readonly result: ExecutionResult,
    private readonly maskErrors: MaskErrors,
  ) {}

  /**
   * What follows a subscription's envelope in its `next` frame: the payload exactly as graphql-ws
   * writes it (masked errors as their JSON, absent when there are none), then the message's
   * closing brace, as UTF-8.
   */
  closedPayload(): Buffer {
    if (this.bytes === null) {
      const { errors, ...withoutErrors } = this.result;
      const payload = errors ? { ...withoutErrors, errors: this.maskErrors(errors).map((error) => error.toJSON()) } : withoutErrors;
      this.bytes = Buffer.from(`${JSON.stringify(payload)}}`);
      frameCounts.serialised += 1;
    }
    return this.bytes;
  }
}

/** Told when a socket has taken every frame given to it. */
export interface Drainable {
  drained(): void;
}

/** Where a subscription's frames go: its socket, under its graphql-ws id. */
export interface FrameSink {
  /**
   * Adds one `next` frame carrying `frame` to what the socket is given at the next `flush`, or
   * drops it if the socket is no longer open (as graphql-ws drops it).
   */
  add(frame: SharedFrame): void;
  /** Bytes added since the last flush. */
  readonly adding: number;
  /**
   * Gives the socket the frames added since the last flush, in one write. Answers true when the
   * socket has not taken all it was given yet; `waiter.drained()` follows once it has.
   */
  flush(waiter: Drainable): boolean;
}

/** Times each frame until it is written, and closes a socket that stops reading (slow-consumers.ts). */
export interface FrameTimes {
  given(socket: WebSocket): void;
  written(socket: WebSocket): void;
  check(socket: WebSocket): void;
}

/** The header of an unmasked, final text frame of `length` bytes (RFC 6455, 5.2), then `envelope`. */
function frameHead(envelope: Buffer, length: number): Buffer {
  const size = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const head = Buffer.allocUnsafe(size + envelope.length);
  head[0] = 0x81;
  if (size === 2) head[1] = length;
  else if (size === 4) {
    head[1] = 126;
    head.writeUInt16BE(length, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  envelope.copy(head, size);
  return head;
}

/** Written behind a frame the kernel did not take at once: its callback runs once the frame is written. */
const NOTHING = Buffer.alloc(0);

/**
 * One subscription's frames on its socket. Each frame is written as two buffers, its own head
 * (the WebSocket header and the envelope) and the audience's shared bytes, straight to the TCP
 * socket under ws: ws's `send` takes one buffer, so every frame was the envelope and the shared
 * payload copied into a new one (3 KiB per socket and event in the fan-out bench). ws writes its
 * own frames (pings, graphql-ws's messages) to that socket synchronously, so the two keep their
 * order: it would not if it compressed them, which is why the server turns compression off
 * (websocket.ts).
 *
 * Frames added between two flushes go to the kernel in one write: the socket is corked from the
 * first until the flush. A subscriber behind its audience (alerts raised faster than its socket
 * takes them) catches up several frames at a time, with one system call on the server and one
 * read on its client where each frame cost both.
 *
 * graphql-ws waited for each frame to be written before taking the next, which holds a reader
 * that stops reading still (slow-consumers.ts); the flush says to wait too, but only when the
 * kernel did not take everything at once, so a socket that keeps up costs no promise per frame.
 * Nor a callback, nor any timing: what the kernel took at once has nothing left to wait for (the
 * socket holds no byte after it), and only a write it did not take is timed until written, by an
 * empty write behind it, whose callback runs once everything before it is written.
 */
export class SocketFrames implements FrameSink {
  private readonly envelope: Buffer;
  /** The last frame's head, and that frame's length: the next frame of that length takes it as it is. */
  private head: Buffer | null = null;
  private headFor = -1;
  adding = 0;
  private unwritten = 0;
  private waiter: Drainable | null = null;
  /** Made the first time a write is not taken at once: a closure each is ~300 B of every idle subscriber. */
  private written: (() => void) | null = null;

  constructor(
    private readonly socket: WebSocket,
    id: string,
    private readonly times: FrameTimes,
  ) {
    this.envelope = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  }

  add(frame: SharedFrame): void {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return;
    const tail = frame.closedPayload();
    const length = this.envelope.length + tail.length;
    // Made anew, not changed, when the length changes: the socket may still hold the last one.
    let head = this.head;
    if (head === null || length !== this.headFor) {
      head = frameHead(this.envelope, length);
      this.head = head;
      this.headFor = length;
    }
    frameCounts.written += 1;
    const tcp = this.tcp();
    if (this.adding === 0) tcp.cork();
    tcp.write(head);
    tcp.write(tail);
    this.adding += head.length + tail.length;
  }

  flush(waiter: Drainable): boolean {
    if (this.adding === 0) return false;
    this.adding = 0;
    frameCounts.flushed += 1;
    const socket = this.socket;
    const tcp = this.tcp();
    tcp.uncork();
    if (socket.bufferedAmount === 0) return false;
    this.times.given(socket);
    this.unwritten += 1;
    this.written ??= () => {
      this.times.written(this.socket);
      this.unwritten -= 1;
      const waiter = this.waiter;
      if (this.unwritten === 0 && waiter) {
        this.waiter = null;
        waiter.drained();
      }
    };
    tcp.write(NOTHING, this.written);
    this.times.check(socket);
    if (this.unwritten === 0) return false;
    this.waiter = waiter;
    return true;
  }

  private tcp(): Socket {
    return (this.socket as unknown as { _socket: Socket })._socket;
  }
}
