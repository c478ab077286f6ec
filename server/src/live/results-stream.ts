import { resultsChangedBy } from '@jointops/shared/result-events';
import type { StoredEvent } from '../journal/event-catalogue';
import type { ResultsTick, ResultsTicker, ResultsTickers } from './results-ticker';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * One viewer's results ticks: the current figures first, then a tick after each event of theirs
 * that may change the figures and that the last tick did not cover. It rides on the viewer's own
 * event stream, so it sees only what they may see and ends as that stream does (removed from the
 * operation, their agency's participation withdrawn, their role changed). A plain iterator, like
 * the event stream, so that `return()` ends it at once, even while it waits.
 */
export class ResultsStream implements AsyncIterableIterator<ResultsTick> {
  private ticker: ResultsTicker | null = null;
  /** The sequence number the last tick delivered covers; null before the first. */
  private covered: number | null = null;
  private finished = false;

  constructor(
    private readonly tickers: ResultsTickers,
    private readonly operationId: string,
    private readonly events: AsyncIterableIterator<StoredEvent>,
    private readonly head: number,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ResultsTick>> {
    if (this.finished) return DONE;
    // Joined at the first next(), like the event stream: a stream never read holds nothing.
    this.ticker ??= this.tickers.join(this.operationId);
    if (this.covered === null) return this.deliver(this.head);
    try {
      for (;;) {
        const arrived = await this.events.next();
        if (arrived.done || this.finished) return this.finish();
        const event = arrived.value;
        if (event.seq > this.covered && resultsChangedBy(event.type)) return this.deliver(event.seq);
      }
    } catch (error) {
      this.finish();
      throw error;
    }
  }

  return(): Promise<IteratorResult<ResultsTick>> {
    return Promise.resolve(this.finish());
  }

  throw(error?: unknown): Promise<IteratorResult<ResultsTick>> {
    this.finish();
    return Promise.reject(error);
  }

  private async deliver(seq: number): Promise<IteratorResult<ResultsTick>> {
    const tick = await this.ticker!.after(seq);
    if (this.finished) return DONE;
    this.covered = tick.seq;
    return { done: false, value: tick };
  }

  private finish(): IteratorReturnResult<undefined> {
    if (this.finished) return DONE;
    this.finished = true;
    void this.events.return?.();
    if (this.ticker) this.tickers.leave(this.operationId);
    return DONE;
  }
}
