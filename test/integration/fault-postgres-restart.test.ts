import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { startTestApp, type TestApp } from '../testkit/app';
import type { TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import { expectedSeqs, follow, seqOfCursor, type Follower } from '../testkit/follower';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';
import { startPrivatePostgres, type PrivatePostgres } from '../testkit/private-postgres';
import { reportFigure } from '../testkit/report';
import { httpGet } from '../testkit/server-process';

// PostgreSQL stopped (fast shutdown) and started again while contact points keep raising alerts.
// The server is not restarted: /readyz must say 503 while the database is away and 200 once it is
// back; writes meanwhile fail with a masked error, never a crash; none acknowledged before or after
// is lost; the failed ones, retried with their idempotency keys, end exactly once; and a member's
// live stream, open throughout, ends with every event once, in order. The cluster is the test's
// own: the shared server at DATABASE_URL serves the suites running beside this one.

const RAISE = `mutation($input: RaiseAlertInput!) {
  raiseAlert(input: $input) { __typename ... on Alert { id reference } ... on Error { code message } }
}`;

/** Writes acknowledged before the stop and after the start: enough to be load, few enough to be quick. */
const WRITES_PER_SIDE = 40;
const OUTAGE_MS = 1_500;

/** When a write was sent: before the stop, while stopping, while stopped, while starting, after. */
type Phase = 'before' | 'stopping' | 'down' | 'starting' | 'after';

interface Write {
  by: Actor;
  input: Record<string, unknown>;
  phase: Phase;
  /** Still in the phase it was sent in when answered. */
  answeredInPhase: boolean;
  outcome: { ok: true; id: string } | { ok: false; error: string };
}

let cluster: PrivatePostgres;
let database: TestDatabase;
let testApp: TestApp;
let operation: OperationDriver;
let writers: Actor[];
let follower: Follower | undefined;

async function raise(by: Actor, input: Record<string, unknown>): Promise<Write['outcome']> {
  try {
    const response = await testApp.graphql(RAISE, { input }, { token: by.token });
    const result = response.data?.raiseAlert;
    if (!response.errors && result?.__typename === 'Alert') return { ok: true, id: result.id };
    if (result) throw new Error(`raiseAlert was refused: ${JSON.stringify(result)}`);
    const error = response.errors?.[0];
    return { ok: false, error: `${response.status} ${error?.extensions?.code ?? '-'} ${error?.message ?? ''}` };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('raiseAlert was refused')) throw error;
    return { ok: false, error: `transport: ${String(error)}` };
  }
}

