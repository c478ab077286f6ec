import type { AppDeps, Viewer } from '../service-context';
import type { StoredEvent } from '../journal/event-catalogue';
import { eventHorizon, latestSeqs, readAllEvents } from '../journal/events.repo';
import { resyncRequired } from '../journal/resync';
import { ResultsStream } from './results-stream';
import { type ResultsTick, ResultsTickers } from './results-ticker';
import { type Awaiting, type EventFeed, type StreamSource, SubscriberStream } from './subscriber-stream';

// The live fan-out. Each process keeps one feed per watched operation: the feed reads the new
// events of its operation once (woken by a pubsub hint, or by the periodic catch-up when hints
// are lost) and every local subscriber takes them from the feed's window, filtered for itself.
// A subscriber behind the window (resuming from an old cursor) reads the log on its own until it
// reaches the window; from then on it reads nothing. Sequence numbers are gap-free in commit
// order, so "the next events after my cursor" is all a subscriber ever needs to ask.

const PAGE = 500;
const NOTHING_NEW: readonly StoredEvent[] = [];
const WINDOW = 2_000;
/** At most one results tick per operation and interval (results-ticker.ts): a room's figures lag by at most this. */
const RESULTS_INTERVAL_MS = 1_000;

export class OperationFeed implements EventFeed {
  private window: StoredEvent[] = [];
  /**
   * Streams waiting for the next arrival, told in the order they came: a list, since every
   * subscriber of the operation joins it again after every arrival (a set grew its table from
   * nothing to the subscribers' count at each one). A stream waits here once at a time (it asks
   * again only once told), and a stream that ended meanwhile is only passed over.
   */
  private waiting: Awaiting[] = [];
  /** Streams ended since the last arrival, some of them in `waiting`: swept out once they would be half of it. */
  private forgotten = new Set<Awaiting>();
  private refreshing: Promise<void> | null = null;
  /** A hint came while a read was under way: it may be of a commit that read started before. */
  private readAgain = false;
  private readonly reads = new Map<number, Promise<StoredEvent[]>>();

  constructor(
    private readonly deps: AppDeps,
    readonly operationId: string,
    public headSeq: number,
  ) {}

  /** The lowest sequence number the window can serve after. */
  get servesAfter(): number {
    return (this.window[0]?.seq ?? this.headSeq + 1) - 1;
  }

  /**
   * The window's events after `cursor`: found by bisection, as every subscriber asks at every
   * arrival, and asks again once it has taken them, to find nothing more (one empty array for all).
   */
  eventsAfter(cursor: number): readonly StoredEvent[] {
    const window = this.window;
    let low = 0;
    let high = window.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (window[middle]!.seq > cursor) high = middle;
      else low = middle + 1;
    }
    return low === window.length ? NOTHING_NEW : window.slice(low);
  }

  /**
   * The log after `cursor`, for a subscriber behind the window. Subscribers resuming from the same
   * cursor at once (a reconnection storm after a restart) share one read, and so the same event
   * objects, which lets their deliveries share one execution too.
   */
  readAfter(cursor: number): Promise<StoredEvent[]> {
    let read = this.reads.get(cursor);
    if (!read) {
      read = readAllEvents(this.deps.db, this.operationId, cursor, PAGE).finally(() => this.reads.delete(cursor));
      this.reads.set(cursor, read);
    }
    return read;
  }

  onArrival(awaiting: Awaiting): void {
    this.waiting.push(awaiting);
  }

  forget(awaiting: Awaiting): void {
    this.forgotten.add(awaiting);
    // Subscribers that come and go on a quiet operation must not pile up here until its next event.
    if (this.forgotten.size * 2 > this.waiting.length) {
      const forgotten = this.forgotten;
      this.waiting = this.waiting.filter((waiting) => !forgotten.has(waiting));
      this.forgotten = new Set();
    }
  }

  /** Tells every stream waiting that events arrived (or that the hub stops): each takes what is its own. */
  wake(): void {
    const waiting = this.waiting;
    const forgotten = this.forgotten;
    this.waiting = [];
    if (forgotten.size) this.forgotten = new Set();
    for (const awaiting of waiting) {
      if (forgotten.size && forgotten.has(awaiting)) continue;
      // One stream's failure must not keep the arrival from the others.
      try {
        awaiting.ready();
      } catch (error) {
        this.deps.logger.error({ err: error, operationId: this.operationId }, 'live stream failed at an arrival');
      }
    }
  }

  /**
   * Reads what is new since headSeq. Calls made while a read is under way share it, and have one
   * more read made after it: the commit they were told of may have come after that read's
   * snapshot, and would otherwise wait for the next hint or the periodic catch-up.
   */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.readAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.readAgain = false;
          await this.read();
        } while (this.readAgain);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private async read(): Promise<void> {
    let arrived = false;
    for (;;) {
      const batch = await readAllEvents(this.deps.db, this.operationId, this.headSeq, PAGE);
      if (!batch.length) break;
      this.window.push(...batch);
      this.headSeq = batch[batch.length - 1]!.seq;
      arrived = true;
      if (batch.length < PAGE) break;
    }
    if (this.window.length > WINDOW) this.window.splice(0, this.window.length - WINDOW);
    if (arrived) this.wake();
  }
}

