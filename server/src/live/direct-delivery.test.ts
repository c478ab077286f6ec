import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { LiveChannel } from './channels';
import { DirectDelivery } from './direct-delivery';
import type { FrameWaiter, SharedExecution } from './shared-delivery';
import { type Drainable, type FrameSink, SharedFrame } from './shared-frames';

// A socket's subscription writes its audience's frames itself: in order, one at a time while the
// socket has not taken the last, nothing once its channel may no longer deliver, and errors of a
// shared result masked as yoga masks a subscriber's own.

const unmasked = (errors: readonly GraphQLError[]) => [...errors];

/** A shared execution already done for each event: its frame is the event's number. */
const executed = (event: unknown): SharedExecution => {
  const result = { data: { n: event as number } };
  const frame = new SharedFrame(result, unmasked);
  return { result: Promise.resolve(result), frame, whenFramed: (waiter: FrameWaiter) => waiter.framed(frame) };
};

/** The payload a frame carries, without the closing brace of its message. */
const payloadOf = (frame: SharedFrame) => frame.closedPayload().toString().slice(0, -1);

/** A socket that keeps every frame unwritten while `holding` is set, until drained by hand. */
function socket() {
  const written: unknown[] = [];
  let waiter: Drainable | null = null;
  const sink: FrameSink & { holding: boolean; drain(): void } = {
    holding: false,
    write(frame: SharedFrame, waiting: Drainable): boolean {
      written.push(JSON.parse(payloadOf(frame)).data.n);
      if (!sink.holding) return false;
      waiter = waiting;
      return true;
    },
    drain() {
      sink.holding = false;
      waiter?.drained();
    },
  };
  return { written, sink };
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
    expect(written).toEqual([1]);
    sink.drain();
    expect(await ended).toEqual(DONE);
    expect(written).toEqual([1, 2, 3]);
  });

  it('writes nothing more once its channel may no longer deliver, and ends', async () => {
    const { written, sink, state, ended } = await deliveringToAHeldSocket();
    state.open = false;
    sink.drain();
    expect(await ended).toEqual(DONE);
    expect(written).toEqual([1]);
  });

  it('ends at once when the subscription is completed, and writes nothing after', async () => {
    const { written, sink, delivery, ended } = await deliveringToAHeldSocket();
    await delivery.return();
    sink.drain();
    expect(await ended).toEqual(DONE);
    expect(written).toEqual([1]);
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
