import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Phase } from '@jointops/shared/domain';
import type { Db } from '../../db/client';
import { preparedStatement } from '../../db/prepared';
import { batchedReads } from '../../db/batched-reads';
import { agencies } from '../../db/schema/accounts';
import { operationMembers, operationPhases, operations, operationTargets, participations } from '../../db/schema/operations';
import type { Viewer } from '../../service-context';
import type { Standing } from './operations.policy';
import { readinessAcknowledgedAt } from './gate-facts.repo';

export type OperationRow = typeof operations.$inferSelect;

/**
 * The need-to-know condition on `operations` for one viewer: the viewer is a current member and
 * their agency's participation is accepted. Every read of operations goes through it.
 */
export function visibleTo(viewer: Viewer, operationIdColumn: SQL | typeof operations.id = operations.id): SQL {
  return sql`exists (
    select 1 from ${operationMembers} m
    join ${participations} p on p.operation_id = m.operation_id and p.agency_id = m.agency_id
    where m.operation_id = ${operationIdColumn} and m.user_id = ${viewer.userId}
      and m.removed_at is null and p.status = 'ACCEPTED')`;
}

const standingQuery = (db: Db) =>
  db
    .select({ operation: operations, participationStatus: participations.status, memberRole: operationMembers.role })
    .from(operations)
    .leftJoin(participations, and(eq(participations.operationId, operations.id), eq(participations.agencyId, sql.placeholder('agencyId'))))
    .leftJoin(
      operationMembers,
      and(
        eq(operationMembers.operationId, operations.id),
        eq(operationMembers.userId, sql.placeholder('userId')),
        isNull(operationMembers.removedAt),
      ),
    )
    .where(eq(operations.id, sql.placeholder('operationId')));

// Every write to an operation starts with the locked one: built once, not on each call.
const readStanding = preparedStatement('operation_standing', standingQuery);
const lockWithStanding = preparedStatement('operation_standing_locked', (db) => standingQuery(db).for('update', { of: operations }));

type StandingRow = Awaited<ReturnType<typeof readStanding>>[number];
export type WithStanding = { operation: OperationRow; standing: Standing };

const withStanding = (row: StandingRow, viewer: Viewer): WithStanding => ({
  operation: row.operation,
  standing: {
    viewer,
    participation: row.participationStatus ? { status: row.participationStatus } : null,
    memberRole: row.memberRole ?? null,
  },
});

/** The operation with the viewer's standing in it; `lock` holds its row until the transaction ends. */
export async function findWithStanding(db: Db, operationId: string, viewer: Viewer, lock = false): Promise<WithStanding | null> {
  const [row] = await (lock ? lockWithStanding : readStanding)(db, { operationId, agencyId: viewer.agencyId, userId: viewer.userId });
  return row ? withStanding(row, viewer) : null;
}

// The same question for many viewers at once: the asks go in as three arrays, one row each, and
// every row answers its own viewer's standing, never another's (the joins are on the ask's agency
// and person). One statement, so one snapshot for all of them.
const readStandings = preparedStatement('operation_standings', (db) =>
  db
    .select({
      askedAt: sql<number>`asked.n`.mapWith(Number),
      operation: operations,
      participationStatus: participations.status,
      memberRole: operationMembers.role,
    })
    .from(
      sql`unnest(${sql.placeholder('operationIds')}::uuid[], ${sql.placeholder('agencyIds')}::uuid[], ${sql.placeholder('userIds')}::uuid[])
        with ordinality as asked(operation_id, agency_id, user_id, n)`,
    )
    .innerJoin(operations, sql`${operations.id} = asked.operation_id`)
    .leftJoin(participations, and(eq(participations.operationId, operations.id), sql`${participations.agencyId} = asked.agency_id`))
    .leftJoin(
      operationMembers,
      and(
        eq(operationMembers.operationId, operations.id),
        sql`${operationMembers.userId} = asked.user_id`,
        isNull(operationMembers.removedAt),
      ),
    ),
);

export interface StandingAsk {
  operationId: string;
  viewer: Viewer;
}

/** findWithStanding for many asks in one statement: each ask's answer at its index, null for an operation that does not exist. */
export async function findManyWithStanding(db: Db, asks: readonly StandingAsk[]): Promise<(WithStanding | null)[]> {
  const answers: (WithStanding | null)[] = asks.map(() => null);
  if (!asks.length) return answers;
  const rows = await readStandings(db, {
    operationIds: asks.map((ask) => ask.operationId),
    agencyIds: asks.map((ask) => ask.viewer.agencyId),
    userIds: asks.map((ask) => ask.viewer.userId),
  });
  for (const { askedAt, ...row } of rows) answers[askedAt - 1] = withStanding(row, asks[askedAt - 1]!.viewer);
  return answers;
}

