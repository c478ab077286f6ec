import type { Viewer } from '../service-context';
import type { StoredEvent } from '../journal/event-catalogue';
import { changesStanding, endsAccess, eventVisibleTo } from '../journal/events.policy';

// One subscriber's events of one operation, pulled from the operation's feed (hub.ts). A plain
// iterator rather than a Repeater or an async generator: every delivery to every subscriber goes
// through it, and a Repeater's push/next handshake cost a handful of promises per event and per
// subscriber; an async generator could not be ended while it waits for the next arrival.

/** What a stream reads from: the feed of its operation, shared by the process's subscribers. */
export interface EventFeed {
  readonly headSeq: number;
  /** The lowest sequence number the feed's window can serve after. */
  readonly servesAfter: number;
  eventsAfter(cursor: number): StoredEvent[];
  readAfter(cursor: number): Promise<StoredEvent[]>;
  /** Resolves at the next arrival of events, or when woken. */
  next(): Promise<void>;
  wake(): void;
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
 * The viewer's events after `cursor`, then live, in order, each once. The feed is joined at the
 * first `next()` and left when the stream ends, however it ends: `return()` ends it at once, even
 * while it waits for the next arrival.
 */
export class SubscriberStream implements AsyncIterableIterator<StoredEvent> {
  private feed: EventFeed | null = null;
  private joined = false;
  private finished = false;
  /** Set after delivering an event that changes the viewer's standing: the stream ends after it. */
  private endsAfterDelivery = false;
  private batch: StoredEvent[] = [];
  private index = 0;

  constructor(
    private readonly source: StreamSource,
    private readonly operationId: string,
    private readonly viewer: Viewer,
    private cursor: number,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<StoredEvent>> {
    if (this.finished) return DONE;
    if (this.endsAfterDelivery) return this.finish();
    try {
      const feed = this.feed ?? (await this.join());
      while (!this.finished) {
        const event = this.nextInBatch();
        if (event) return { done: false, value: event };
        if (this.finished) break;
        // Checking the window and waiting happen with no await between them, so an arrival
        // cannot slip in unnoticed.
        const fromWindow = this.cursor >= feed.servesAfter;
        const batch = fromWindow ? feed.eventsAfter(this.cursor) : await feed.readAfter(this.cursor);
        if (this.finished) break;
        // Read from the log, the next event must be the one after the cursor: anything else
        // means retention pruned what this subscriber had not yet read.
        if (!fromWindow && (batch[0]?.seq ?? feed.headSeq + 1) > this.cursor + 1) {
          this.cursor = feed.headSeq;
          return { done: false, value: this.source.resync(this.operationId, this.cursor) };
        }
        if (!batch.length) await feed.next();
        else {
          this.batch = batch;
          this.index = 0;
        }
      }
      return DONE;
    } catch (error) {
      this.finish();
      throw error;
    }
  }

  return(): Promise<IteratorResult<StoredEvent>> {
    return Promise.resolve(this.finish());
  }

  throw(error?: unknown): Promise<IteratorResult<StoredEvent>> {
    this.finish();
    return Promise.reject(error);
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

  private async join(): Promise<EventFeed> {
    this.joined = true;
    const feed = await this.source.join(this.operationId);
    this.feed = feed;
    return feed;
  }

  private finish(): IteratorReturnResult<undefined> {
    if (this.finished) return DONE;
    this.finished = true;
    this.batch = [];
    if (this.joined) {
      this.source.leave(this.operationId);
      // A next() waiting for an arrival wakes, sees the stream finished and ends.
      this.feed?.wake();
    }
    return DONE;
  }
}
