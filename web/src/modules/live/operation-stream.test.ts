import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppliedCursors, localCursorStore } from './event-cursors';
import { OperationStream, type StreamDeps, type StreamEvent } from './operation-stream';

// The stream against a fake server: subscriptions recorded with the cursor they started from,
// events pushed into whichever is open, reconnections announced by hand.

interface FakeSubscription {
  after: string | null;
  push(event: StreamEvent): void;
  refuse(): void;
  closed: boolean;
}

function world(stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const subscriptions: FakeSubscription[] = [];
  const reconnectListeners = new Set<() => void>();
  const catchingUp: boolean[] = [];
  let head: string | null = null;
  const deps: StreamDeps = {
    subscribe(after, onEvent, onRefused) {
      const subscription: FakeSubscription = {
        after,
        closed: false,
        push: (event) => {
          if (!subscription.closed) onEvent(event);
        },
        refuse: onRefused,
      };
      subscriptions.push(subscription);
      return () => {
        subscription.closed = true;
      };
    },
    fetchHead: async () => head,
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    cursors: localCursorStore({ getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) }),
    setCatchingUp: (value) => catchingUp.push(value),
  };
  return {
    deps,
    storage,
    subscriptions,
    catchingUp,
    setHead: (cursor: string | null) => {
      head = cursor;
    },
    reconnect: () => {
      for (const listener of reconnectListeners) listener();
    },
  };
}

const event = (cursor: string, typename = 'AlertRaisedEvent'): StreamEvent => ({ __typename: typename, cursor });

