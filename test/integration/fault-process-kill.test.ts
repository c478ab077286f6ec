import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { startTestApp, type TestApp } from '../testkit/app';
import { ManualClock } from '../testkit/clock';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere, environment } from '../testkit/environment';
import { expectedSeqs, follow, seqOfCursor, type Follower } from '../testkit/follower';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import { startServerProcess, type ServerProcess } from '../testkit/server-process';

// One of two server processes killed (SIGKILL: no goodbye, no 1001) while it is fanning a burst
// of alerts out to its members. Its members' screens reconnect to the surviving process and
// resume from the last cursor each received: every screen, on either process, must end with every
// event of the burst once, in order. A third, in-process instance writes (the API's callers do
// not care which process they reach); all three share one PostgreSQL database and Redis.

const CLIENTS_PER_PROCESS = 30;
const BURST = 200;
/** The kill comes once A's members have, on average, a quarter of the burst. */
const KILL_AT = BURST / 4;

let database: TestDatabase;
let writer: TestApp;
let a: ServerProcess;
let b: ServerProcess;
let operation: OperationDriver;
let members: Actor[];
const followers: Follower[] = [];

describeWhere(['postgres', 'redis'], 'one of two server processes killed mid-fan-out', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    // A channel prefix of its own: hints of the suites sharing this Redis are none of its business.
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL: environment.redisUrl!,
      REDIS_CHANNEL_PREFIX: `jointops-kill-${randomBytes(4).toString('hex')}:`,
      WS_MAX_CONNECTIONS_PER_USER: String(CLIENTS_PER_PROCESS * 2),
      // Every screen comes from 127.0.0.1, all at once: the per-address limit is not under test.
      WS_MAX_PENDING_PER_ADDRESS: String(CLIENTS_PER_PROCESS * 4),
      MUTATION_RATE_PER_MINUTE: '1000000',
      MUTATION_BURST: '1000000',
    };
    const starting = performance.now();
    const serverEnv = { ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '4' };
    [a, b] = await Promise.all([startServerProcess({ env: serverEnv }), startServerProcess({ env: serverEnv })]);
    await Promise.all([a.waitUntilReady(), b.waitUntilReady()]);
    reportFigure(`process kill: two server processes ready in ${Math.round(performance.now() - starting)} ms`);
    // The writer's clock is the real one, so the processes take the sessions it signs in as fresh.
    writer = await startTestApp({ database, clock: new ManualClock(new Date()), env });
    const kit = operationKit(writer);
    const room = await kit.jointOperation();
    operation = room.operation;
    await operation.advanceTo('OPERATIONAL');
    members = [room.planner, room.malaysia, room.thailand];
  });
  afterAll(async () => {
    await Promise.all(followers.map((follower) => follower.close()));
    await writer?.stop();
    await Promise.all([a?.stop('SIGKILL'), b?.stop()]);
    await database?.destroy();
  });

  it('sends the killed process’s members to the other, and every member ends with every event once, in order', {
    timeout: 120_000,
  }, async () => {
    const timeline = await operation.view(members[0]!, 'timeline(first: 500) { edges { cursor } }');
    const startCursor = timeline!.timeline.edges.at(-1).cursor as string;
    const from = seqOfCursor(startCursor);
    let aKilled = false;
    const onA: Follower[] = [];
    const onB: Follower[] = [];
    for (let index = 0; index < CLIENTS_PER_PROCESS * 2; index += 1) {
      const toA = index % 2 === 0;
      const follower = follow({
        // The load balancer stops sending anyone to a process it lost.
        url: () => (toA && !aKilled ? a.wsUrl : b.wsUrl),
        token: members[index % members.length]!.token,
        operationId: operation.id,
        after: startCursor,
        backoffMs: () => 50 + Math.floor(Math.random() * 200),
      });
      (toA ? onA : onB).push(follower);
      followers.push(follower);
    }
    const connecting = performance.now();
    // Every screen subscribed before the burst: a warm-up event reaches all of them.
    await operation.update({ region: 'South-East Asia, warm-up before the burst' });
    await Promise.all(followers.map((follower) => follower.until((f) => f.received.length >= 1, 20_000)));
    reportFigure(`process kill: ${followers.length} members subscribed and warmed up in ${Math.round(performance.now() - connecting)} ms`);

    const kit = operationKit(writer);
    const started = performance.now();
    let raised = 0;
    const burst = Promise.all(
      members.map(async (by) => {
        while (raised < BURST) {
          raised += 1;
          const { result } = await kit.mutate(by, 'raiseAlert', {
            operationId: operation.id,
            idempotencyKey: randomUUID(),
            category: 'INTELLIGENCE',
            severity: 'HIGH',
            title: `Burst ${raised}`,
            marking: 'AMBER',
            distribution: 'ALL_PARTICIPANTS',
          });
          if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
        }
      }),
    );
    const averageOnA = () => onA.reduce((sum, follower) => sum + follower.received.length, 0) / onA.length;
    while (averageOnA() < KILL_AT) await new Promise((resolve) => setTimeout(resolve, 5));
    aKilled = true;
    const receivedAtKill = onA.map((follower) => follower.received.length);
    await a.stop('SIGKILL');
    const killedAt = performance.now();
    const raisedAtKill = raised;
    await burst;
    const burstMs = Math.round(performance.now() - started);

    const client = new pg.Client({ connectionString: database.url! });
    await client.connect();
    const { rows } = await client
      .query('select last_event_seq::int as last from operations where id = $1', [uuidFromGlobalId(operation.id, 'Operation')])
      .finally(() => client.end());
    const head = rows[0].last as number;
    expect(head).toBe(from + 1 + BURST);

    await Promise.all(followers.map((follower) => follower.until((f) => (f.received.at(-1)?.seq ?? 0) >= head, 30_000)));
    const settledMs = Math.round(performance.now() - killedAt);
    for (const follower of followers) expect(follower.received.map((event) => event.seq)).toEqual(expectedSeqs(from, head));
    for (const follower of onA) {
      expect(follower.url).toBe(b.wsUrl);
      expect(follower.reconnects).toBeGreaterThanOrEqual(1);
    }
    // The kill did come mid-fan-out: A's members were between the first and the last event.
    expect(Math.min(...receivedAtKill)).toBeLessThan(BURST + 1);
    expect(raisedAtKill).toBeLessThan(BURST);
    reportFigure(
      `process kill: ${BURST} alerts in ${burstMs} ms to ${followers.length} members on two processes; A killed after ${raisedAtKill} raises, ` +
        `its members holding ${Math.min(...receivedAtKill)}–${Math.max(...receivedAtKill)} events; all ${followers.length} complete ${settledMs} ms after the kill; ` +
        `${followers.length * (head - from)} deliveries checked, gap-free and duplicate-free; B's members' drops: ${onB.flatMap((follower) => follower.drops).join('; ') || 'none'}`,
    );
  });
});
