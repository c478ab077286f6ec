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
// need-to-know, its order, its replay); each frame is written only while the channel may still
// deliver (what the channel guard checked per value), and nothing more is taken while the socket
// has not taken what it was given (what graphql-ws's awaited send did).
//
// A subscriber behind its audience (alerts raised faster than they are written to every socket)
// finds the next events' frames already made: it gives its socket all of them in one write, up to
// BATCH_BYTES (shared-frames.ts). And the first subscriber of an audience to wait for an event's
// execution starts the executions of the events it will take after it (up to AHEAD), so that while
// the process writes one event's frames the next ones are read and made, not begun only once the
// last socket has its frame.

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** Frames given to a socket in one write, at most (about twenty alerts of the fan-out bench). */
const BATCH_BYTES = 64 * 1024;
/** Events whose executions a subscriber starts beyond the one it waits for. */
const AHEAD = 8;

/** An audience's executions of its events: shared by its subscribers (shared-delivery.ts). */
export interface Executions {
  /** The event's execution for this audience, started if it was not: the subscriber delivers it. */
  of(event: unknown): SharedExecution;
  /** Starts the event's execution for this audience, for the subscriber to deliver later. */
  start(event: unknown): void;
  /** What the subscription's client is told of a failure that ends it (masked). */
  failure(error: unknown): unknown;
}

/** One subscription's events, each written to its socket as its audience's shared frame. */
export class DirectDelivery implements AsyncIterableIterator<ExecutionResult>, Awaiting, FrameWaiter, Drainable {
  private readonly source: PushedSource<unknown>;
  private ended: Promise<IteratorResult<ExecutionResult>> | null = null;
  private settle: { resolve: (done: typeof DONE) => void; reject: (error: unknown) => void } | null = null;
  private stopped = false;
  /** Waiting for the execution of the event taken last. */
  private awaitingFrame = false;
  /** Waiting for the socket to take what it was given. */
  private socketBusy = false;
  /** The frame that came while the socket was busy, written once it is not. */
  private held: SharedFrame | null = null;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly executions: Executions,
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
    this.awaitingFrame = false;
    if (this.socketBusy) this.held = frame;
    else {
      this.add(frame);
      this.pump();
    }
  }

  failed(error: unknown): void {
    this.awaitingFrame = false;
    this.end(error);
  }

  /** The socket took every frame: the next event may go. */
  drained(): void {
    this.socketBusy = false;
    const held = this.held;
    this.held = null;
    if (held) this.add(held);
    this.pump();
  }

  /** Adds what is at hand and gives it to the socket. */
  private pump(): void {
    try {
      this.fill();
    } catch (error) {
      this.end(error);
    }
    this.flush();
  }

  /** Adds the frames at hand until the subscriber must wait: for an arrival, an execution, its socket. */
  private fill(): void {
    while (!this.stopped && !this.awaitingFrame && !this.socketBusy) {
      if (this.sink.adding >= BATCH_BYTES) {
        this.flush();
        continue;
      }
      const event = this.source.take();
      if (event === null) {
        if (this.source.ended) this.end();
        // What was added goes first: the socket may not take it, and then nothing more is taken.
        else if (this.sink.adding > 0) {
          this.flush();
          continue;
        } else this.source.whenReady(this);
        return;
      }
      const execution = this.executions.of(event);
      if (execution.frame) this.add(execution.frame);
      else {
        this.awaitingFrame = true;
        // The first subscriber of an audience starts the execution, and it and the others wait for it.
        if (execution.whenFramed(this)) this.startAhead();
        return;
      }
    }
  }

  private startAhead(): void {
    for (const event of this.source.ahead?.(AHEAD) ?? []) this.executions.start(event);
  }

  /** Adds the frame, unless the channel may no longer deliver (then the subscriber ends). */
  private add(frame: SharedFrame): void {
    if (this.stopped) return;
    // The channel may have ended, or the subscription been completed, while the event was read or
    // executed: nothing more goes out then.
    if (!this.channel.mayDeliver()) this.end();
    else this.sink.add(frame);
  }

  private flush(): void {
    if (this.sink.adding > 0 && this.sink.flush(this)) this.socketBusy = true;
  }

  private end(error?: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.source.return();
    if (error === undefined) this.settle?.resolve(DONE);
    else this.settle?.reject(this.executions.failure(error));
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
