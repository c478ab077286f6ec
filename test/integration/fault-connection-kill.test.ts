import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { startTestApp, type TestApp } from '../testkit/app';
import { describeWhere } from '../testkit/environment';
import type { GraphQLResponse, Fields } from '../testkit/graphql';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import { seededRandom, type SeededRandom } from '../testkit/seeded-random';
import { seizureInput } from '../testkit/seizures';

// Nothing lost when the database drops the server's connections mid-mutation. While contact
// points raise alerts, comment, acknowledge and report seizures, another connection terminates
// every backend of the server at random moments (seeded). Then, row by row: a mutation that
// answered success is there exactly once with its event and its audit entry; one that failed left
// nothing at all; retrying the failed ones (same idempotency keys) gives exactly one of each; and
// the operation's event sequence has no gap.

const TERMINATE = `select pg_terminate_backend(pid) as killed from pg_stat_activity
  where datname = current_database() and pid <> pg_backend_pid()`;

const ATTEMPTS = 360;
const WORKERS = 6;
/** A kill fails the mutations in flight (up to WORKERS): one every 12–28 mutations fails about a third. */
const MUTATIONS_BETWEEN_KILLS: [number, number] = [12, 28];
const KILL_DELAY_MS = 40;
const KEY_PREFIX = 'fault-kill-';
/** A few contact points send hundreds of writes here: the per-user rate limit is not under test. */
const UNTHROTTLED = { MUTATION_RATE_PER_MINUTE: '1000000', MUTATION_BURST: '1000000' };

type Kind = 'raiseAlert' | 'commentOnAlert' | 'acknowledgeAlert' | 'reportSeizure';

const SUCCESS: Record<Kind, { type: string; selection: string }> = {
  // Each asks for what the screen shows next, so that the answer is read after the commit too.
  raiseAlert: { type: 'Alert', selection: '... on Alert { id reference recipients { agency { id } } }' },
  commentOnAlert: { type: 'Alert', selection: '... on Alert { id comments { body } }' },
  acknowledgeAlert: { type: 'Alert', selection: '... on Alert { id recipients { agency { id } acknowledgedAt } }' },
  reportSeizure: { type: 'Seizure', selection: '... on Seizure { id reference }' },
};

interface Attempt {
  kind: Kind;
  by: Actor;
  input: Record<string, unknown>;
  /** What the last try answered: the entity's global id, or the error the client saw. */
  outcome: { ok: true; id: string } | { ok: false; error: string };
  /** The alert's recipient agencies (global ids), for a raise that succeeded. */
  recipients?: string[];
}

let testApp: TestApp;
let operation: OperationDriver;
let writers: Actor[];

async function send(kind: Kind, by: Actor, input: Record<string, unknown>): Promise<{ outcome: Attempt['outcome']; data?: Fields }> {
  const inputType = `${kind[0]!.toUpperCase()}${kind.slice(1)}Input`;
  const query = `mutation($input: ${inputType}!) { ${kind}(input: $input) { __typename ${SUCCESS[kind].selection} ... on Error { code message } } }`;
  let response: GraphQLResponse;
  try {
    response = await testApp.graphql(query, { input }, { token: by.token });
  } catch (error) {
    return { outcome: { ok: false, error: `transport: ${String(error)}` } };
  }
  const result = response.data?.[kind];
  if (!response.errors && result?.__typename === SUCCESS[kind].type) return { outcome: { ok: true, id: result.id }, data: result };
  // The load is valid by construction: a typed refusal would be a bug of the test or the server.
  if (result) throw new Error(`${kind} was refused: ${JSON.stringify(result)}`);
  const error = response.errors?.[0];
  return { outcome: { ok: false, error: `${response.status} ${error?.extensions?.code ?? '-'} ${error?.message ?? ''}` } };
}

