// When the operations rooms are sent an operation's results again. Hundreds of viewers may watch
// one operation's figures while its seizures are verified several times a second: reading the
// figures once per viewer and event would make every verification cost the database as many reads
// as there are screens. So every local viewer of an operation is told of the same tick, at most
// one per interval, and the tick carries what its first reader of each audience computed
// (`shared`): the reads per event depend on the agencies watching, not on the viewers.

/** A moment at which an operation's results are read again, the same object for every local viewer. */
export class ResultsTick {
  private readonly shares = new Map<string, Promise<unknown>>();

  constructor(
    readonly operationId: string,
    /** Every event up to this sequence number had committed when the tick was issued. */
    readonly seq: number,
  ) {}

  /** What `make` gives for `key`, made once for this tick however many viewers ask. */
  shared<T>(key: string, make: () => Promise<T>): Promise<T> {
    let found = this.shares.get(key) as Promise<T> | undefined;
    if (!found) {
      found = make();
      this.shares.set(key, found);
    }
    return found;
  }
}

/** One operation's ticks: at most one per interval, the first at once. */
export class ResultsTicker {
  private latest: ResultsTick | null = null;
  private pending: { seq: number; promise: Promise<ResultsTick>; timer: NodeJS.Timeout } | null = null;
  private lastIssuedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly operationId: string,
    private readonly intervalMs: number,
  ) {}

  /**
   * A tick whose figures include every event up to `seq`: the latest if it does, else the next.
   * The next waits for the end of the interval, and whoever asks meanwhile gets the same one; the
   * first waits a turn only, so that every viewer woken by the same event shares it.
   */
  after(seq: number): Promise<ResultsTick> {
    if (this.latest && this.latest.seq >= seq) return Promise.resolve(this.latest);
    if (this.pending) {
      this.pending.seq = Math.max(this.pending.seq, seq);
      return this.pending.promise;
    }
    let issue!: (tick: ResultsTick) => void;
    const promise = new Promise<ResultsTick>((resolve) => (issue = resolve));
    const wait = Math.max(0, this.lastIssuedAt + this.intervalMs - performance.now());
    const pending = {
      seq,
      promise,
      timer: setTimeout(() => {
        this.pending = null;
        this.lastIssuedAt = performance.now();
        this.latest = new ResultsTick(this.operationId, pending.seq);
        issue(this.latest);
      }, wait),
    };
    this.pending = pending;
    return promise;
  }
}

/** The process's tickers, one per operation somebody here watches the results of. */
export class ResultsTickers {
  private readonly tickers = new Map<string, { ticker: ResultsTicker; viewers: number }>();

  constructor(private readonly intervalMs: number) {}

  join(operationId: string): ResultsTicker {
    let entry = this.tickers.get(operationId);
    if (!entry) {
      entry = { ticker: new ResultsTicker(operationId, this.intervalMs), viewers: 0 };
      this.tickers.set(operationId, entry);
    }
    entry.viewers += 1;
    return entry.ticker;
  }

  /** A pending tick still comes for those waiting on it; the ticker goes with its last viewer. */
  leave(operationId: string): void {
    const entry = this.tickers.get(operationId);
    if (!entry) return;
    entry.viewers -= 1;
    if (entry.viewers === 0) this.tickers.delete(operationId);
  }
}
