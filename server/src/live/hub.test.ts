import { describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../journal/event-catalogue';
import type { AppDeps } from '../service-context';

// A feed is told of new events by hints; a hint heard while the feed's read is under way may be of
// a commit that read started before, and the event must still arrive without waiting for the
// periodic catch-up (two seconds) or for another event's hint.

const reads = vi.hoisted(() => ({ answers: [] as { resolve(events: unknown[]): void }[] }));
vi.mock('../journal/events.repo', () => ({
  readAllEvents: () => new Promise((resolve) => reads.answers.push({ resolve })),
  latestSeqs: async () => new Map(),
  eventHorizon: async () => 0,
}));

const { OperationFeed } = await import('./hub');

const event = (seq: number) => ({ seq }) as StoredEvent;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('an operation feed told of new events', () => {
  it('reads once more after a read under way when a hint comes meanwhile, and shares one read among hints that come at once', async () => {
    const feed = new OperationFeed({ db: {}, logger: { error() {}, warn() {} } } as unknown as AppDeps, 'operation', 0);
    const woken: number[][] = [];
    feed.onArrival({ ready: () => woken.push(feed.eventsAfter(0).map((stored) => stored.seq)) });

    const first = feed.refresh();
    await nextTurn();
    expect(reads.answers).toHaveLength(1);
    // Event 1 commits after the read's snapshot; its hints (two listeners, say) come now.
    const hinted = [feed.refresh(), feed.refresh()];
    reads.answers[0]!.resolve([]);
    await nextTurn();
    expect(reads.answers).toHaveLength(2);
    reads.answers[1]!.resolve([event(1)]);
    await Promise.all([first, ...hinted]);

    expect(woken).toEqual([[1]]);
    expect(feed.headSeq).toBe(1);
    // Nothing pending: the next hint reads at once, alone.
    const later = feed.refresh();
    await nextTurn();
    expect(reads.answers).toHaveLength(3);
    reads.answers[2]!.resolve([]);
    await later;
    expect(reads.answers).toHaveLength(3);
  });

  it('tells each stream waiting once at an arrival, and not one that ended before it', async () => {
    const feed = new OperationFeed({ db: {}, logger: { error() {}, warn() {} } } as unknown as AppDeps, 'operation', 0);
    const told: string[] = [];
    const streams = ['first', 'gone', 'last'].map((name) => ({ ready: () => told.push(name) }));
    for (const stream of streams) feed.onArrival(stream);
    feed.forget(streams[1]!);
    reads.answers.length = 0;
    const refreshed = feed.refresh();
    await nextTurn();
    reads.answers[0]!.resolve([event(1)]);
    await refreshed;
    expect(told).toEqual(['first', 'last']);
    feed.wake();
    expect(told).toEqual(['first', 'last']);
  });
});
