import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '@jointops/server/db/client';
import { auditEntries } from '@jointops/server/db/schema/audit';
import { operationEvents, operationPhases, operations } from '@jointops/server/db/schema/operations';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { appendEvent, readEvents } from '@jointops/server/journal/events.repo';
import { startTestApp, type TestApp } from '../testkit/app';
import type { TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import type { GraphQLResponse } from '../testkit/graphql';
import { seedKit, type SeededAgency, type SeededUser, type Session } from '../testkit/seed';
import { reportFigure } from '../testkit/report';

// Operations under concurrency. Two coordinators pressing "advance" at the same moment must end
// with one transition and one typed conflict; a timeline read while many people write must never
// skip an event that commits late; and the ledgers must resist the application's own SQL role.
//
// Two app instances share one database, as two processes behind a load balancer would: on
// PostgreSQL each has a connection pool of its own; on PGlite (one process can reach it) they
// share the embedded database.

const CREATE_OPERATION = `mutation($input: CreateOperationInput!) {
  createOperation(input: $input) { __typename ... on Operation { id } ... on Error { code message } }
}`;
const ASSIGN_MEMBER = `mutation($input: AssignMemberInput!) {
  assignMember(input: $input) { __typename ... on OperationMember { role } ... on Error { code message } }
}`;
const UPDATE_OPERATION = `mutation($input: UpdateOperationInput!) {
  updateOperation(input: $input) { __typename ... on Operation { name } ... on Error { code message } }
}`;
const ADVANCE_PHASE = `mutation($input: AdvancePhaseInput!) {
  advancePhase(input: $input) { __typename ... on Operation { phase } ... on Error { code message } }
}`;
const TIMELINE = `query($id: ID!, $first: Int, $after: String) {
  operation(id: $id) {
    timeline(first: $first, after: $after) {
      edges { cursor node { __typename type ... on PhaseAdvancedEvent { from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const JUSTIFICATION = 'Rehearsal: both coordinators advance at once on purpose.';

let a: TestApp;
let b: TestApp;
let closeB: () => Promise<void>;
let wco: SeededAgency;
let planner: SeededUser & { session: Session };
/** Coordinators who write concurrently; writers[0] is also the planner's rival in the phase race. */
let writers: (SeededUser & { session: Session })[];
/** Colleagues whose roles the writers keep changing (never a writer, never the planner). */
let assignees: SeededUser[];

/** A second instance on the same database: its own pool on PostgreSQL, the same PGlite otherwise. */
async function startSecondInstance(first: TestApp): Promise<{ app: TestApp; close(): Promise<void> }> {
  if (first.database.url) {
    const own = openPostgres(first.database.url, 10);
    const database: TestDatabase = { ...own, url: first.database.url, destroy: () => own.close() };
    const app = await startTestApp({ database, clock: first.clock });
    return {
      app,
      close: async () => {
        await app.stop();
        await own.close();
      },
    };
  }
  const app = await startTestApp({ database: first.database, clock: first.clock });
  return { app, close: () => app.stop() };
}

beforeAll(async () => {
  a = await startTestApp();
  ({ app: b, close: closeB } = await startSecondInstance(a));
  const seed = seedKit(a);
  wco = await seed.agency({ name: 'World Customs Organization', acronym: 'WCO', kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null });
  const signedIn = async () => {
    const user = await seed.user({ agency: wco });
    return { ...user, session: await seed.signIn(user) };
  };
  planner = await signedIn();
  writers = [];
  for (let index = 0; index < 8; index += 1) writers.push(await signedIn());
  assignees = [];
  for (let index = 0; index < 6; index += 1) assignees.push(await seed.user({ agency: wco }));
});
afterAll(async () => {
  await closeB?.();
  await a?.stop();
});

const unique = () => randomBytes(4).toString('hex').toUpperCase();

/** The one result of a mutation response, or a thrown error carrying the whole response. */
function resultOf(response: GraphQLResponse): { __typename: string; code?: string; message?: string; [key: string]: unknown } {
  const result = Object.values(response.data ?? {})[0] as { __typename: string } | undefined;
  if (!result) throw new Error(`no result: ${JSON.stringify(response.errors ?? response)}`);
  return result;
}

function expectType(response: GraphQLResponse, typename: string) {
  const result = resultOf(response);
  if (result.__typename !== typename) throw new Error(`expected ${typename}, got ${JSON.stringify(result)}`);
  return result;
}

/** A fresh operation in PLANNING, created by the planner, with `coordinators` as extra coordinators. */
async function newOperation(coordinators: SeededUser[] = []): Promise<{ id: string; uuid: string }> {
  const created = await a.graphql(
    CREATE_OPERATION,
    {
      input: {
        code: `CONC-${unique()}`,
        name: 'Concurrency drill',
        programme: 'PROGRAMME_GLOBAL_SHIELD',
        targetCommodityIds: [],
        referenceTimeZone: 'UTC',
      },
    },
    { token: planner.session.token },
  );
  const id = expectType(created, 'Operation').id as string;
  for (const coordinator of coordinators) {
    expectType(
      await a.graphql(
        ASSIGN_MEMBER,
        { input: { operationId: id, userId: coordinator.globalId, role: 'COORDINATOR' } },
        { token: planner.session.token },
      ),
      'OperationMember',
    );
  }
  return { id, uuid: uuidFromGlobalId(id, 'Operation')! };
}

const seqOf = (cursor: string): number => {
  const match = /^event:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new Error(`not an event cursor: ${cursor}`);
  return Number(match[1]);
};

interface TimelinePage {
  edges: { cursor: string; node: { __typename: string; type: string; from?: string; to?: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function timelinePage(
  app: TestApp,
  session: Session,
  operationId: string,
  after: string | null,
  first: number,
): Promise<TimelinePage> {
  const response = await app.graphql<{ operation: { timeline: TimelinePage } | null }>(
    TIMELINE,
    { id: operationId, first, after },
    { token: session.token },
  );
  if (!response.data?.operation) throw new Error(`timeline not readable: ${JSON.stringify(response.errors ?? response.data)}`);
  return response.data.operation.timeline;
}

/** Every event of the operation in the database, in sequence order. */
async function storedEvents(operationId: string): Promise<{ seq: number; type: string }[]> {
  return a.database.db
    .select({ seq: operationEvents.seq, type: operationEvents.type })
    .from(operationEvents)
    .where(eq(operationEvents.operationId, operationId))
    .orderBy(asc(operationEvents.seq));
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Backends of this database waiting on a lock (a row lock held by an open transaction). */
async function sessionsWaitingOnALock(): Promise<number> {
  // Both drivers answer execute() with { rows }; the generic database type cannot say so.
  const result = (await a.database.db.execute(
    sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

describe('two coordinators advance the same operation at the same moment', () => {
  const ROUNDS = 10;

  it(`ends with one transition and one typed ConflictError, ${ROUNDS} times out of ${ROUNDS}`, async () => {
    const rival = writers[0]!;
    for (let round = 0; round < ROUNDS; round += 1) {
      const operation = await newOperation([rival]);
      const input = { operationId: operation.id, to: 'PRE_OPERATIONAL', overrideJustification: JUSTIFICATION };
      // Each coordinator on a different instance; who asks first alternates.
      const attempts = [
        () => a.graphql(ADVANCE_PHASE, { input }, { token: planner.session.token }),
        () => b.graphql(ADVANCE_PHASE, { input }, { token: rival.session.token }),
      ];
      if (round % 2) attempts.reverse();
      const results = (await Promise.all(attempts.map((attempt) => attempt()))).map(resultOf);

      const winners = results.filter((result) => result.__typename === 'Operation');
      const conflicts = results.filter((result) => result.__typename === 'ConflictError');
      expect(winners, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      expect(winners[0]).toMatchObject({ phase: 'PRE_OPERATIONAL' });
      expect(conflicts, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('PRE_OPERATIONAL') });

      // One transition in every ledger: the row, the phase dates, the event log, the audit trail.
      const { db } = a.database;
      const [row] = await db.select({ phase: operations.phase }).from(operations).where(eq(operations.id, operation.uuid));
      expect(row!.phase).toBe('PRE_OPERATIONAL');
      const phases = await db.select().from(operationPhases).where(eq(operationPhases.operationId, operation.uuid));
      expect(phases.find((phase) => phase.phase === 'PRE_OPERATIONAL')?.startedAt).toBeInstanceOf(Date);
      expect((await storedEvents(operation.uuid)).filter((event) => event.type === 'PHASE_ADVANCED')).toHaveLength(1);
      const audit = await db
        .select({ outcome: auditEntries.outcome, reason: auditEntries.reason })
        .from(auditEntries)
        .where(and(eq(auditEntries.operationId, operation.uuid), eq(auditEntries.action, 'advancePhase')))
        .orderBy(asc(auditEntries.outcome));
      expect(audit).toEqual([
        { outcome: 'SUCCEEDED', reason: null },
        { outcome: 'REFUSED', reason: expect.stringMatching(/^CONFLICT: /) },
      ]);

      // And the timeline, as a member reads it, shows it once.
      const timeline = await timelinePage(a, rival.session, operation.id, null, 100);
      const advanced = timeline.edges.filter((edge) => edge.node.__typename === 'PhaseAdvancedEvent');
      expect(advanced.map((edge) => [edge.node.from, edge.node.to])).toEqual([['PLANNING', 'PRE_OPERATIONAL']]);
    }
  });
});

describeWhere(['postgres'], 'the timeline under concurrent writers (PostgreSQL)', () => {
  const WRITERS = 8;
  const MUTATIONS_PER_WRITER = 50;
  const ROLES = ['CONTACT_POINT', 'REVIEWER', 'OBSERVER'] as const;

  /** Pages forward with `after` until it has read everything written before `finished()` said so. */
  async function readAlong(app: TestApp, session: Session, operationId: string, finished: () => boolean) {
    const seen: { seq: number; type: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const writersWereDone = finished(); // before the read: this page then covers every commit
      const page = await timelinePage(app, session, operationId, cursor, 20);
      pages += 1;
      for (const edge of page.edges) {
        const seq = seqOf(edge.cursor);
        const previous = seen.at(-1)?.seq ?? 0;
        // Strictly increasing and gap-free: the event right after the last one seen, every time.
        if (seq !== previous + 1) throw new Error(`reader on ${app.url} saw seq ${seq} right after ${previous}`);
        seen.push({ seq, type: edge.node.type });
      }
      if (page.edges.length) cursor = page.pageInfo.endCursor;
      if (writersWereDone && !page.pageInfo.hasNextPage) return { seen, pages };
    }
  }

  it(`${WRITERS} writers × ${MUTATIONS_PER_WRITER} mutations on two instances: readers paging with after see every event, in order, with no gap`, {
    timeout: 180_000,
  }, async () => {
    const operation = await newOperation(writers);
    const setupEvents = (await storedEvents(operation.uuid)).length;

    let done = false;
    const reading = Promise.all([
      readAlong(a, planner.session, operation.id, () => done),
      readAlong(b, planner.session, operation.id, () => done),
    ]);
    reading.catch(() => undefined); // a reader that fails early is reported below, not as unhandled
    const started = performance.now();
    const writing = writers.map(async (writer, w) => {
      for (let i = 0; i < MUTATIONS_PER_WRITER; i += 1) {
        const app = (w + i) % 2 ? b : a;
        const options = { token: writer.session.token };
        if (i % 2) {
          const assignee = assignees[(w + i) % assignees.length]!;
          const input = { operationId: operation.id, userId: assignee.globalId, role: ROLES[(w + i) % ROLES.length] };
          expectType(await app.graphql(ASSIGN_MEMBER, { input }, options), 'OperationMember');
        } else {
          expectType(
            await app.graphql(UPDATE_OPERATION, { input: { operationId: operation.id, name: `Drill ${w}-${i}` } }, options),
            'Operation',
          );
        }
      }
    });
    try {
      await Promise.all(writing);
    } finally {
      done = true;
    }
    const writeMs = performance.now() - started;
    const [onA, onB] = await reading;

    const stored = await storedEvents(operation.uuid);
    const written = stored.length - setupEvents;
    expect(written).toBe(WRITERS * MUTATIONS_PER_WRITER);
    // The log itself is 1..N with no hole, and N is the operation's counter.
    expect(stored.map((event) => event.seq)).toEqual(stored.map((_, index) => index + 1));
    const [row] = await a.database.db.select({ last: operations.lastEventSeq }).from(operations).where(eq(operations.id, operation.uuid));
    expect(row!.last).toBe(stored.length);
    // Each reader collected exactly the whole log: nothing that committed late was skipped.
    expect(onA!.seen).toEqual(stored);
    expect(onB!.seen).toEqual(stored);

    reportFigure(
      `[operations-concurrency] ${WRITERS} writers × ${MUTATIONS_PER_WRITER} mutations over 2 instances: ` +
        `${written} events written in ${Math.round(writeMs)} ms (${Math.round((written / writeMs) * 1000)} events/s, ` +
        `${(writeMs / written).toFixed(1)} ms per event); readers paged ${onA!.pages} and ${onB!.pages} times and each saw all ${stored.length} events`,
    );
  });

  it('two coordinators parked on the operation row together: still one transition and one ConflictError', async () => {
    // The free race above may not always overlap; here both requests are provably in flight at
    // once: each waits on the operation's row, held by a transaction, before either may proceed.
    const rival = writers[0]!;
    const operation = await newOperation([rival]);
    const input = { operationId: operation.id, to: 'PRE_OPERATIONAL', overrideJustification: JUSTIFICATION };
    const locked = deferred();
    const release = deferred();
    const holder = a.database.db.transaction(async (tx) => {
      await tx.select({ id: operations.id }).from(operations).where(eq(operations.id, operation.uuid)).for('update');
      locked.resolve();
      await release.promise;
    });
    await locked.promise;
    let attempts: Promise<GraphQLResponse>[] = [];
    try {
      attempts = [
        a.graphql(ADVANCE_PHASE, { input }, { token: planner.session.token }),
        b.graphql(ADVANCE_PHASE, { input }, { token: rival.session.token }),
      ];
      await waitFor(async () => (await sessionsWaitingOnALock()) === 2, 'both advancePhase requests wait on the operation row');
    } finally {
      release.resolve();
      await holder;
    }
    const results = (await Promise.all(attempts)).map(resultOf);
    expect(results.map((result) => result.__typename).sort()).toEqual(['ConflictError', 'Operation']);
    expect(results.find((result) => result.__typename === 'ConflictError')).toMatchObject({ code: 'CONFLICT' });
    expect((await storedEvents(operation.uuid)).filter((event) => event.type === 'PHASE_ADVANCED')).toHaveLength(1);
  });

  it('a late commit: the second writer gets its seq only after the first commits, and a reader never sees it first', async () => {
    const operation = await newOperation();
    const { db } = a.database;
    const predecessor = (await storedEvents(operation.uuid)).at(-1)!.seq;
    const event = (label: string) => ({
      operationId: operation.uuid,
      type: 'OPERATION_UPDATED' as const,
      occurredAt: a.clock.now(),
      actorUserId: planner.id,
      audienceAgencyIds: null,
      data: { changed: [label] },
    });
    const readAfterPredecessor = async () =>
      (await readEvents(db, operation.uuid, wco.id, { after: predecessor }, 100)).map((row) => row.seq);
    const timelineAfterPredecessor = async () =>
      (await timelinePage(a, planner.session, operation.id, Buffer.from(`event:${predecessor}`).toString('base64url'), 100)).edges.map(
        (edge) => seqOf(edge.cursor),
      );

    // Transaction A appends and stays open.
    const appendedA = deferred<number>();
    const releaseA = deferred();
    const transactionA = db.transaction(async (tx) => {
      appendedA.resolve(await appendEvent(tx, event('A')));
      await releaseA.promise;
    });
    const seqA = await appendedA.promise;
    expect(seqA).toBe(predecessor + 1);

    // Transaction B appends to the same operation: it waits on A's row lock, with no seq yet.
    let seqB: number | null = null;
    const appendedB = deferred<number>();
    const releaseB = deferred();
    const transactionB = db.transaction(async (tx) => {
      seqB = await appendEvent(tx, event('B'));
      appendedB.resolve(seqB);
      await releaseB.promise;
    });
    try {
      await waitFor(async () => (await sessionsWaitingOnALock()) === 1, "B's append waits on a lock");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seqB).toBeNull();
      expect(await sessionsWaitingOnALock()).toBe(1);
      // Meanwhile a reader after A's predecessor sees nothing: A is not committed, B has no number.
      expect(await readAfterPredecessor()).toEqual([]);
      expect(await timelineAfterPredecessor()).toEqual([]);

      // A commits; only now does B get the next number.
      releaseA.resolve();
      await transactionA;
      expect(await appendedB.promise).toBe(seqA + 1);
      // B has its number but has not committed: the reader sees A, and not B ahead of it.
      expect(await readAfterPredecessor()).toEqual([seqA]);
      expect(await timelineAfterPredecessor()).toEqual([seqA]);
    } finally {
      releaseA.resolve();
      releaseB.resolve();
      await Promise.allSettled([transactionA, transactionB]);
    }
    await transactionB;
    expect(await readAfterPredecessor()).toEqual([seqA, seqA + 1]);
    expect(await timelineAfterPredecessor()).toEqual([seqA, seqA + 1]);
  });

  it('a mutation over HTTP waits behind an open transaction; the timeline shows both, in commit order, only once committed', async () => {
    const coordinator = writers[1]!;
    const operation = await newOperation([coordinator]);
    const { db } = a.database;
    const before = await timelinePage(b, planner.session, operation.id, null, 100);
    const cursor = before.pageInfo.endCursor;
    const appended = deferred<number>();
    const release = deferred();
    const held = db.transaction(async (tx) => {
      appended.resolve(
        await appendEvent(tx, {
          operationId: operation.uuid,
          type: 'OPERATION_UPDATED',
          occurredAt: a.clock.now(),
          actorUserId: planner.id,
          audienceAgencyIds: null,
          data: { changed: ['held'] },
        }),
      );
      await release.promise;
    });
    const heldSeq = await appended.promise;
    let answered = false;
    const mutation = b
      .graphql(UPDATE_OPERATION, { input: { operationId: operation.id, name: 'After the held one' } }, { token: coordinator.session.token })
      .finally(() => (answered = true));
    try {
      await waitFor(async () => (await sessionsWaitingOnALock()) === 1, 'the mutation waits on the operation row');
      expect(answered).toBe(false);
      expect((await timelinePage(a, planner.session, operation.id, cursor, 100)).edges).toEqual([]);
    } finally {
      release.resolve();
      await held;
    }
    // Released, the mutation goes through and its event lands right after the held one.
    expectType(await mutation, 'Operation');
    const after = await timelinePage(a, planner.session, operation.id, cursor, 100);
    expect(after.edges.map((edge) => seqOf(edge.cursor))).toEqual([heldSeq, heldSeq + 1]);
  });
});

describeWhere(['postgres'], "the ledgers resist the application's own SQL role (PostgreSQL)", () => {
  const role = `jointops_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let superuser: pg.Client;
  let app: pg.Client;

  /** The error a statement ends with, as { code, message }; null when it succeeds. */
  async function refusal(client: pg.Client, statement: string, values: unknown[] = []): Promise<{ code: string; message: string } | null> {
    try {
      await client.query(statement, values);
      return null;
    } catch (error) {
      const { code, message } = error as { code: string; message: string };
      return { code, message };
    }
  }

  beforeAll(async () => {
    const url = a.database.url!;
    const database = new URL(url).pathname.slice(1);
    superuser = new pg.Client({ connectionString: url });
    await superuser.connect();
    // What the application needs at run time, and nothing more: no superuser, no ownership.
    await superuser.query(`create role ${role} login password '${password}' nosuperuser nocreatedb nocreaterole`);
    await superuser.query(`grant connect on database ${database} to ${role}`);
    await superuser.query(`grant usage on schema public to ${role}`);
    await superuser.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    await superuser.query(`grant usage, select on all sequences in schema public to ${role}`);
    const appUrl = new URL(url);
    appUrl.username = role;
    appUrl.password = password;
    app = new pg.Client({ connectionString: appUrl.toString() });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    if (superuser) {
      // Roles are cluster-wide: leave none behind (its grants go with DROP OWNED).
      await superuser.query(`drop owned by ${role}`).catch(() => undefined);
      await superuser.query(`drop role if exists ${role}`);
      await superuser.end();
    }
  });

  it('the role is an ordinary one: not a superuser, not the owner of the tables', async () => {
    const { rows } = await app.query(
      `select current_user as "user", r.rolsuper as super, t.tableowner as owner
         from pg_roles r, pg_tables t where r.rolname = current_user and t.tablename = 'audit_entries'`,
    );
    expect(rows).toEqual([{ user: role, super: false, owner: expect.not.stringMatching(role) }]);
  });

  it('audit_entries: INSERT works; UPDATE, DELETE and TRUNCATE are refused and change nothing', async () => {
    const inserted = await app.query<{ id: string }>(
      `insert into audit_entries (occurred_at, action, outcome, reason) values (now(), 'test.appRole', 'REFUSED', 'kept as written') returning id`,
    );
    const id = inserted.rows[0]!.id;
    const before = (await app.query('select * from audit_entries order by id')).rows;
    expect(before.length).toBeGreaterThan(1);

    const update = await refusal(app, `update audit_entries set outcome = 'SUCCEEDED', reason = null where id = $1`, [id]);
    expect(update).toEqual({ code: '42501', message: expect.stringMatching(/append-only/) });
    expect(await refusal(app, 'update audit_entries set reason = null')).toEqual({
      code: '42501',
      message: expect.stringMatching(/append-only/),
    });
    const remove = await refusal(app, 'delete from audit_entries where id = $1', [id]);
    expect(remove).toEqual({ code: '42501', message: expect.stringMatching(/append-only/) });
    expect(await refusal(app, 'delete from audit_entries')).toEqual({ code: '42501', message: expect.stringMatching(/append-only/) });
    // TRUNCATE: the role lacks the privilege; and were it granted, the trigger still refuses.
    expect(await refusal(app, 'truncate audit_entries')).toEqual({ code: '42501', message: expect.stringMatching(/permission denied/) });
    await superuser.query(`grant truncate on audit_entries to ${role}`);
    try {
      expect(await refusal(app, 'truncate audit_entries')).toEqual({ code: '42501', message: expect.stringMatching(/append-only/) });
    } finally {
      await superuser.query(`revoke truncate on audit_entries from ${role}`);
    }

    expect((await app.query('select * from audit_entries order by id')).rows).toEqual(before);
  });

  it('audit_entries: the role cannot switch the protection off', async () => {
    for (const statement of [
      'alter table audit_entries disable trigger audit_entries_no_update_delete',
      'alter table audit_entries disable trigger all',
      'drop trigger audit_entries_no_update_delete on audit_entries',
      'drop function audit_entries_refuse_change() cascade',
    ]) {
      expect(await refusal(app, statement), statement).toEqual({ code: '42501', message: expect.stringMatching(/must be owner/) });
    }
    // Replica mode skips ordinary triggers; only a superuser may enter it.
    expect(await refusal(app, 'set session_replication_role = replica')).toEqual({
      code: '42501',
      message: expect.stringMatching(/permission denied/),
    });
  });

  it('operation_events: appending works; UPDATE, DELETE and TRUNCATE are refused and change nothing', async () => {
    const operation = await newOperation();
    // Appending as the application does it: bump the counter under the row lock, insert the row.
    await app.query('begin');
    const { rows: bumped } = await app.query<{ seq: string }>(
      'update operations set last_event_seq = last_event_seq + 1 where id = $1 returning last_event_seq as seq',
      [operation.uuid],
    );
    await app.query(
      `insert into operation_events (operation_id, seq, type, occurred_at, actor_user_id, data)
       values ($1, $2, 'OPERATION_UPDATED', now(), $3, '{"changed":["sql"]}')`,
      [operation.uuid, bumped[0]!.seq, planner.id],
    );
    await app.query('commit');
    const events = 'select * from operation_events where operation_id = $1 order by seq';
    const before = (await app.query(events, [operation.uuid])).rows;
    expect(before.map((row) => Number(row.seq))).toEqual([1, 2]);

    const appendOnly = { code: '42501', message: expect.stringMatching(/operation_events is append-only/) };
    expect(await refusal(app, `update operation_events set data = '{}' where operation_id = $1`, [operation.uuid])).toEqual(appendOnly);
    expect(await refusal(app, 'update operation_events set seq = seq + 1000 where operation_id = $1', [operation.uuid])).toEqual(
      appendOnly,
    );
    expect(await refusal(app, 'delete from operation_events where operation_id = $1', [operation.uuid])).toEqual(appendOnly);
    expect(await refusal(app, 'delete from operation_events')).toEqual(appendOnly);
    expect(await refusal(app, 'truncate operation_events')).toEqual({ code: '42501', message: expect.stringMatching(/permission denied/) });
    await superuser.query(`grant truncate on operation_events to ${role}`);
    try {
      expect(await refusal(app, 'truncate operation_events')).toEqual(appendOnly);
    } finally {
      await superuser.query(`revoke truncate on operation_events from ${role}`);
    }
    for (const statement of [
      'alter table operation_events disable trigger operation_events_no_update',
      'alter table operation_events disable trigger operation_events_delete_only_expired',
      'alter table operation_events disable trigger all',
      'drop trigger operation_events_delete_only_expired on operation_events',
    ]) {
      expect(await refusal(app, statement), statement).toEqual({ code: '42501', message: expect.stringMatching(/must be owner/) });
    }

    expect((await app.query(events, [operation.uuid])).rows).toEqual(before);
  });
});
