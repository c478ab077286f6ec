import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { numericCursor } from '@jointops/server/graphql/pagination';
import { startTestApp, type TestApp } from '../testkit/app';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import { operationKit, type Actor, type OperationDriver, type OperationKit } from '../testkit/operations';
import { startPrivateRedis, type PrivateRedis } from '../testkit/redis-server';
import { reportFigure } from '../testkit/report';
import { openSocket, subscribe, type LiveSubscription, type TestSocket } from '../testkit/ws';

// Gap-free resume under load: a member's stream drops, a busy operations room raises 1,000 alerts
// from eight agencies at once, and the member comes back with its last cursor. It must get exactly
// what it missed, in commit order, each once, and then carry on live: on one server, across two
// server processes sharing PostgreSQL and Redis, and through a Redis crash in the middle.

const STREAM = `subscription($operationId: ID!, $after: String) {
  operationEvents(operationId: $operationId, after: $after) { cursor type ... on AlertRaisedEvent { alert { id reference } } }
}`;
type Event = { operationEvents: { cursor: string; type: string; alert?: { id: string; reference: string } } };
type Live = LiveSubscription<Event>;

const ALERTS = 1_000;
const WRITERS = 8;
/** Raising and replaying 1,000 alerts is the point of this file: far above the 30 s default. */
const LONG = 180_000;

const seqOf = (cursor: string): number => {
  const seq = numericCursor('event').decode(cursor);
  if (seq === null) throw new Error(`not an event cursor: ${cursor}`);
  return seq;
};
const lastSeqOf = (live: Live) => seqOf(live.received.at(-1)!.operationEvents.cursor);
const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);

const sockets = new Map<Live, TestSocket>();
/** `viewer` following the operation on `app` after `after`, over a socket of its own. */
function follow(app: TestApp, viewer: Actor, operation: OperationDriver, after: string): Live {
  const socket = openSocket(app.wsUrl, { token: viewer.token });
  const live = subscribe<Event>(socket, STREAM, { operationId: operation.id, after });
  sockets.set(live, socket);
  return live;
}
/** The connection drops: the socket is closed, not just the subscription. */
async function disconnect(live: Live): Promise<void> {
  const socket = sockets.get(live)!;
  await socket.dispose();
  await socket.closed;
}
const closeAll = () => Promise.all([...sockets.values()].map((socket) => socket.dispose()));

/** An operational room with eight agencies able to raise alerts: the coordinator and seven participants. */
async function busyRoom(kit: OperationKit) {
  const room = await kit.jointOperation();
  for (const countryCode of ['ID', 'PH', 'VN', 'SG', 'KH'])
    await room.operation.join(await kit.actor(await kit.seed.agency({ countryCode })));
  await room.operation.advanceTo('OPERATIONAL');
  const writers = [room.planner, ...room.operation.participants];
  expect(new Set(writers.map((writer) => writer.agency.id)).size).toBe(WRITERS);
  const timeline = await room.operation.view(room.planner, 'timeline(first: 500) { edges { cursor } }');
  return { ...room, writers, endCursor: timeline!.timeline.edges.at(-1).cursor as string };
}

/**
 * `count` alerts raised by every writer at once, writer k through `kits[k % kits.length]` (one
 * server process each); resolves with the ids raised and how long it took.
 */
async function raiseConcurrently(kits: OperationKit[], writers: Actor[], operation: OperationDriver, count: number) {
  const started = performance.now();
  const ids: string[] = [];
  await Promise.all(
    writers.map(async (writer, k) => {
      for (let n = k; n < count; n += writers.length) {
        const { result } = await kits[k % kits.length]!.mutate(writer, 'raiseAlert', {
          operationId: operation.id,
          idempotencyKey: randomUUID(),
          category: 'INTELLIGENCE',
          severity: 'MEDIUM',
          title: `Courier network pattern ${n}`,
          marking: 'AMBER',
          distribution: 'ALL_PARTICIPANTS',
        });
        if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
        ids.push(result.id);
      }
    }),
  );
  return { ids, ms: Math.round(performance.now() - started) };
}

/** Waits until `live` holds `count` events, failing early on a stream error or end. */
async function holding(live: Live, count: number, timeoutMs = 30_000): Promise<void> {
  await live.until((s) => s.errors !== undefined || s.completed || s.received.length >= count, timeoutMs);
  if (live.errors || live.completed)
    throw new Error(`the stream ended after ${live.received.length} events: ${JSON.stringify(live.errors)}`);
}

