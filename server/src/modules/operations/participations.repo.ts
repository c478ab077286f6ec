import { and, eq, inArray, sql } from 'drizzle-orm';
import { OPEN_PHASES } from '@jointops/shared/domain';
import type { Db } from '../../db/client';
import { agencies } from '../../db/schema/accounts';
import { operationPhases, operations, participations } from '../../db/schema/operations';
import { users } from '../../db/schema/accounts';
import { readinessAcknowledgedAt } from './gate-facts.repo';

export type ParticipationRow = typeof participations.$inferSelect;

export async function insertParticipation(db: Db, participation: typeof participations.$inferInsert): Promise<ParticipationRow | null> {
  const [row] = await db.insert(participations).values(participation).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findParticipation(db: Db, operationId: string, agencyId: string): Promise<ParticipationRow | null> {
  const [row] = await db
    .select()
    .from(participations)
    .where(and(eq(participations.operationId, operationId), eq(participations.agencyId, agencyId)));
  return row ?? null;
}

export async function findParticipationById(db: Db, id: string): Promise<ParticipationRow | null> {
  const [row] = await db.select().from(participations).where(eq(participations.id, id));
  return row ?? null;
}

/** When the participation's agency passed the readiness test (see readiness.ts); null while it has not. */
export async function readinessTestAcknowledgedAt(db: Db, participationId: string): Promise<Date | null> {
  const at = readinessAcknowledgedAt(
    sql`${participations.operationId}`,
    sql`${participations.agencyId}`,
    sql`${participations.respondedAt}`,
  );
  const [row] = await db
    .select({ at: at.mapWith((value: string | Date | null) => (value === null ? null : new Date(value))) })
    .from(participations)
    .where(and(eq(participations.id, participationId), eq(participations.status, 'ACCEPTED')));
  return row?.at ?? null;
}

export async function updateParticipation(
  db: Db,
  id: string,
  changes: Partial<typeof participations.$inferInsert>,
): Promise<ParticipationRow> {
  const [row] = await db.update(participations).set(changes).where(eq(participations.id, id)).returning();
  return row!;
}

/**
 * Pending invitations of an agency: only what an invited agency may know before it accepts —
 * code, name, who invited, when, and the planned operational window.
 */
export async function pendingInvitations(db: Db, agencyId: string) {
  return (
    db
      .select({
        participationId: participations.id,
        operationId: operations.id,
        code: operations.code,
        name: operations.name,
        role: participations.role,
        invitedAt: participations.invitedAt,
        invitedByName: users.displayName,
        invitedByAgency: agencies.name,
        operationalStartsAt: operationPhases.plannedStartsAt,
        operationalEndsAt: operationPhases.plannedEndsAt,
      })
      .from(participations)
      .innerJoin(operations, eq(operations.id, participations.operationId))
      .leftJoin(users, eq(users.id, participations.invitedBy))
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .leftJoin(operationPhases, and(eq(operationPhases.operationId, operations.id), eq(operationPhases.phase, 'OPERATIONAL')))
      // A closed or cancelled operation's invitation can no longer be answered: it is no longer one.
      .where(and(eq(participations.agencyId, agencyId), eq(participations.status, 'INVITED'), inArray(operations.phase, [...OPEN_PHASES])))
  );
}
