import type { ExecutionResult } from 'graphql';
import type { LiveChannel } from './channels';
import type { FrameWaiter, SharedExecution } from './shared-delivery';
import type { Drainable, FrameSink, SharedFrame } from './shared-frames';
import { type Awaiting, type PushedSource, SubscriberStream } from './subscriber-stream';

// Direct delivery: a socket's subscription whose events are shared by its audience writes each
// shared frame to its socket itself, driven from the feed's arrival: the feed tells each waiting
// subscriber, which takes its events and writes the audience's frame, or waits for the frame in
// the audience's execution's list. No promise per subscriber and event, where the chain of async
// iterators it replaces (the subscriber's stream, the channel guard, envelop's two result maps,
// graphql-ws's `for await` and awaited send) cost about ten, most of a delivery's CPU and garbage.
// What graphql-ws still sees is a stream that yields nothing and ends when the subscription does,
// so its ids, `complete` and `return()` on the client's `complete` or the socket's close work as
// before.
//
// What each subscriber gets is unchanged: its own stream of events (subscriber-stream.ts: its
// need-to-know, its order, its replay), one at a time; each frame is written only while the
// channel may still deliver (what the channel guard checked per value), and the next event is not
// taken while the socket has not taken the last frame (what graphql-ws's awaited send did).

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** One subscription's events, each written to its socket as its audience's shared frame. */
export class DirectDelivery implements AsyncIterableIterator<ExecutionResult>, Awaiting, FrameWaiter, Drainable {
  private readonly source: PushedSource<unknown>;
  private ended: Promise<IteratorResult<ExecutionResult>> | null = null;
  private settle: { resolve: (done: typeof DONE) => void; reject: (error: unknown) => void } | null = null;
  private stopped = false;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly execution: (event: unknown) => SharedExecution,
    private readonly sink: FrameSink,
    private readonly channel: LiveChannel,
  ) {
    this.source = source instanceof SubscriberStream ? source : new PulledSource(source);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Settles once, when the subscription has ended; until then every event goes straight to the socket. */
  next(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.ended) {
      this.ended = this.stopped
        ? Promise.resolve(DONE)
        : new Promise((resolve, reject) => {
            this.settle = { resolve, reject };
          });
      this.pump();
    }
    return this.ended;
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    return Promise.resolve(DONE);
  }

  throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    return Promise.reject(error);
  }

  /** The source may have more. */
  ready(): void {
    this.pump();
  }

  /** The audience's frame this subscriber waited for. */
  framed(frame: SharedFrame): void {
    if (!this.write(frame)) this.pump();
  }

  failed(error: unknown): void {
    this.end(error);
  }

  /** The socket took every frame: the next event may go. */
  drained(): void {
    this.pump();
  }

  /** Writes what is at hand until the subscriber must wait: for an arrival, an execution, its socket. */
  private pump(): void {
    try {
      while (!this.stopped) {
        const event = this.source.take();
        if (event === null) {
          if (this.source.ended) this.end();
          else this.source.whenReady(this);
          return;
        }
        const execution = this.execution(event);
        if (execution.frame) {
          if (this.write(execution.frame)) return;
        } else {
          // The first subscriber of an audience starts the execution, and it and the others wait for it.
          execution.whenFramed(this);
          return;
        }
      }
    } catch (error) {
      this.end(error);
    }
  }

  /** Writes the frame; answers true when the subscriber must wait (for its socket, or for good). */
  private write(frame: SharedFrame): boolean {
    if (this.stopped) return true;
    // The channel may have ended, or the subscription been completed, while the event was read or
    // executed: nothing more goes out then.
    if (!this.channel.mayDeliver()) {
      this.end();
      return true;
    }
    return this.sink.write(frame, this);
  }

  private end(error?: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.source.return();
    if (error === undefined) this.settle?.resolve(DONE);
    else this.settle?.reject(error);
  }
}

/**
 * Any other stream (a results stream, a resync notice before the live events) taken the same way,
 * with the promise per value its async iterator costs.
 */
class PulledSource implements PushedSource<unknown> {
  private readonly iterator: AsyncIterator<unknown>;
  private value: { at: unknown } | null = null;
  private failure: { error: unknown } | null = null;
  ended = false;

  constructor(source: AsyncIterable<unknown>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  take(): unknown {
    if (this.failure) throw this.failure.error;
    const value = this.value;
    this.value = null;
    return value ? value.at : null;
  }

  whenReady(awaiting: Awaiting): void {
    this.iterator.next().then(
      (result) => {
        if (result.done) this.ended = true;
        else this.value = { at: result.value };
        awaiting.ready();
      },
      (error: unknown) => {
        this.failure = { error };
        awaiting.ready();
      },
    );
  }

  return(): Promise<IteratorResult<unknown>> {
    this.ended = true;
    return this.iterator.return?.() ?? Promise.resolve(DONE);
  }
}
