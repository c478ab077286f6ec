import { GraphQLError } from 'graphql';
import { createGraphQLError, maskError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../journal/event-catalogue';
import type { Viewer } from '../service-context';
import type { LiveChannel } from './channels';
import { DirectDelivery, type Executions } from './direct-delivery';
import { type FrameWaiter, maskedFailure, type SharedExecution } from './shared-delivery';
import { type Drainable, type FrameSink, SharedFrame } from './shared-frames';
import { type EventFeed, type StreamSource, SubscriberStream } from './subscriber-stream';

// A socket's subscription writes its audience's frames itself: in order, nothing more while the
// socket has not taken what it was given, every frame at hand in one write, nothing once its
// channel may no longer deliver, and errors of a shared result masked as yoga masks a
// subscriber's own. The first subscriber of an audience to wait for an execution starts the
// executions of what it will take next.

const unmasked = (errors: readonly unknown[]) => [...errors] as GraphQLError[];

const frameOf = (n: number) => new SharedFrame({ data: { n } }, unmasked);

/** A shared execution already done for each event: its frame is the event's number. */
const executed: Executions = {
  of: (event: unknown): SharedExecution => {
    const frame = frameOf(event as number);
    return {
      result: Promise.resolve({ data: { n: event as number } }),
      frame,
      whenFramed: (waiter: FrameWaiter) => {
        waiter.framed(frame);
        return false;
      },
    };
  },
  start: () => undefined,
  failure: (error) => new GraphQLError(`told: ${(error as Error).message}`),
};

/** The payload a frame carries, without the closing brace of its message. */
const payloadOf = (frame: SharedFrame) => frame.closedPayload().toString().slice(0, -1);

/** A socket that keeps what it is given unwritten while `holding` is set, until drained by hand: `writes` has each write's frames. */
function socket() {
  const writes: number[][] = [];
  let adding: number[] = [];
  let waiter: Drainable | null = null;
  const sink: FrameSink & { holding: boolean; drain(): void } = {
    holding: false,
    get adding() {
      return adding.length;
    },
    add(frame: SharedFrame) {
      adding.push(JSON.parse(payloadOf(frame)).data.n);
    },
    flush(waiting: Drainable): boolean {
      writes.push(adding);
      adding = [];
      if (!sink.holding) return false;
      waiter = waiting;
      return true;
    },
    drain() {
      sink.holding = false;
      waiter?.drained();
    },
  };
  return { writes, written: () => writes.flat(), sink };
}

const viewer = { userId: 'user-1', agencyId: 'agency-1' } as Viewer;
const alert = (seq: number, audienceAgencyIds: string[] | null = null) =>
  ({ seq, type: 'ALERT_RAISED', audienceAgencyIds, data: {} }) as unknown as StoredEvent;
const assigned = (seq: number, userId: string) =>
  ({ seq, type: 'MEMBER_ASSIGNED', audienceAgencyIds: null, data: { userId } }) as unknown as StoredEvent;

/** A feed over `window`, its streams for the viewer from its start, and new events arriving. */
function feedOver(window: StoredEvent[]) {
  const arrivals: { ready(): void }[] = [];
  const feed: EventFeed = {
    get headSeq() {
      return window.at(-1)?.seq ?? 0;
    },
    servesAfter: 0,
    eventsAfter: (cursor) => window.filter((event) => event.seq > cursor),
    readAfter: async () => [],
    onArrival: (awaiting) => arrivals.push(awaiting),
    forget: () => undefined,
  };
  const source: StreamSource = {
    join: async () => feed,
    leave: () => undefined,
    resync: () => {
      throw new Error('no resync here');
    },
  };
  return {
    stream: () => new SubscriberStream(source, 'operation', viewer, 0),
    arrive(...events: StoredEvent[]) {
      window.push(...events);
      for (const awaiting of arrivals.splice(0)) awaiting.ready();
    },
  };
}

/** One audience's executions by event number: made at once unless `held` (then by `frame(n)`), each started once. */
function audience(held: number[]) {
  const started: number[] = [];
  let startCalls = 0;
  const byEvent = new Map<number, { frame: SharedFrame | null; waiting: FrameWaiter[] }>();
  const executionOf = (seq: number) => {
    let execution = byEvent.get(seq);
    if (!execution) {
      started.push(seq);
      execution = { frame: held.includes(seq) ? null : frameOf(seq), waiting: [] };
      byEvent.set(seq, execution);
    }
    return execution;
  };
  const executions: Executions = {
    of(event) {
      const execution = executionOf((event as StoredEvent).seq);
      return {
        result: Promise.resolve({}),
        frame: execution.frame,
        whenFramed(waiter) {
          if (execution.frame) waiter.framed(execution.frame);
          else return execution.waiting.push(waiter) === 1;
          return false;
        },
      };
    },
    start(event) {
      startCalls += 1;
      executionOf((event as StoredEvent).seq);
    },
    failure: (error) => error,
  };
  const frame = (seq: number) => {
    const execution = byEvent.get(seq)!;
    execution.frame = frameOf(seq);
    for (const waiter of execution.waiting.splice(0)) waiter.framed(execution.frame);
  };
  return { executions, started, frame, startCalls: () => startCalls };
}

const channel = (state: { open: boolean }) => ({ mayDeliver: () => state.open }) as unknown as LiveChannel;

async function* events(...numbers: number[]) {
  for (const n of numbers) yield n;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const DONE = { done: true, value: undefined };

/** Events 1, 2 and 3 delivered to a socket holding its first frame unwritten, once the first is written. */
async function deliveringToAHeldSocket() {
  const { written, sink } = socket();
  sink.holding = true;
  const state = { open: true };
  const delivery = new DirectDelivery(events(1, 2, 3), executed, sink, channel(state));
  const ended = delivery.next();
  await nextTurn();
  return { written, sink, state, delivery, ended };
}

describe('direct delivery', () => {
  it('writes each event in order, and takes the next only once the socket took the last', async () => {
    const { written, sink, ended } = await deliveringToAHeldSocket();
    expect(written()).toEqual([1]);
    sink.drain();
    expect(await ended).toEqual(DONE);
    expect(written()).toEqual([1, 2, 3]);
  });

  it('writes nothing more once its channel may no longer deliver, and ends', async () => {
    const { written, sink, state, ended } = await deliveringToAHeldSocket();
    state.open = false;
    sink.drain();
    expect(await ended).toEqual(DONE);
    expect(written()).toEqual([1]);
  });

  it('ends at once when the subscription is completed, and writes nothing after', async () => {
    const { written, sink, delivery, ended } = await deliveringToAHeldSocket();
    await delivery.return();
    sink.drain();
    expect(await ended).toEqual(DONE);
    expect(written()).toEqual([1]);
  });

  it('gives its socket every frame at hand in one write, and nothing more until the socket has taken them', async () => {
    const feed = feedOver([alert(1), alert(2), alert(3, ['agency-2']), alert(4)]);
    const { writes, sink } = socket();
    sink.holding = true;
    const delivery = new DirectDelivery(feed.stream(), audience([]).executions, sink, channel({ open: true }));
    void delivery.next();
    await nextTurn();
    expect(writes).toEqual([[1, 2, 4]]);
    feed.arrive(alert(5), alert(6));
    expect(writes).toEqual([[1, 2, 4]]);
    sink.drain();
    expect(writes).toEqual([
      [1, 2, 4],
      [5, 6],
    ]);
    feed.arrive(alert(7));
    expect(writes).toEqual([[1, 2, 4], [5, 6], [7]]);
    await delivery.return();
  });

  it('has the first subscriber to wait for an execution start those of the events it sees next, up to a change of its standing', async () => {
    const feed = feedOver([alert(1), alert(2), alert(3, ['agency-2']), alert(4), assigned(5, viewer.userId), alert(6)]);
    const { executions, started, frame, startCalls } = audience([1, 2, 4]);
    const [first, second] = [socket(), socket()];
    const ended = [first, second].map(({ sink }) => new DirectDelivery(feed.stream(), executions, sink, channel({ open: true })).next());
    await nextTurn();
    expect(started).toEqual([1, 2, 4]);
    frame(1);
    frame(2);
    expect(first.writes).toEqual([[1], [2]]);
    frame(4);
    // The new role is delivered, and the stream ends: nothing after it was executed for this standing.
    expect(await Promise.all(ended)).toEqual([DONE, DONE]);
    expect(first.writes).toEqual([[1], [2], [4, 5]]);
    expect(second.writes).toEqual(first.writes);
    expect(started).toEqual([1, 2, 4, 5]);
    // The first to wait for 1 started 2 and 4, the first to wait for 2 started 4 again (a lookup); nobody else.
    expect(startCalls()).toBe(3);
  });

  it('ends with what its client may be told of a failure of its stream', async () => {
    const failing = (async function* () {
      yield 1;
      throw new Error('relation "alerts" does not exist');
    })();
    const { written, sink } = socket();
    const delivery = new DirectDelivery(failing, executed, sink, channel({ open: true }));
    await expect(delivery.next()).rejects.toThrow('told: relation "alerts" does not exist');
    expect(written()).toEqual([1]);
  });

  it('tells a failure masked as yoga masks it, an expected error as it is', () => {
    const masking = (errors: readonly unknown[]) => errors.map((error) => maskError(error, 'Unexpected error.', false) as GraphQLError);
    const unexpected = maskedFailure(new Error('relation "alerts" does not exist'), masking);
    expect(unexpected.message).toBe('Unexpected error.');
    expect(JSON.stringify(unexpected.toJSON())).not.toContain('alerts');
    const expected = createGraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
    expect(maskedFailure(expected, masking)).toBe(expected);
  });

  it("masks a shared result's unexpected errors, as yoga does", () => {
    const leak = new GraphQLError('relation "alerts" does not exist', { originalError: new Error('relation "alerts" does not exist') });
    const frame = new SharedFrame({ data: null, errors: [leak] }, (errors) =>
      errors.map((error) => maskError(error, 'Unexpected error.', false) as GraphQLError),
    );
    const payload = payloadOf(frame);
    expect(JSON.parse(payload)).toMatchObject({ data: null, errors: [{ message: 'Unexpected error.' }] });
    expect(payload).not.toContain('alerts');
  });
});
