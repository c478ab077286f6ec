import type { Viewer } from '../service-context';
import type { StoredEvent } from '../journal/event-catalogue';
import { changesStanding, endsAccess, eventVisibleTo } from '../journal/events.policy';

// One subscriber's events of one operation, pulled from the operation's feed (hub.ts). Taken one
// at a time with no promise while events are at hand (`take()`), and told when more may have come
// (`whenReady()`): a socket's subscription is driven that way, from the feed's arrival straight
// to its socket (direct-delivery.ts), since every delivery to every subscriber goes through here
// and a promise per event and subscriber was most of a delivery's cost. `next()` is the same
// stream as an async iterator, for everything else.

/** Told when a stream may have more to take. */
export interface Awaiting {
  ready(): void;
}

/** A stream whose values are taken as they come, without a promise per value. */
export interface PushedSource<T> {
  /** The next value at hand, or null when there is none now (then `whenReady`) or the stream has ended (`ended`). Throws what ended it with a failure. */
  take(): T | null;
  readonly ended: boolean;
  /**
   * Calls `awaiting.ready()` once `take()` may answer something new: a value, the end, a failure.
   * Call it only after `take()` answered null, with no await between, so that nothing slips by.
   */
  whenReady(awaiting: Awaiting): void;
  return(): Promise<IteratorResult<T>>;
  /** Up to `limit` of the values that `take()` will answer after the next, without taking them (as far as it can tell). */
  ahead?(limit: number): readonly T[];
}

/** What a stream reads from: the feed of its operation, shared by the process's subscribers. */
export interface EventFeed {
  readonly headSeq: number;
  /** The lowest sequence number the feed's window can serve after. */
  readonly servesAfter: number;
  eventsAfter(cursor: number): readonly StoredEvent[];
  readAfter(cursor: number): Promise<StoredEvent[]>;
  /** Calls `awaiting.ready()` at the next arrival of events, or when woken. */
  onArrival(awaiting: Awaiting): void;
  /** Forgets an `onArrival` not yet called. */
  forget(awaiting: Awaiting): void;
}

/** The hub's feeds, one source for all its streams (each stream names its operation). */
export interface StreamSource {
  /** Joins the operation's feed; counted at once, so `leave` must follow even if this fails. */
  join(operationId: string): Promise<EventFeed>;
  leave(operationId: string): void;
  /** The event telling a subscriber its cursor was pruned, and where it goes on from. */
  resync(operationId: string, cursor: number): StoredEvent;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The viewer's events after `cursor`, then live, in order, each once. The feed is joined when the
 * stream is first read and left when the stream ends, however it ends: `return()` ends it at
 * once, even while it waits for the next arrival.
 */
export class SubscriberStream implements AsyncIterableIterator<StoredEvent>, PushedSource<StoredEvent>, Awaiting {
  private feed: EventFeed | null = null;
  private joined = false;
  private finished = false;
  /** Set after delivering an event that changes the viewer's standing: the stream ends after it. */
  private endsAfterDelivery = false;
  private batch: readonly StoredEvent[] = [];
  private index = 0;
  /** The event telling the viewer to resynchronise, to be taken before anything else. */
  private resync: StoredEvent | null = null;
  /** What ended the stream when a read failed, for the next `take()` to throw. */
  private failure: { error: unknown } | null = null;
  /** Who waits for this stream, to be told at once when it ends. */
  private awaiting: Awaiting | null = null;

  constructor(
    private readonly source: StreamSource,
    private readonly operationId: string,
    private readonly viewer: Viewer,
    private cursor: number,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  get ended(): boolean {
    return this.finished && this.failure === null;
  }

  take(): StoredEvent | null {
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      throw error;
    }
    if (this.finished) return null;
    if (this.endsAfterDelivery) {
      this.finish();
      return null;
    }
    if (this.resync) {
      const resync = this.resync;
      this.resync = null;
      return resync;
    }
    const feed = this.feed;
    if (!feed) return null;
    for (;;) {
      const event = this.nextInBatch();
      if (event) return event;
      // Behind the window (or ended): whenReady() reads the log.
      if (this.finished || this.cursor < feed.servesAfter) return null;
      const batch = feed.eventsAfter(this.cursor);
      if (!batch.length) return null;
      this.batch = batch;
      this.index = 0;
    }
  }

