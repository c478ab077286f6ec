import { randomUUID } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { startTestApp, type TestApp } from '../testkit/app';
import { describeWhere } from '../testkit/environment';
import { expectedSeqs, follow, seqOfCursor, type Follower } from '../testkit/follower';
import { operationKit, type Actor, type OperationDriver, type OperationKit } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import { seededRandom } from '../testkit/seeded-random';

// A reconnection storm: 1,000 members' screens follow one operation on one server, and every
// connection breaks at the same instant (a load balancer restarted, a network blip). Each screen
// comes back after its own jittered backoff with its last cursor while alerts keep coming. Within
// 30 s every one must be subscribed again and hold every event once, in order; and once the storm
// has passed the server must hold what it held before it: as many sockets and subscribers, and
// about as much memory.

const CLIENTS = 1_000;
const USERS = 4;
/** A client's backoff after a drop: random within this many milliseconds, as browsers' clients do. */
const JITTER_MS = 3_000;
const RESUBSCRIBED_WITHIN_MS = 30_000;
const STEADY_ALERTS = 3;
const ALERTS_DURING_STORM = 10;
/**
 * The heap after the storm, against the steady state before it (both after a full GC). The
 * clients live in this process too and hold the events they received, which grow a little;
 * a leak of what 1,000 connections held would show as tens of megabytes.
 */
const HEAP_TOLERANCE = { ratio: 0.15, bytes: 8 * 1_048_576 };

/** A full collection: --expose-gc switched on at run time, and gc() taken from a fresh context. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

async function settledHeap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

let testApp: TestApp;
let kit: OperationKit;
let operation: OperationDriver;
let members: Actor[];
const followers: Follower[] = [];

function raise(by: Actor, title: string) {
  return kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'LOW',
    title,
    marking: 'GREEN',
    distribution: 'ALL_PARTICIPANTS',
  });
}

/** Waits until every follower holds the events through `head`. */
function allHold(head: number, timeoutMs: number): Promise<unknown> {
  return Promise.all(followers.map((follower) => follower.until((f) => (f.received.at(-1)?.seq ?? 0) >= head, timeoutMs)));
}

