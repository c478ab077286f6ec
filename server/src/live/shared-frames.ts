import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

// Serialise once, write to all. A shared execution's result (shared-delivery.ts) goes to every
// subscriber of its audience, and graphql-ws would serialise the same payload once per socket —
// the largest cost of a delivery after the kernel's own. Here the payload's JSON is made (and
// encoded) once per shared result; each socket's `next` frame is graphql-ws's own envelope (its
// id, its type) with a placeholder where the payload goes, and the socket's send puts the shared
// bytes in its place.
//
// graphql-ws serialises a frame and hands it to the socket's send in one synchronous run
// (`socket.send(stringifyMessage(...))`), so the placeholder's toJSON can leave the JSON for the
// send that follows it. Only that placeholder can produce a frame ending with it: graphql-ws
// refuses a `next` whose payload is not an object, and the marker starts with a NUL character.
// A result a plugin replaced per subscriber (masked errors...) has no shared frame and is
// serialised as usual.

const MARK = '\u0000shared-frame';
const MARKED_TAIL = `"payload":${JSON.stringify(MARK)}}`;

/** Frames made and frames written with a shared payload, since the process started. */
export const frameCounts = { serialised: 0, written: 0 };

/** The shared payload the next marked frame takes; set while graphql-ws serialises that frame. */
let payloadToSplice: Buffer | null = null;

class Placeholder {
  constructor(private readonly frame: SharedFrame) {}

  toJSON(): string {
    payloadToSplice = this.frame.payloadBytes();
    return MARK;
  }
}

/** One result executed once for many subscribers, serialised when the first of them is written to. */
export class SharedFrame {
  private bytes: Buffer | null = null;
  /** What graphql-ws serialises in the payload's place, for every socket of the audience. */
  readonly placeholder: Placeholder = new Placeholder(this);

  constructor(private readonly result: ExecutionResult) {}

  /** The payload exactly as graphql-ws writes it (errors as their JSON, absent when there are none), as UTF-8. */
  payloadBytes(): Buffer {
    if (this.bytes === null) {
      const { errors, ...withoutErrors } = this.result;
      this.bytes = Buffer.from(
        JSON.stringify(errors ? { ...withoutErrors, errors: errors.map((error) => error.toJSON()) } : withoutErrors),
      );
      frameCounts.serialised += 1;
    }
    return this.bytes;
  }
}

/**
 * One subscriber's copy of a shared result — its own envelope, as nobody mutates the shared
 * payload — carrying the frame it shares. A private field rather than a WeakMap entry per
 * delivery (which cost as much as the rest of the copy); and a plugin's spread copy of it is a
 * plain object without the frame, serialised as usual.
 */
class CarriedResult {
  readonly #frame: SharedFrame;

  constructor(frame: SharedFrame) {
    this.#frame = frame;
  }

  static placeholderOf(result: unknown): Placeholder | undefined {
    return result instanceof CarriedResult ? result.#frame.placeholder : undefined;
  }
}

/** One subscriber's copy of `result`, which `frame` serialised once for all. */
export function carrying(result: ExecutionResult, frame: SharedFrame): ExecutionResult {
  return Object.assign(new CarriedResult(frame), result);
}

/** For graphql-ws's onNext: the payload to write for `result`, or undefined to serialise it as usual. */
export const placeholderFor = (result: unknown) => CarriedResult.placeholderOf(result);

const CLOSING_BRACE = Buffer.from('}');

type SendCallback = (error?: Error) => void;

/**
 * Makes `socket`'s send put the shared payload in a marked frame; call once, when it connects.
 * The frame is written as bytes — the envelope's few, then the payload's shared ones — so that no
 * socket re-encodes the payload; `binary: false` keeps it a text frame, as graphql-ws's are.
 */
export function splicingSharedFrames(socket: WebSocket): void {
  const send = socket.send.bind(socket) as (data: unknown, options?: object | SendCallback, callback?: SendCallback) => void;
  socket.send = ((data: unknown, optionsOrCallback?: object | SendCallback, callback?: SendCallback) => {
    const payload = payloadToSplice;
    if (payload !== null) {
      payloadToSplice = null;
      if (typeof data === 'string' && data.endsWith(MARKED_TAIL)) {
        frameCounts.written += 1;
        const envelope = Buffer.from(`${data.slice(0, data.length - MARKED_TAIL.length)}"payload":`);
        const options = typeof optionsOrCallback === 'object' ? { ...optionsOrCallback, binary: false } : { binary: false };
        const done = typeof optionsOrCallback === 'function' ? (optionsOrCallback as SendCallback) : callback;
        return send(Buffer.concat([envelope, payload, CLOSING_BRACE]), options, done);
      }
    }
    return send(data, optionsOrCallback, callback);
  }) as WebSocket['send'];
}
