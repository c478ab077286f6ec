import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Phase } from '@jointops/shared/domain';
import type { Db } from '../../db/client';
import { preparedStatement } from '../../db/prepared';
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

/** The operation with the viewer's standing in it; `lock` holds its row until the transaction ends. */
export async function findWithStanding(
  db: Db,
  operationId: string,
  viewer: Viewer,
  lock = false,
): Promise<{ operation: OperationRow; standing: Standing } | null> {
  const [row] = await (lock ? lockWithStanding : readStanding)(db, { operationId, agencyId: viewer.agencyId, userId: viewer.userId });
  if (!row) return null;
  return {
    operation: row.operation,
    standing: {
      viewer,
      participation: row.participationStatus ? { status: row.participationStatus } : null,
      memberRole: row.memberRole ?? null,
    },
  };
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