/**
 * The proof: the events after `afterCursor` are exactly the raises of `ids`, each once, in commit
 * order. Nothing else was written meanwhile, so their sequence numbers must run on without a gap;
 * alert numbers are taken under the same operation lock as the sequence number, so references
 * must rise with the cursor too.
 */
function expectExactly(events: Event[], afterCursor: string, ids: string[]): void {
  const seqs = events.map((event) => seqOf(event.operationEvents.cursor));
  const first = seqOf(afterCursor) + 1;
  expect(seqs).toEqual(Array.from({ length: ids.length }, (_, index) => first + index));
  expect(events.every((event) => event.operationEvents.type === 'ALERT_RAISED')).toBe(true);
  const received = events.map((event) => event.operationEvents.alert!.id);
  expect(new Set(received).size).toBe(received.length);
  expect([...received].sort()).toEqual([...ids].sort());
  const references = events.map((event) => event.operationEvents.alert!.reference);
  expect(references).toEqual([...references].sort());
}

describe('a member whose stream dropped while 1,000 alerts were raised', () => {
  let testApp: TestApp;
  let kit: OperationKit;
  beforeAll(async () => {
    testApp = await startTestApp();
    kit = operationKit(testApp);
  });
  afterAll(async () => {
    await closeAll();
    await testApp?.stop();
  });

  it('gets exactly the missing events on resuming, in order, each once, then the live ones', { timeout: LONG }, async () => {
    const { operation, writers, malaysia, endCursor } = await busyRoom(kit);
    const before = follow(testApp, malaysia, operation, endCursor);
    const warmUp = await raiseConcurrently([kit], writers.slice(0, 3), operation, 3);
    await holding(before, 3, 5_000);
    expectExactly(before.received, endCursor, warmUp.ids);
    const lastCursor = before.received.at(-1)!.operationEvents.cursor;
    await disconnect(before);

    const missed = await raiseConcurrently([kit], writers, operation, ALERTS);
    reportFigure(
      `raised ${ALERTS} alerts from ${WRITERS} concurrent writers in ${missed.ms} ms (${perSecond(ALERTS, missed.ms)}/s) [${testApp.database.url ? 'PostgreSQL' : 'PGlite'}]`,
    );

    const resumedAt = performance.now();
    const resumed = follow(testApp, malaysia, operation, lastCursor);
    await holding(resumed, ALERTS, 60_000);
    const replayMs = Math.round(performance.now() - resumedAt);
    reportFigure(`replayed ${ALERTS} missed events in ${replayMs} ms (${perSecond(ALERTS, replayMs)}/s)`);

    // Live after the replay; the last raise is the marker: anything duplicated would come before it.
    const live = await raiseConcurrently([kit], writers, operation, 16);
    await holding(resumed, ALERTS + 16, 10_000);
    expect(resumed.received).toHaveLength(ALERTS + 16);
    expectExactly(resumed.received.slice(0, ALERTS), lastCursor, missed.ids);
    expectExactly(resumed.received.slice(ALERTS), resumed.received[ALERTS - 1]!.operationEvents.cursor, live.ids);
    resumed.dispose();
  });
});