describe('an operation stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts after the newest event on a first visit and keeps the cursor of each event applied, per operation', async () => {
    const w = world();
    w.setHead('c0');
    const stream = new OperationStream('op-1', w.deps);
    const seen: string[] = [];
    stream.listen((e) => seen.push(e.cursor));
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.subscriptions.map((s) => s.after)).toEqual(['c0']);
    expect(w.storage.get('jointops.eventCursor.op-1')).toBe('c0');
    await vi.advanceTimersByTimeAsync(0);
    w.subscriptions[0]!.push(event('c1'));
    w.subscriptions[0]!.push(event('c2'));
    expect(seen).toEqual(['c1', 'c2']);
    expect(w.storage.get('jointops.eventCursor.op-1')).toBe('c2');
  });

  it('starts live in an operation without any event yet, and resumes from its first event after a drop', async () => {
    const w = world();
    const stream = new OperationStream('op-1', w.deps);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.subscriptions.map((s) => s.after)).toEqual([null]);
    w.subscriptions[0]!.push(event('c1'));
    w.reconnect();
    expect(w.subscriptions.map((s) => s.after)).toEqual([null, 'c1']);
  });

  it('resumes after the cursor kept before a reload', () => {
    const w = world({ 'jointops.eventCursor.op-1': 'c7' });
    const stream = new OperationStream('op-1', w.deps);
    stream.start();
    expect(w.subscriptions[0]!.after).toBe('c7');
    expect(stream.cursor).toBe('c7');
  });

  it('re-subscribes after the newest cursor when the socket comes back, and drops what it already applied', async () => {
    const w = world();
    const stream = new OperationStream('op-1', w.deps);
    const seen: string[] = [];
    stream.listen((e) => seen.push(e.cursor));
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = w.subscriptions[0]!;
    first.push(event('c1'));
    first.push(event('c2'));
    w.reconnect();
    expect(first.closed).toBe(true);
    const second = w.subscriptions[1]!;
    expect(second.after).toBe('c2');
    // What graphql-ws's own re-subscription (from the original cursor) would replay: c1 and c2 again.
    second.push(event('c1'));
    second.push(event('c2'));
    second.push(event('c3'));
    second.push(event('c3'));
    expect(seen).toEqual(['c1', 'c2', 'c3']);
  });

  it('ignores whatever a closed subscription still delivers', async () => {
    const w = world();
    const stream = new OperationStream('op-1', w.deps);
    const seen: string[] = [];
    stream.listen((e) => seen.push(e.cursor));
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    w.reconnect();
    // An event already in flight on the replaced subscription reaches its sink after the unsubscribe.
    w.subscriptions[0]!.closed = false;
    w.subscriptions[0]!.push(event('c9'));
    expect(seen).toEqual([]);
  });

  it('is catching up from a resume until the head it read is applied', async () => {
    const w = world({ 'jointops.eventCursor.op-1': 'c1' });
    w.setHead('c3');
    const stream = new OperationStream('op-1', w.deps);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.catchingUp).toEqual([true]);
    w.subscriptions[0]!.push(event('c2'));
    expect(w.catchingUp).toEqual([true]);
    w.subscriptions[0]!.push(event('c3'));
    expect(w.catchingUp).toEqual([true, false]);
  });

  it('is live at once when nothing happened while it was away', async () => {
    const w = world({ 'jointops.eventCursor.op-1': 'c1' });
    w.setHead('c1');
    new OperationStream('op-1', w.deps).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.catchingUp).toEqual([true, false]);
  });

  it('stops catching up after a quiet moment when the head cannot be read', async () => {
    const w = world({ 'jointops.eventCursor.op-1': 'c1' });
    w.deps.fetchHead = () => Promise.reject(new Error('offline'));
    new OperationStream('op-1', w.deps).start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(w.catchingUp).toEqual([true]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(w.catchingUp).toEqual([true, false]);
  });

  it('passes a resync on to the listeners and keeps its cursor, the new starting point', () => {
    const w = world({ 'jointops.eventCursor.op-1': 'too-old' });
    const stream = new OperationStream('op-1', w.deps);
    const seen: string[] = [];
    stream.listen((e) => seen.push(e.__typename));
    stream.start();
    w.subscriptions[0]!.push(event('head', 'ResyncRequiredEvent'));
    expect(seen).toEqual(['ResyncRequiredEvent']);
    expect(w.storage.get('jointops.eventCursor.op-1')).toBe('head');
    expect(w.catchingUp.at(-1)).toBe(false);
  });

  it('tells its listeners when the server refuses it (access ended), and stops catching up', async () => {
    const w = world({ 'jointops.eventCursor.op-1': 'c1' });
    const stream = new OperationStream('op-1', w.deps);
    const refusals: string[] = [];
    const stopHearing = stream.onRefused(() => refusals.push('refused'));
    stream.start();
    w.reconnect();
    // A refusal reaching a subscription already replaced says nothing of the stream's standing now.
    w.subscriptions[0]!.refuse();
    expect(refusals).toEqual([]);
    w.subscriptions[1]!.refuse();
    expect(refusals).toEqual(['refused']);
    expect(w.catchingUp.at(-1)).toBe(false);
    stopHearing();
    w.subscriptions[1]!.refuse();
    expect(refusals).toEqual(['refused']);
  });

  it('closes its subscription and stops listening for reconnections when stopped', async () => {
    const w = world();
    const stream = new OperationStream('op-1', w.deps);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    stream.stop();
    expect(w.subscriptions[0]!.closed).toBe(true);
    w.reconnect();
    expect(w.subscriptions).toHaveLength(1);
  });
});

describe('applied cursors', () => {
  it('says first time once per cursor, and forgets the oldest beyond its capacity', () => {
    const applied = new AppliedCursors(2);
    expect(applied.firstTime('a')).toBe(true);
    expect(applied.firstTime('a')).toBe(false);
    applied.firstTime('b');
    applied.firstTime('c');
    expect(applied.firstTime('a')).toBe(true);
    expect(applied.firstTime('c')).toBe(false);
  });
});

describe('the cursor store', () => {
  it('keeps nothing when the storage refuses, and does not throw', () => {
    const store = localCursorStore({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    });
    expect(store.read('op')).toBeNull();
    expect(() => store.write('op', 'c1')).not.toThrow();
  });
});
