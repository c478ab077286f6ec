import type { ExecutionResult, GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';

// Serialise once, write to all. A shared execution's result (shared-delivery.ts) goes to every
// subscriber of its audience: its payload is JSON-encoded once, as bytes, and each socket's `next`
// frame is those bytes behind the subscription's own envelope (its id, its type), which is made
// once per subscription. Nothing per delivery re-encodes the payload.

/** Frames made and frames written with a shared payload, since the process started. */
export const frameCounts = { serialised: 0, written: 0 };

/** Masks what a result's errors may not tell the client (yoga's masked errors, applied once per shared result). */
export type MaskErrors = (errors: readonly GraphQLError[]) => GraphQLError[];

/** One result executed once for many subscribers, serialised when the first of them is written to. */
export class SharedFrame {
  private bytes: Buffer | null = null;

  constructor(
    private readonly result: ExecutionResult,
    private readonly maskErrors: MaskErrors,
  ) {}

  /** The payload exactly as graphql-ws writes it (masked errors as their JSON, absent when there are none), as UTF-8. */
  payloadBytes(): Buffer {
    if (this.bytes === null) {
      const { errors, ...withoutErrors } = this.result;
      const payload = errors ? { ...withoutErrors, errors: this.maskErrors(errors).map((error) => error.toJSON()) } : withoutErrors;
      this.bytes = Buffer.from(JSON.stringify(payload));
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
   * Writes one `next` frame carrying `payload`. Answers true when the socket has not taken all it
   * was given yet; `waiter.drained()` follows once it has.
   */
  write(payload: Buffer, waiter: Drainable): boolean;
}

const CLOSING_BRACE = Buffer.from('}');
/** A text frame, as graphql-ws's are, though it is written from bytes. */
const TEXT = { binary: false };

/**
 * One subscription's frames on its socket. graphql-ws waited for each frame to be written before
 * taking the next, which holds a reader that stops reading still (slow-consumers.ts); this waits
 * too, but only when the kernel did not take the frame at once, so a socket that keeps up costs no
 * promise per frame.
 */
export class SocketFrames implements FrameSink {
  private readonly envelope: Buffer;
  private unwritten = 0;
  private waiter: Drainable | null = null;
  private readonly written = (): void => {
    this.unwritten -= 1;
    const waiter = this.waiter;
    if (this.unwritten === 0 && waiter) {
      this.waiter = null;
      waiter.drained();
    }
  };

  constructor(
    private readonly socket: WebSocket,
    id: string,
  ) {
    this.envelope = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  }

  write(payload: Buffer, waiter: Drainable): boolean {
    const socket = this.socket;
    // graphql-ws drops frames for a socket no longer open the same way.
    if (socket.readyState !== socket.OPEN) return false;
    frameCounts.written += 1;
    this.unwritten += 1;
    socket.send(Buffer.concat([this.envelope, payload, CLOSING_BRACE]), TEXT, this.written);
    if (socket.bufferedAmount === 0 || this.unwritten === 0) return false;
    this.waiter = waiter;
    return true;
  }
}