describeWhere(['postgres', 'redis'], 'a reconnection storm of 1,000 clients', () => {
  beforeAll(async () => {
    testApp = await startTestApp({
      redis: true,
      env: {
        // 250 screens per person and all of them from 127.0.0.1: the per-user and per-address
        // socket limits are not under test here.
        WS_MAX_CONNECTIONS_PER_USER: '1000',
        WS_MAX_PENDING_PER_ADDRESS: '10000',
        MUTATION_RATE_PER_MINUTE: '1000000',
        MUTATION_BURST: '1000000',
      },
    });
    kit = operationKit(testApp);
    const room = await kit.jointOperation();
    operation = room.operation;
    await operation.join(await kit.actor(await kit.seed.agency({ countryCode: 'ID' })));
    await operation.advanceTo('OPERATIONAL');
    members = [room.planner, ...operation.participants];
    expect(members).toHaveLength(USERS);
  });
  afterAll(async () => {
    await Promise.all(followers.map((follower) => follower.close()));
    await testApp?.stop();
  });

  it('resubscribes every client from its cursor within 30 s, gap-free, and the server returns to its steady state', {
    timeout: 180_000,
  }, async () => {
    const random = seededRandom('reconnect storm');
    const timeline = await operation.view(members[0]!, 'timeline(first: 500) { edges { cursor } }');
    const startCursor = timeline!.timeline.edges.at(-1).cursor as string;
    const from = seqOfCursor(startCursor);
    const operationUuid = uuidFromGlobalId(operation.id, 'Operation')!;

    const connecting = performance.now();
    const connectingCpu = process.cpuUsage();
    for (let index = 0; index < CLIENTS; index += 1) {
      followers.push(
        follow({
          url: () => testApp.wsUrl,
          token: members[index % USERS]!.token,
          operationId: operation.id,
          after: startCursor,
          backoffMs: () => random.between(0, JITTER_MS),
        }),
      );
      // Opened a hundred at a time: the first connection is not the storm under test.
      if (index % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await raise(members[0]!, 'Warm-up');
    await allHold(from + 1, 60_000);
    const connectDrops = followers.flatMap((follower) => follower.drops);
    reportFigure(
      `reconnect storm: ${CLIENTS} clients subscribed and warmed up in ${Math.round(performance.now() - connecting)} ms, ${cpuMsSince(connectingCpu)} ms of CPU (${connectDrops.length} retried their first connection: ${[...new Set(connectDrops)].join('; ')})`,
    );
    const reconnectsBefore = followers.reduce((sum, follower) => sum + follower.reconnects, 0);

    // The steady state: every client live, a few events delivered to all.
    for (let n = 0; n < STEADY_ALERTS; n += 1) await raise(members[n % USERS]!, `Steady ${n}`);
    await allHold(from + 1 + STEADY_ALERTS, 30_000);
    const steady = {
      heap: await settledHeap(),
      sockets: testApp.app.live.connectionCount(),
      watching: testApp.app.liveHub.watching(operationUuid),
    };
    expect(steady.sockets).toBe(CLIENTS);
    expect(steady.watching).toBe(CLIENTS);

    // Every connection breaks at once; alerts keep coming while the clients come back.
    const stormAt = performance.now();
    const stormCpu = process.cpuUsage();
    for (const follower of followers) follower.drop();
    // When each client next received an event: it was subscribed again by then.
    const backAfter = followers.map((follower) => {
      const holding = follower.received.length;
      return follower.until((f) => f.received.length > holding, RESUBSCRIBED_WITHIN_MS).then(() => performance.now() - stormAt);
    });
    // Spread over the backoff window, each sent on time whether or not the one before has answered.
    await Promise.all(
      Array.from({ length: ALERTS_DURING_STORM }, async (_, n) => {
        await new Promise((resolve) => setTimeout(resolve, (n * JITTER_MS) / ALERTS_DURING_STORM));
        const { result } = await raise(members[n % USERS]!, `During the storm ${n}`);
        expect(result?.__typename).toBe('Alert');
      }),
    );
    const raisedMs = Math.round(performance.now() - stormAt);
    const head = from + 1 + STEADY_ALERTS + ALERTS_DURING_STORM;
    const caughtUp = await allHold(head, Math.max(1_000, RESUBSCRIBED_WITHIN_MS - (performance.now() - stormAt))).then(
      () => null,
      (error: unknown) => error,
    );
    const recoveredMs = Math.round(performance.now() - stormAt);
    const cpuMs = cpuMsSince(stormCpu);
    const backMs = (await Promise.allSettled(backAfter))
      .flatMap((back) => (back.status === 'fulfilled' ? [back.value] : []))
      .sort((x, y) => x - y);
    const percentile = (p: number) => Math.round(backMs[Math.min(backMs.length - 1, Math.floor((p / 100) * backMs.length))] ?? NaN);
    // Said before any assertion, so that a slow run still leaves its figures.
    reportFigure(
      `reconnect storm: ${CLIENTS} clients dropped at once, ${ALERTS_DURING_STORM} alerts raised meanwhile (the last answered after ${raisedMs} ms); ` +
        `${backMs.length} had an event again within ${RESUBSCRIBED_WITHIN_MS} ms, p50 ${percentile(50)} / p95 ${percentile(95)} / max ${percentile(100)} ms; ` +
        `${caughtUp ? 'NOT all' : 'all'} caught up after ${recoveredMs} ms, using ${cpuMs} ms of CPU in this process (server and clients)`,
    );
    if (caughtUp) throw caughtUp;

    for (const follower of followers) expect(follower.received.map((event) => event.seq)).toEqual(expectedSeqs(from, head));
    const reconnects = followers.reduce((sum, follower) => sum + follower.reconnects, 0) - reconnectsBefore;
    expect(reconnects).toBeGreaterThanOrEqual(CLIENTS);

    // The storm has passed: as many sockets and subscribers as before, and about as much heap.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = {
      heap: await settledHeap(),
      sockets: testApp.app.live.connectionCount(),
      watching: testApp.app.liveHub.watching(operationUuid),
    };
    reportFigure(
      `reconnect storm: ${reconnects} reconnections (backoff 0–${JITTER_MS} ms), ${CLIENTS * (head - from)} deliveries checked gap-free; ` +
        `heap ${mb(steady.heap)} before, ${mb(after.heap)} after (server and clients, after GC)`,
    );
    expect(after.sockets).toBe(CLIENTS);
    expect(after.watching).toBe(CLIENTS);
    expect(after.heap).toBeLessThan(steady.heap * (1 + HEAP_TOLERANCE.ratio) + HEAP_TOLERANCE.bytes);
  });
});