describeWhere(['postgres', 'redis'], 'the same across two server processes sharing PostgreSQL and a Redis that crashes', () => {
  let redis: PrivateRedis;
  let shared: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let c: TestApp;
  let kits: OperationKit[];
  beforeAll(async () => {
    // A Redis of this file's own: killing the shared one would break the suites running beside it.
    redis = await startPrivateRedis();
    shared = await createTestDatabase();
    const hintsOnly = { REDIS_URL: redis.url, LIVE_CATCH_UP_INTERVAL_MS: '60000' };
    a = await startTestApp({ database: shared, env: hintsOnly });
    b = await startTestApp({ database: shared, env: hintsOnly });
    // C is a process with the default kind of catch-up (short): it covers lost hints by itself.
    c = await startTestApp({ database: shared, env: { REDIS_URL: redis.url, LIVE_CATCH_UP_INTERVAL_MS: '250' } });
    // 60 s is the longest interval allowed, and these tests may outlast it: on A and B the catch-up
    // is switched off outright, so whatever they deliver live was woken by a Redis hint.
    for (const app of [a, b]) vi.spyOn(app.app.liveHub, 'catchUp').mockResolvedValue(undefined);
    kits = [operationKit(a), operationKit(b)];
  });
  afterAll(async () => {
    await closeAll();
    for (const app of [a, b, c]) await app?.stop();
    await shared?.destroy();
    await redis?.kill();
  });

  // One room of 1,000 alerts for both proofs: raising them is most of this file's time.
  it('delivers every event once, in order, across a Redis crash; a member who dropped before it resumes on the other process with exactly what it missed, then live through Redis', {
    timeout: LONG,
  }, async () => {
    const { operation, writers, planner, malaysia, thailand, endCursor } = await busyRoom(kits[0]!);
    const catchUpOnC = vi.spyOn(c.app.liveHub, 'catchUp');
    // Two members following live: on B (hints only) and on C (hints and a 250 ms catch-up); a third,
    // on B, drops after the first alerts and comes back on A once the room has raised 1,000 more.
    const onB = follow(b, malaysia, operation, endCursor);
    const onC = follow(c, thailand, operation, endCursor);
    const dropped = follow(b, planner, operation, endCursor);
    const warmUp = await raiseConcurrently([kits[0]!], writers.slice(0, 3), operation, 3);
    await Promise.all([onB, onC, dropped].map((live) => holding(live, 3, 5_000)));
    expectExactly(dropped.received, endCursor, warmUp.ids);
    const lastCursor = dropped.received.at(-1)!.operationEvents.cursor;
    await disconnect(dropped);
    const [beforeCount, duringCount, afterCount] = [400, 300, 300];

    const before = await raiseConcurrently(kits, writers, operation, beforeCount);
    reportFigure(
      `raised ${beforeCount} alerts through A and B, ${WRITERS} concurrent writers, in ${before.ms} ms (${perSecond(beforeCount, before.ms)}/s) [PostgreSQL]`,
    );
    await Promise.all([holding(onB, 3 + beforeCount), holding(onC, 3 + beforeCount)]);

    await redis.kill();
    const catchUpsBeforeOutage = catchUpOnC.mock.calls.length;
    const during = await raiseConcurrently(kits, writers, operation, duringCount);
    reportFigure(`raised ${duringCount} alerts with Redis down in ${during.ms} ms`);
    // Every hint of the outage is lost: C must get its events from the catch-up, with Redis still down…
    const outageWritten = performance.now();
    await holding(onC, 3 + beforeCount + duringCount, 5_000);
    reportFigure(
      `C (250 ms catch-up) had the outage's events ${Math.round(performance.now() - outageWritten)} ms after the last was written, Redis still down`,
    );
    expect(catchUpOnC.mock.calls.length).toBeGreaterThan(catchUpsBeforeOutage);
    // …while B, with no catch-up and no hint, cannot have seen any of them.
    expect(onB.received).toHaveLength(3 + beforeCount);

    await redis.start();
    const restarted = performance.now();
    // Raising goes on after the restart; the first hint B hears makes it read everything it lacks.
    const raisingAfter = raiseConcurrently(kits, writers, operation, afterCount);
    raisingAfter.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    await holding(onB, 3 + beforeCount + duringCount, 20_000);
    reportFigure(`B (hints only) had the outage's events ${Math.round(performance.now() - restarted)} ms after Redis restarted`);
    const after = await raisingAfter;
    const missed = [...before.ids, ...during.ids, ...after.ids];
    await Promise.all([holding(onB, 3 + ALERTS, 20_000), holding(onC, 3 + ALERTS, 20_000)]);
    reportFigure(
      `after the restart: ${afterCount} alerts raised in ${after.ms} ms; both streams complete ${Math.round(performance.now() - restarted)} ms after the restart`,
    );

    // Back on A, the other process, as a load balancer may well send it.
    const resumedAt = performance.now();
    const onA = follow(a, planner, operation, lastCursor);
    await holding(onA, ALERTS, 60_000);
    const replayMs = Math.round(performance.now() - resumedAt);
    reportFigure(`replayed ${ALERTS} missed events on the other process in ${replayMs} ms (${perSecond(ALERTS, replayMs)}/s)`);

    // Written through B only: A hears of them through Redis alone (its catch-up is off).
    const live = await raiseConcurrently([kits[1]!], writers, operation, 16);
    await Promise.all([holding(onA, ALERTS + 16, 10_000), holding(onB, 3 + ALERTS + 16, 10_000), holding(onC, 3 + ALERTS + 16, 10_000)]);
    expect(onA.received).toHaveLength(ALERTS + 16);
    expectExactly(onA.received.slice(0, ALERTS), lastCursor, missed);
    expectExactly(onA.received.slice(ALERTS), onA.received[ALERTS - 1]!.operationEvents.cursor, live.ids);
    for (const member of [onB, onC]) {
      expect(member.received).toHaveLength(3 + ALERTS + 16);
      expectExactly(member.received, endCursor, [...warmUp.ids, ...missed, ...live.ids]);
    }
    expect(lastSeqOf(onB)).toBe(lastSeqOf(onC));
    for (const member of [onA, onB, onC]) member.dispose();
  });
});