  /**
   * The events already read that `take()` would answer next, up to `limit`, without taking them:
   * what the viewer may see of the batch, stopping before anything that ends the stream or
   * changes the viewer's standing (what comes after that depends on it).
   */
  ahead(limit: number): readonly StoredEvent[] {
    const found: StoredEvent[] = [];
    if (this.finished || this.endsAfterDelivery || this.resync) return found;
    const viewer = this.viewer;
    for (let index = this.index; index < this.batch.length && found.length < limit; index += 1) {
      const event = this.batch[index]!;
      if (endsAccess(event, viewer) || changesStanding(event, viewer)) break;
      if (eventVisibleTo(event, viewer.agencyId)) found.push(event);
    }
    return found;
  }

  whenReady(awaiting: Awaiting): void {
    if (this.finished || this.failure) {
      awaiting.ready();
      return;
    }
    this.awaiting = awaiting;
    const feed = this.feed;
    if (!feed)
      void this.join().then(
        () => this.readied(),
        (error: unknown) => this.fail(error),
      );
    else if (this.cursor < feed.servesAfter)
      void this.readLog(feed).then(
        () => this.readied(),
        (error: unknown) => this.fail(error),
      );
    else feed.onArrival(this);
  }

  async next(): Promise<IteratorResult<StoredEvent>> {
    for (;;) {
      const event = this.take();
      if (event) return { done: false, value: event };
      if (this.finished) return DONE;
      await new Promise<void>((resolve) => this.whenReady({ ready: resolve }));
    }
  }

  return(): Promise<IteratorResult<StoredEvent>> {
    return Promise.resolve(this.finish());
  }

  throw(error?: unknown): Promise<IteratorResult<StoredEvent>> {
    this.finish();
    return Promise.reject(error);
  }

  /** Called by the feed at an arrival of events (the stream is its own `Awaiting`: no object more per stream). */
  ready(): void {
    this.readied();
  }

  private readied(): void {
    const awaiting = this.awaiting;
    this.awaiting = null;
    awaiting?.ready();
  }

  private fail(error: unknown): void {
    this.failure = { error };
    this.finish();
  }

  /** The next event of the batch the viewer may see, or null once the batch is spent or the stream ended. */
  private nextInBatch(): StoredEvent | null {
    while (this.index < this.batch.length) {
      const event = this.batch[this.index++]!;
      if (endsAccess(event, this.viewer)) {
        this.finish();
        return null;
      }
      this.cursor = event.seq;
      const visible = eventVisibleTo(event, this.viewer.agencyId);
      if (changesStanding(event, this.viewer)) {
        if (!visible) {
          this.finish();
          return null;
        }
        this.endsAfterDelivery = true;
      }
      if (visible) return event;
    }
    return null;
  }

  private async join(): Promise<void> {
    this.joined = true;
    this.feed = await this.source.join(this.operationId);
  }

  /**
   * The log after the cursor, for a subscriber behind the window. Read from the log, the next
   * event must be the one after the cursor: anything else means retention pruned what this
   * subscriber had not yet read, and it is told to resynchronise from the head.
   */
  private async readLog(feed: EventFeed): Promise<void> {
    const batch = await feed.readAfter(this.cursor);
    if (this.finished) return;
    if ((batch[0]?.seq ?? feed.headSeq + 1) > this.cursor + 1) {
      this.cursor = feed.headSeq;
      this.resync = this.source.resync(this.operationId, this.cursor);
      return;
    }
    this.batch = batch;
    this.index = 0;
  }

  private finish(): IteratorReturnResult<undefined> {
    if (this.finished) return DONE;
    this.finished = true;
    this.batch = [];
    this.resync = null;
    if (this.joined) {
      this.source.leave(this.operationId);
      this.feed?.forget(this);
    }
    // Whoever waits for an arrival sees the stream ended.
    this.readied();
    return DONE;
  }
}
