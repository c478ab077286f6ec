import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resubscribing } from './resubscribing';

// A contact point made an observer mid-operation: the server delivers the event and ends the
// room's stream, to be asked again for the new role. The room must go on receiving alerts from
// where it was, and a viewer whose agency withdrew must not be asked for again and again.

type Sink = Parameters<typeof resubscribing>[2];
type Payload = Parameters<typeof resubscribing>[1];

/** A server stand-in that records each subscription and lets the test answer and end it. */
function fakeServer() {
  const subscriptions: { payload: Payload; sink: Sink; unsubscribed: boolean }[] = [];
  const subscribe = (payload: Payload, sink: Sink) => {
    // As graphql-ws: unsubscribing completes a running subscription, and does nothing to an ended one.
    let ended = false;
    const end = () => {
      ended = true;
    };
    const subscription = {
      payload,
      sink: {
        next: sink.next,
        error: (error: unknown) => {
          end();
          sink.error(error);
        },
        complete: () => {
          end();
          sink.complete();
        },
      },
      unsubscribed: false,
    };
    subscriptions.push(subscription);
    return () => {
      subscription.unsubscribed = true;
      if (!ended) subscription.sink.complete();
    };
  };
  return { subscriptions, subscribe, last: () => subscriptions.at(-1)! };
}

function recordingSink() {
  const seen: { next: unknown[]; errors: unknown[]; completed: number } = { next: [], errors: [], completed: 0 };
  const sink: Sink = {
    next: (result) => seen.next.push(result),
    error: (error) => seen.errors.push(error),
    complete: () => {
      seen.completed += 1;
    },
  };
  return { seen, sink };
}

const events = (operationId: string, after: string | null): Payload => ({
  query: 'subscription ($operationId: ID!, $after: String) { operationEvents(operationId: $operationId, after: $after) { cursor } }',
  variables: { operationId, after },
});

const event = (cursor: string) => ({ data: { operationEvents: { __typename: 'MemberAssignedEvent', cursor } } });

describe('a live stream the server ends by itself', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is subscribed again after the newest cursor it delivered, and the screen never sees it end', () => {
    const server = fakeServer();
    const { seen, sink } = recordingSink();
    resubscribing(server.subscribe, events('op-1', 'c-10'), sink);
    server.last().sink.next(event('c-11'));
    server.last().sink.next(event('c-12'));
    server.last().sink.complete();
    expect(server.subscriptions).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(server.subscriptions).toHaveLength(2);
    expect(server.last().payload.variables).toEqual({ operationId: 'op-1', after: 'c-12' });
    server.last().sink.next(event('c-13'));
    expect(seen.next).toHaveLength(3);
    expect(seen.completed).toBe(0);
  });

  it('keeps the payload of a stream without a cursor (the results pushed again) as it was', () => {
    const server = fakeServer();
    const { sink } = recordingSink();
    const payload: Payload = { query: 'subscription { operationResultsChanged(operationId: "op-1") { totals { seizures } } }' };
    resubscribing(server.subscribe, payload, sink);
    server.last().sink.next({ data: { operationResultsChanged: { totals: { seizures: 3 } } } });
    server.last().sink.complete();
    vi.advanceTimersByTime(500);
    expect(server.last().payload).toBe(payload);
  });

  it('ends for good when subscribing again is refused (the agency withdrew), passing the refusal on', () => {
    const server = fakeServer();
    const { seen, sink } = recordingSink();
    resubscribing(server.subscribe, events('op-1', 'c-1'), sink);
    server.last().sink.complete();
    vi.advanceTimersByTime(500);
    const refused = { errors: [{ message: 'Operation not found.', extensions: { code: 'NOT_FOUND' } }] };
    server.last().sink.next(refused);
    server.last().sink.complete();
    vi.advanceTimersByTime(60_000);
    expect(server.subscriptions).toHaveLength(2);
    expect(seen.next).toEqual([refused]);
    expect(seen.completed).toBe(1);
  });

  it('waits longer after each end that delivered nothing, up to 30 s, and again 0.5 s once something came', () => {
    const server = fakeServer();
    const { sink } = recordingSink();
    resubscribing(server.subscribe, events('op-1', 'c-1'), sink);
    const waits: number[] = [];
    for (let end = 0; end < 8; end += 1) {
      server.last().sink.complete();
      const before = server.subscriptions.length;
      let waited = 0;
      while (server.subscriptions.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    server.last().sink.next(event('c-2'));
    server.last().sink.complete();
    vi.advanceTimersByTime(500);
    expect(server.last().payload.variables?.after).toBe('c-2');
  });

  it('stops when the screen unsubscribes, even while waiting to subscribe again', () => {
    const server = fakeServer();
    const { seen, sink } = recordingSink();
    const unsubscribe = resubscribing(server.subscribe, events('op-1', null), sink);
    server.last().sink.complete();
    unsubscribe();
    vi.advanceTimersByTime(60_000);
    expect(server.subscriptions).toHaveLength(1);
    expect(seen.completed).toBe(0);

    const again = resubscribing(server.subscribe, events('op-2', null), sink);
    again();
    expect(server.last().unsubscribed).toBe(true);
    expect(seen.completed).toBe(1);
  });

  it('passes a broken link on as an error, not subscribed again here (the socket retries by itself)', () => {
    const server = fakeServer();
    const { seen, sink } = recordingSink();
    resubscribing(server.subscribe, events('op-1', null), sink);
    server.last().sink.error(new Error('closed 4403'));
    vi.advanceTimersByTime(60_000);
    expect(server.subscriptions).toHaveLength(1);
    expect(seen.errors).toHaveLength(1);
  });
});