/** The next mutation a contact point would send, given what has succeeded so far. */
function nextAttempt(random: SeededRandom, attempts: Attempt[], acknowledged: Set<string>): Pick<Attempt, 'kind' | 'by' | 'input'> {
  const raised = attempts.filter((attempt) => attempt.kind === 'raiseAlert' && attempt.outcome.ok);
  const roll = random.next();
  if (raised.length > 0 && roll < 0.3) {
    const alert = random.pick(raised);
    return {
      kind: 'commentOnAlert',
      by: random.pick(writers),
      input: { alertId: (alert.outcome as { id: string }).id, body: `Seen at the border ${randomUUID()}` },
    };
  }
  if (raised.length > 0 && roll < 0.55) {
    // One acknowledgement per alert and recipient agency: a second would change nothing.
    const alert = random.pick(raised);
    const recipient = writers.find(
      (writer) =>
        alert.recipients!.includes(writer.agency.globalId) &&
        !acknowledged.has(`${alert.outcome.ok && alert.outcome.id}/${writer.agency.id}`),
    );
    if (recipient) {
      acknowledged.add(`${(alert.outcome as { id: string }).id}/${recipient.agency.id}`);
      return { kind: 'acknowledgeAlert', by: recipient, input: { alertId: (alert.outcome as { id: string }).id } };
    }
  }
  if (roll < 0.75) {
    return {
      kind: 'raiseAlert',
      by: random.pick(writers),
      input: {
        operationId: operation.id,
        idempotencyKey: `${KEY_PREFIX}${randomUUID()}`,
        category: 'INTELLIGENCE',
        severity: random.pick(['LOW', 'MEDIUM', 'HIGH']),
        title: `Courier pattern ${randomUUID()}`,
        marking: 'AMBER',
        distribution: 'ALL_PARTICIPANTS',
      },
    };
  }
  return {
    kind: 'reportSeizure',
    by: random.pick(writers.slice(1)),
    input: {
      ...seizureInput(operation, null),
      commodityDescription: 'Ammonium nitrate, 24 t',
      idempotencyKey: `${KEY_PREFIX}${randomUUID()}`,
    },
  };
}

/**
 * Terminates every backend of the database after every few mutations (a random number of them,
 * then a random delay, so that kills land anywhere in a mutation), until `stop` resolves. Paced by
 * progress rather than by the clock: on a busy machine as on an idle one, about a third fail.
 */
async function killAtRandom(
  url: string,
  random: SeededRandom,
  finished: () => number,
  stop: Promise<void>,
): Promise<{ rounds: number; backends: number }> {
  const killer = new pg.Client({ connectionString: url });
  await killer.connect();
  let stopped = false;
  void stop.then(() => (stopped = true));
  const figures = { rounds: 0, backends: 0 };
  try {
    while (!stopped) {
      const due = finished() + random.between(...MUTATIONS_BETWEEN_KILLS);
      while (!stopped && finished() < due) await new Promise((resolve) => setTimeout(resolve, 2));
      await new Promise((resolve) => setTimeout(resolve, random.between(0, KILL_DELAY_MS)));
      if (stopped) break;
      const { rows } = await killer.query<{ killed: boolean }>(TERMINATE);
      figures.rounds += 1;
      figures.backends += rows.filter((row) => row.killed).length;
    }
  } finally {
    await killer.end();
  }
  return figures;
}

interface Stored {
  alerts: { id: string; idempotency_key: string }[];
  seizures: { id: string; idempotency_key: string }[];
  comments: { id: string; alert_id: string; body: string }[];
  acknowledged: { alert_id: string; agency_id: string }[];
  events: { seq: number; type: string; data: Record<string, string> }[];
  audits: { action: string; target_id: string | null; actor_agency_id: string | null; details: Record<string, unknown> | null }[];
  lastEventSeq: number;
}

async function readStored(): Promise<Stored> {
  const client = new pg.Client({ connectionString: testApp.database.url! });
  await client.connect();
  try {
    const id = uuidFromGlobalId(operation.id, 'Operation');
    const rows = async <T>(text: string) => (await client.query(text, [id])).rows as T[];
    return {
      alerts: await rows('select id, idempotency_key from alerts where operation_id = $1'),
      seizures: await rows('select id, idempotency_key from seizures where operation_id = $1'),
      comments: await rows(
        'select c.id, c.alert_id, c.body from alert_comments c join alerts a on a.id = c.alert_id where a.operation_id = $1',
      ),
      acknowledged: await rows(
        'select r.alert_id, r.agency_id from alert_recipients r join alerts a on a.id = r.alert_id where a.operation_id = $1 and r.acknowledged_at is not null',
      ),
      events: await rows('select seq::int as seq, type, data from operation_events where operation_id = $1 order by seq'),
      audits: await rows(
        "select action, target_id, actor_agency_id, details from audit_entries where operation_id = $1 and outcome = 'SUCCEEDED'",
      ),
      lastEventSeq: (await rows<{ last: number }>('select last_event_seq::int as last from operations where id = $1'))[0]!.last,
    };
  } finally {
    await client.end();
  }
}