/** Every writer raising alerts one after another until stopped, each write labelled with the phase it was sent in. */
function writeLoad() {
  const writes: Write[] = [];
  let phase: Phase = 'before';
  let stopped = false;
  const running = Promise.all(
    writers.map(async (by) => {
      while (!stopped) {
        const input = {
          operationId: operation.id,
          idempotencyKey: randomUUID(),
          category: 'INTELLIGENCE',
          severity: 'MEDIUM',
          title: `Courier pattern ${randomUUID()}`,
          marking: 'AMBER',
          distribution: 'ALL_PARTICIPANTS',
        };
        const sentIn = phase;
        const outcome = await raise(by, input);
        writes.push({ by, input, phase: sentIn, answeredInPhase: phase === sentIn, outcome });
        // A client backs off after a failure rather than spinning.
        if (!outcome.ok) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
  const count = (which: Phase, ok: boolean) => writes.filter((write) => write.phase === which && write.outcome.ok === ok).length;
  return {
    writes,
    count,
    enter: (next: Phase) => (phase = next),
    async until(ready: () => boolean, timeoutMs: number, what: string) {
      const deadline = performance.now() + timeoutMs;
      while (!ready()) {
        if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** Polls /readyz until it answers `status`; resolves with how long that took. */
async function readyzBecomes(status: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const probe = await httpGet(`${testApp.url}/readyz`);
    if (probe.status === status) return Math.round(performance.now() - started);
    if (performance.now() - started > timeoutMs) throw new Error(`/readyz still ${probe.status} (${probe.body}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stored(): Promise<{
  alerts: Map<string, string>;
  raised: Map<string, number>;
  audited: Map<string, number>;
  seqs: number[];
  lastEventSeq: number;
}> {
  const client = new pg.Client({ connectionString: database.url! });
  await client.connect();
  try {
    const id = uuidFromGlobalId(operation.id, 'Operation');
    const rows = async (text: string) => (await client.query(text, [id])).rows;
    const counts = (list: { key: string }[]) =>
      list.reduce((map, row) => map.set(row.key, (map.get(row.key) ?? 0) + 1), new Map<string, number>());
    return {
      alerts: new Map(
        (await rows('select idempotency_key, id from alerts where operation_id = $1')).map((row) => [row.idempotency_key, row.id]),
      ),
      raised: counts(await rows("select data->>'alertId' as key from operation_events where operation_id = $1 and type = 'ALERT_RAISED'")),
      audited: counts(
        await rows(
          "select target_id as key from audit_entries where operation_id = $1 and action = 'raiseAlert' and outcome = 'SUCCEEDED' and not coalesce((details->>'retried')::boolean, false)",
        ),
      ),
      seqs: (await rows('select seq::int as seq from operation_events where operation_id = $1 order by seq')).map((row) => row.seq),
      lastEventSeq: (await rows('select last_event_seq::int as last from operations where id = $1'))[0].last,
    };
  } finally {
    await client.end();
  }
}

describeWhere(['postgres', 'redis'], 'PostgreSQL stopped and started again under write load', () => {
  beforeAll(async () => {
    const started = performance.now();
    cluster = await startPrivatePostgres();
    database = await cluster.createDatabase('jointops_restart');
    reportFigure(
      `postgres restart: private cluster on port ${cluster.port} initialised, started and migrated in ${Math.round(performance.now() - started)} ms`,
    );
    testApp = await startTestApp({ database, redis: true, env: { MUTATION_RATE_PER_MINUTE: '1000000', MUTATION_BURST: '1000000' } });
    const kit = operationKit(testApp);
    const room = await kit.jointOperation();
    operation = room.operation;
    await operation.advanceTo('OPERATIONAL');
    writers = [room.planner, ...operation.participants];
  });
  afterAll(async () => {
    await follower?.close();
    await testApp?.stop();
    await database?.destroy();
    await cluster?.destroy();
  });

  it('answers 503 then 200 on /readyz, recovers by itself and loses no acknowledged write', { timeout: 120_000 }, async () => {
    const malaysia = operation.participants[0]!;
    const timeline = await operation.view(malaysia, 'timeline(first: 500) { edges { cursor } }');
    const startCursor = timeline!.timeline.edges.at(-1).cursor as string;
    follower = follow({
      url: () => testApp.wsUrl,
      token: malaysia.token,
      operationId: operation.id,
      after: startCursor,
      backoffMs: () => 200,
    });

    const load = writeLoad();
    await load.until(() => load.count('before', true) >= WRITES_PER_SIDE, 30_000, 'writes before the stop');

    load.enter('stopping');
    const stopping = performance.now();
    await cluster.stop();
    load.enter('down');
    const stopMs = Math.round(performance.now() - stopping);
    const notReadyMs = await readyzBecomes(503, 5_000);
    await load.until(
      () => load.count('down', false) >= 10 && performance.now() - stopping > OUTAGE_MS,
      10_000,
      'failed writes during the outage',
    );

    load.enter('starting');
    const starting = performance.now();
    await cluster.start();
    const startMs = Math.round(performance.now() - starting);
    load.enter('after');
    const readyMs = await readyzBecomes(200, 15_000);
    const outageMs = Math.round(performance.now() - stopping);
    await load.until(() => load.count('after', true) >= WRITES_PER_SIDE, 30_000, 'writes after the start');
    const firstAfter = load.writes.findIndex((write) => write.phase === 'after' && write.outcome.ok);
    await load.stop();
    reportFigure(
      `postgres restart: fast stop took ${stopMs} ms, /readyz 503 ${notReadyMs} ms after it; start took ${startMs} ms, /readyz 200 ${readyMs} ms after it; ` +
        `outage ${outageMs} ms; first write after the start was write #${firstAfter}`,
    );

    const failed = load.writes.filter((write) => !write.outcome.ok);
    const byPhase = (which: Phase) => `${which} ${load.count(which, true)} ok / ${load.count(which, false)} failed`;
    reportFigure(`postgres restart: writes sent ${(['before', 'stopping', 'down', 'starting', 'after'] as const).map(byPhase).join(', ')}`);
    // Sent and answered while PostgreSQL was down: every one refused.
    const whileDown = load.writes.filter((write) => write.phase === 'down' && write.answeredInPhase);
    expect(whileDown.length).toBeGreaterThanOrEqual(10);
    expect(whileDown.filter((write) => write.outcome.ok)).toEqual([]);
    // Refused with the masked error, never the driver's words, and the process still serving.
    for (const write of failed) expect((write.outcome as { error: string }).error).toMatch(/^(200|500|503) \S+ /);
    for (const write of failed)
      expect((write.outcome as { error: string }).error).not.toMatch(/ECONNREFUSED|postgres|terminat|connect|select|insert|transport/i);

    // Nothing acknowledged is lost.
    const afterFaults = await stored();
    const acknowledged = load.writes.filter((write) => write.outcome.ok);
    for (const write of acknowledged) {
      const id = afterFaults.alerts.get(write.input.idempotencyKey as string);
      expect(id, `acknowledged write sent ${write.phase}`).toBe(uuidFromGlobalId((write.outcome as { id: string }).id, 'Alert'));
      expect(afterFaults.raised.get(id!)).toBe(1);
      expect(afterFaults.audited.get(id!)).toBe(1);
    }
    // A write cut at the stop may have committed without the client hearing so: its retry says which.
    const inDoubt = failed.filter((write) => afterFaults.alerts.has(write.input.idempotencyKey as string)).length;

    // The failed ones, retried with their keys, end exactly once each.
    for (const write of failed) write.outcome = await raise(write.by, write.input);
    expect(failed.filter((write) => !write.outcome.ok)).toEqual([]);
    const final = await stored();
    for (const write of load.writes) {
      const id = final.alerts.get(write.input.idempotencyKey as string);
      expect(id).toBe(uuidFromGlobalId((write.outcome as { id: string }).id, 'Alert'));
      expect(final.raised.get(id!)).toBe(1);
      expect(final.audited.get(id!)).toBe(1);
    }
    expect(final.alerts.size).toBe(load.writes.length + 1);
    expect(final.seqs).toEqual(expectedSeqs(0, final.lastEventSeq));

    // The member's screen, open throughout, has every event after its start once, in order.
    const from = seqOfCursor(startCursor);
    await follower.until((f) => (f.received.at(-1)?.seq ?? 0) >= final.lastEventSeq, 20_000);
    expect(follower.received.map((event) => event.seq)).toEqual(expectedSeqs(from, final.lastEventSeq));
    reportFigure(
      `postgres restart: ${load.writes.length} writes checked (${acknowledged.length} acknowledged, ${failed.length} failed, ${inDoubt} of those had committed), ` +
        `${final.lastEventSeq - from} events delivered gap-free to a member who reconnected ${follower.reconnects} times`,
    );
  });
});
