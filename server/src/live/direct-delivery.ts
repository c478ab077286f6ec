import type { ExecutionResult } from 'graphql';
import type { LiveChannel } from './channels';
import type { SharedExecution } from './shared-delivery';
import type { Drainable, FrameSink } from './shared-frames';

// Direct delivery: a socket's subscription whose events are shared by its audience writes each
// shared frame to its socket itself, rather than handing a result up a chain of async iterators
// (the channel guard, envelop's two result maps, graphql-ws's `for await` and its send), which
// cost about ten promises per subscriber and event — most of a delivery's CPU and garbage. What
// graphql-ws still sees is a stream that yields nothing and ends when the subscription does, so
// its ids, `complete` and `return()` on the client's `complete` or the socket's close work as before.
//
// What each subscriber gets is unchanged: its own stream of events (subscriber-stream.ts: its
// need-to-know, its order, its replay), one at a time; each frame is written only while the
// channel may still deliver (what the channel guard checked per value), and the next event is not
// taken while the socket has not taken the last frame (what graphql-ws's awaited send did).

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** One subscription's events, each written to its socket as its audience's shared frame. */
export class DirectDelivery implements AsyncIterableIterator<ExecutionResult>, Drainable {
  private readonly iterator: AsyncIterator<unknown>;
  private delivering: Promise<IteratorResult<ExecutionResult>> | null = null;
  private stopped = false;
  /** Resumes the delivery waiting for its socket to take its frames. */
  private resume: (() => void) | null = null;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly execution: (event: unknown) => SharedExecution,
    private readonly sink: FrameSink,
    private readonly channel: LiveChannel,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Settles once, when the subscription has ended; until then every event goes straight to the socket. */
  next(): Promise<IteratorResult<ExecutionResult>> {
    this.delivering ??= this.deliver();
    return this.delivering;
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.stop();
    return Promise.resolve(this.iterator.return?.()).then(() => DONE);
  }

  throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.stop();
    return Promise.resolve(this.iterator.return?.()).then(() => Promise.reject(error));
  }

  drained(): void {
    this.resume?.();
  }

  private async deliver(): Promise<IteratorResult<ExecutionResult>> {
    try {
      for (;;) {
        const step = await this.iterator.next();
        if (step.done || this.stopped) return DONE;
        const execution = this.execution(step.value);
        // Only the first subscriber of an audience waits for the execution; the others find it done.
        const frame = execution.frame ?? (await execution.framed);
        // The channel may have ended, or the subscription been completed, while the event was read
        // or executed: nothing more goes out then.
        if (this.stopped || !this.channel.mayDeliver()) return DONE;
        if (this.sink.write(frame.payloadBytes(), this)) await new Promise<void>((resolve) => (this.resume = resolve));
        this.resume = null;
      }
    } finally {
      this.stop();
      await this.iterator.return?.();
    }
  }

  private stop(): void {
    this.stopped = true;
    this.resume?.();
  }
}