const subscriberReads = new WeakMap<Db, (ask: StandingAsk) => Promise<WithStanding | null | undefined>>();

/**
 * findWithStanding for a subscription as it starts. When a server's clients all come back at once
 * (a restart, a network cut healed), thousands ask within a few milliseconds; one statement each,
 * its socket write and its rows' decoding were the largest part of the hub's CPU in the storm.
 * Asks made while a read is under way are read together once it ends (batched-reads.ts), each
 * answered from a statement that started after it was asked, as its own statement would be.
 */
export async function findSubscriberStanding(db: Db, operationId: string, viewer: Viewer): Promise<WithStanding | null> {
  let read = subscriberReads.get(db);
  if (!read) {
    read = batchedReads(async (asks: StandingAsk[]) => {
      const answers = await findManyWithStanding(db, asks);
      return new Map(asks.map((ask, index) => [ask, answers[index]!]));
    });
    subscriberReads.set(db, read);
  }
  return (await read({ operationId, viewer })) ?? null;
}

export async function insertOperation(db: Db, operation: typeof operations.$inferInsert): Promise<OperationRow | null> {
  const [row] = await db.insert(operations).values(operation).onConflictDoNothing({ target: operations.code }).returning();
  return row ?? null;
}

export async function updateOperationRow(db: Db, id: string, changes: Partial<typeof operations.$inferInsert>): Promise<OperationRow> {
  const [row] = await db.update(operations).set(changes).where(eq(operations.id, id)).returning();
  return row!;
}

export async function replaceTargets(db: Db, operationId: string, commodityIds: string[]): Promise<void> {
  await db.delete(operationTargets).where(eq(operationTargets.operationId, operationId));
  if (commodityIds.length) {
    await db.insert(operationTargets).values(commodityIds.map((commodityId) => ({ operationId, commodityId })));
  }
}

export async function countTargets(db: Db, operationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(operationTargets)
    .where(eq(operationTargets.operationId, operationId));
  return row?.n ?? 0;
}

export async function planPhases(db: Db, operationId: string, planned: { phase: Phase; startsAt: Date; endsAt: Date }[]): Promise<void> {
  for (const { phase, startsAt, endsAt } of planned) {
    await db
      .insert(operationPhases)
      .values({ operationId, phase, plannedStartsAt: startsAt, plannedEndsAt: endsAt })
      .onConflictDoUpdate({
        target: [operationPhases.operationId, operationPhases.phase],
        set: { plannedStartsAt: startsAt, plannedEndsAt: endsAt },
      });
  }
}

export async function findPhases(db: Db, operationId: string) {
  return db.select().from(operationPhases).where(eq(operationPhases.operationId, operationId));
}

/** Records the actual end of the phase left and the actual start of the phase entered. */
export async function recordTransition(db: Db, operationId: string, from: Phase, to: Phase, at: Date): Promise<void> {
  await db
    .insert(operationPhases)
    .values({ operationId, phase: from, endedAt: at })
    .onConflictDoUpdate({ target: [operationPhases.operationId, operationPhases.phase], set: { endedAt: at } });
  await db
    .insert(operationPhases)
    .values({ operationId, phase: to, startedAt: at })
    .onConflictDoUpdate({ target: [operationPhases.operationId, operationPhases.phase], set: { startedAt: at } });
}

/** Accepted agencies with what the gates ask of each. */
export async function acceptedAgencyFacts(db: Db, operationId: string) {
  return db
    .select({
      agencyId: agencies.id,
      name: agencies.name,
      countryCode: agencies.countryCode,
      role: participations.role,
      readinessAcknowledged: sql<boolean>`${readinessAcknowledgedAt(sql`${participations.operationId}`, sql`${participations.agencyId}`, sql`${participations.respondedAt}`)} is not null`,
      contactPoints: sql<number>`(select count(*)::int from ${operationMembers} m
        where m.operation_id = ${participations.operationId} and m.agency_id = ${participations.agencyId}
          and m.role = 'CONTACT_POINT' and m.removed_at is null)`,
    })
    .from(participations)
    .innerJoin(agencies, eq(agencies.id, participations.agencyId))
    .where(and(eq(participations.operationId, operationId), eq(participations.status, 'ACCEPTED')));
}