export class LiveHub {
  /** Watched operations; the count is kept synchronously so a feed is never dropped while joined. */
  private readonly feeds = new Map<string, { feed: Promise<OperationFeed>; subscribers: number }>();
  private readonly timer: NodeJS.Timeout;
  private readonly stopHints: () => void;
  /** What every stream of this hub reads from: one object, not one per subscriber. */
  private readonly source: StreamSource = {
    join: (operationId) => this.acquire(operationId),
    leave: (operationId) => this.release(operationId),
    resync: (operationId, cursor) => resyncRequired(operationId, cursor, this.deps.clock.now(), 'expired'),
  };
  private readonly resultsTickers = new ResultsTickers(RESULTS_INTERVAL_MS);

  constructor(
    private readonly deps: AppDeps,
    catchUpIntervalMs: number,
  ) {
    const hints = deps.pubSub.subscribe('operation:events');
    void (async () => {
      // A read that fails (the database restarting) must not become an unhandled rejection, which
      // ends the process: the next hint or the periodic catch-up reads the same events again.
      for await (const { operationId } of hints) {
        void this.feeds
          .get(operationId)
          ?.feed.then((feed) => feed.refresh())
          .catch((error: unknown) => deps.logger.warn({ err: error }, 'live refresh failed'));
      }
    })().catch((error: unknown) => deps.logger.error({ err: error }, 'live hint listener stopped'));
    this.stopHints = () => void hints.return?.();
    this.timer = setInterval(
      () => void this.catchUp().catch((error: unknown) => deps.logger.warn({ err: error }, 'live catch-up failed')),
      catchUpIntervalMs,
    );
    this.timer.unref();
  }

  /** Compares every watched operation's head with the database in one query: covers lost hints. */
  async catchUp(): Promise<void> {
    const feeds = await Promise.all([...this.feeds.values()].map((entry) => entry.feed));
    const heads = await latestSeqs(
      this.deps.db,
      feeds.map((feed) => feed.operationId),
    );
    await Promise.all(feeds.filter((feed) => (heads.get(feed.operationId) ?? 0) > feed.headSeq).map((feed) => feed.refresh()));
  }

  /** How many local subscribers follow the operation (for health figures and tests). */
  watching(operationId: string): number {
    return this.feeds.get(operationId)?.subscribers ?? 0;
  }

  /** The operation's current head (where a stream without a cursor starts) and retention horizon. */
  horizon(operationId: string): Promise<{ head: number; prunedThrough: number }> {
    return eventHorizon(this.deps.db, operationId);
  }

  /**
   * The viewer's events of one operation after `afterSeq`, then live, in order, each once. The
   * caller has checked that the viewer may see the operation.
   */
  stream(operationId: string, viewer: Viewer, afterSeq: number): AsyncIterableIterator<StoredEvent> {
    return new SubscriberStream(this.source, operationId, viewer, afterSeq);
  }

  /**
   * When to send the viewer the operation's results again: at once, then after the events of
   * theirs that may change them, each tick shared by every viewer of the operation here. The
   * caller has checked that the viewer may see the operation's results; `head` is where its events
   * are read from.
   */
  resultsStream(operationId: string, viewer: Viewer, head: number): AsyncIterableIterator<ResultsTick> {
    return new ResultsStream(this.resultsTickers, operationId, this.stream(operationId, viewer, head), head);
  }

  private acquire(operationId: string): Promise<OperationFeed> {
    let entry = this.feeds.get(operationId);
    if (!entry) {
      entry = { feed: this.horizon(operationId).then(({ head }) => new OperationFeed(this.deps, operationId, head)), subscribers: 0 };
      this.feeds.set(operationId, entry);
    }
    entry.subscribers += 1;
    return entry.feed;
  }

  private release(operationId: string): void {
    const entry = this.feeds.get(operationId);
    if (!entry) return;
    entry.subscribers -= 1;
    if (entry.subscribers === 0) this.feeds.delete(operationId);
  }

  close(): void {
    clearInterval(this.timer);
    this.stopHints();
    for (const entry of this.feeds.values())
      void entry.feed.then(
        (feed) => feed.wake(),
        () => undefined,
      );
  }
}