const countBy = <T>(items: T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/**
 * The proof, from the tables themselves: returns how many rows it checked. Every entity of the
 * operation has exactly one event and one first-time audit entry (and no event or entry points
 * at nothing); each attempt that succeeded is there once, each that failed is absent.
 */
function expectNothingLost(stored: Stored, attempts: Attempt[]): number {
  const events = (type: string, field: string) =>
    countBy(
      stored.events.filter((event) => event.type === type),
      (event) => event.data[field]!,
    );
  const firstAudits = (action: string, flag: string) =>
    countBy(
      stored.audits.filter((entry) => entry.action === action && !entry.details?.[flag]),
      (entry) => entry.target_id ?? '',
    );

  // The log: 1, 2, 3… with no gap, and the counter where the log ends.
  expect(stored.events.map((event) => event.seq)).toEqual(stored.events.map((_, index) => index + 1));
  expect(stored.lastEventSeq).toBe(stored.events.length);

  // Entities ↔ events ↔ audit entries, one to one, whichever attempt made them.
  const exactlyOnce = (ids: string[], counts: Map<string, number>, what: string) => {
    expect([...counts.keys()].sort(), what).toEqual([...ids].sort());
    expect(
      [...counts.values()].every((count) => count === 1),
      what,
    ).toBe(true);
  };
  const alertIds = stored.alerts.map((alert) => alert.id);
  exactlyOnce(alertIds, events('ALERT_RAISED', 'alertId'), 'an ALERT_RAISED event per alert');
  exactlyOnce(alertIds, firstAudits('raiseAlert', 'retried'), 'a raiseAlert audit entry per alert');
  const seizureIds = stored.seizures.map((seizure) => seizure.id);
  exactlyOnce(seizureIds, events('SEIZURE_REPORTED', 'seizureId'), 'a SEIZURE_REPORTED event per seizure');
  exactlyOnce(seizureIds, firstAudits('reportSeizure', 'retried'), 'a reportSeizure audit entry per seizure');
  exactlyOnce(
    stored.comments.map((comment) => comment.id),
    events('ALERT_COMMENTED', 'commentId'),
    'an ALERT_COMMENTED event per comment',
  );
  // A comment's audit entry names its alert: as many entries per alert as it has comments.
  expect(firstAudits('commentOnAlert', 'none')).toEqual(countBy(stored.comments, (comment) => comment.alert_id));
  const ackKey = (alertId: string, agencyId: string) => `${alertId}/${agencyId}`;
  exactlyOnce(
    stored.acknowledged.map((row) => ackKey(row.alert_id, row.agency_id)),
    countBy(
      stored.events.filter((event) => event.type === 'ALERT_ACKNOWLEDGED'),
      (event) => ackKey(event.data.alertId!, event.data.agencyId!),
    ),
    'an ALERT_ACKNOWLEDGED event per acknowledgement',
  );
  exactlyOnce(
    stored.acknowledged.map((row) => ackKey(row.alert_id, row.agency_id)),
    countBy(
      stored.audits.filter((entry) => entry.action === 'acknowledgeAlert' && !entry.details?.alreadyAcknowledged),
      (entry) => ackKey(entry.target_id!, entry.actor_agency_id!),
    ),
    'an acknowledgeAlert audit entry per acknowledgement',
  );

  // Each attempt against the tables: there once if it succeeded, absent if it failed.
  const alertByKey = new Map(stored.alerts.map((alert) => [alert.idempotency_key, alert.id]));
  const seizureByKey = new Map(stored.seizures.map((seizure) => [seizure.idempotency_key, seizure.id]));
  const commentsByBody = countBy(stored.comments, (comment) => comment.body);
  const acknowledged = new Set(stored.acknowledged.map((row) => ackKey(row.alert_id, row.agency_id)));
  for (const attempt of attempts) {
    const { input, outcome } = attempt;
    const stays = (found: unknown, expected: unknown) => expect(found, `${attempt.kind} ${JSON.stringify(outcome)}`).toEqual(expected);
    const returned = (typename: string) => (outcome.ok ? uuidFromGlobalId(outcome.id, typename) : undefined);
    if (attempt.kind === 'raiseAlert') stays(alertByKey.get(input.idempotencyKey as string), returned('Alert'));
    if (attempt.kind === 'reportSeizure') stays(seizureByKey.get(input.idempotencyKey as string), returned('Seizure'));
    if (attempt.kind === 'commentOnAlert') stays(commentsByBody.get(input.body as string) ?? 0, outcome.ok ? 1 : 0);
    if (attempt.kind === 'acknowledgeAlert')
      stays(acknowledged.has(ackKey(uuidFromGlobalId(input.alertId as string, 'Alert')!, attempt.by.agency.id)), outcome.ok);
  }
  const faultKeys = (rows: { idempotency_key: string }[]) => rows.filter((row) => row.idempotency_key.startsWith(KEY_PREFIX)).length;
  const succeeded = (kind: Kind) => attempts.filter((attempt) => attempt.kind === kind && attempt.outcome.ok).length;
  expect(faultKeys(stored.alerts)).toBe(succeeded('raiseAlert'));
  expect(faultKeys(stored.seizures)).toBe(succeeded('reportSeizure'));
  return (
    stored.alerts.length +
    stored.seizures.length +
    stored.comments.length +
    stored.acknowledged.length +
    stored.events.length +
    stored.audits.length
  );
}

describeWhere(['postgres', 'redis'], 'database connections killed at random points of mutations', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ redis: true, env: UNTHROTTLED });
    const kit = operationKit(testApp);
    const room = await kit.jointOperation();
    operation = room.operation;
    await operation.join(await kit.actor(await kit.seed.agency({ countryCode: 'ID' })));
    await operation.advanceTo('OPERATIONAL');
    writers = [room.planner, ...operation.participants];
  });
  afterAll(async () => {
    await testApp?.stop();
  });

  it('keeps every acknowledged write exactly once, leaves nothing of a failed one, and converges on retry', {
    timeout: 120_000,
  }, async () => {
    const random = seededRandom('connection kill');
    const attempts: Attempt[] = [];
    const acknowledged = new Set<string>();
    let finish!: () => void;
    const loadDone = new Promise<void>((resolve) => (finish = resolve));
    const killing = killAtRandom(testApp.database.url!, random, () => attempts.length, loadDone);

    const started = performance.now();
    let issued = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (issued < ATTEMPTS) {
          issued += 1;
          const next = nextAttempt(random, attempts, acknowledged);
          const { outcome, data } = await send(next.kind, next.by, next.input);
          const recipients =
            next.kind === 'raiseAlert' && data
              ? (data.recipients as { agency: { id: string } }[]).map((recipient) => recipient.agency.id)
              : undefined;
          attempts.push({ ...next, outcome, recipients });
        }
      }),
    );
    finish();
    const faults = await killing;
    const loadMs = Math.round(performance.now() - started);
    const failed = attempts.filter((attempt) => !attempt.outcome.ok);
    reportFigure(
      `connection kill: ${attempts.length} mutations in ${loadMs} ms, ${attempts.length - failed.length} succeeded, ${failed.length} failed; ` +
        `${faults.rounds} kill rounds terminated ${faults.backends} backends`,
    );
    const byKind = (list: Attempt[]) => JSON.stringify(Object.fromEntries([...countBy(list, (attempt) => attempt.kind)]));
    reportFigure(`connection kill: attempted ${byKind(attempts)}, failed ${byKind(failed)}`);
    // The faults must have met mutations, or this proves nothing.
    expect(faults.backends).toBeGreaterThan(20);
    expect(failed.length).toBeGreaterThan(10);
    expect(attempts.length - failed.length).toBeGreaterThan(ATTEMPTS / 4);
    // A failure says nothing of the database: no SQL, no PostgreSQL message.
    for (const attempt of failed)
      expect((attempt.outcome as { error: string }).error).not.toMatch(/terminat|postgres|select|insert|update|connection/i);

    const checkedAfterFaults = expectNothingLost(await readStored(), attempts);

    // The failed ones again, as a client retries: same input, same idempotency key, no more faults.
    for (const attempt of failed) attempt.outcome = (await send(attempt.kind, attempt.by, attempt.input)).outcome;
    expect(failed.filter((attempt) => !attempt.outcome.ok)).toEqual([]);
    // And a retry of a raise that had succeeded returns the alert it made, adding nothing.
    const doneRaises = attempts.filter((attempt) => attempt.kind === 'raiseAlert').slice(0, 20);
    for (const attempt of doneRaises) expect((await send(attempt.kind, attempt.by, attempt.input)).outcome).toEqual(attempt.outcome);
    const checkedAfterRetries = expectNothingLost(await readStored(), attempts);
    reportFigure(
      `connection kill: rows checked ${checkedAfterFaults} after the faults and ${checkedAfterRetries} after ${failed.length} retries; ` +
        `${Math.round(performance.now() - started)} ms in all`,
    );
  });
});
