import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, users } from '../../db/schema/accounts';
import { operationMembers, participations } from '../../db/schema/operations';
import type { UserRow } from '../accounts/users.repo';

export type MemberRow = typeof operationMembers.$inferSelect;

/**
 * Adds a member, or changes the role of a current one: one role per person per operation. A
 * former member comes back under the agency they belong to now, which may not be the one they
 * were a member for.
 */
export async function insertMember(db: Db, member: typeof operationMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await db
    .insert(operationMembers)
    .values(member)
    .onConflictDoUpdate({
      target: [operationMembers.operationId, operationMembers.userId],
      set: { agencyId: member.agencyId, role: member.role, assignedBy: member.assignedBy, assignedAt: member.assignedAt, removedAt: null },
    })
    .returning();
  return row!;
}

/** Ends the membership of everyone of an agency (when it withdraws). */
export async function removeMembersOfAgency(db: Db, operationId: string, agencyId: string, at: Date): Promise<void> {
  await db
    .update(operationMembers)
    .set({ removedAt: at })
    .where(and(eq(operationMembers.operationId, operationId), eq(operationMembers.agencyId, agencyId), isNull(operationMembers.removedAt)));
}

/** A user's current role in an operation, if they are a member. */
export async function findCurrentRole(db: Db, operationId: string, userId: string): Promise<MemberRow['role'] | null> {
  const [row] = await db
    .select({ role: operationMembers.role })
    .from(operationMembers)
    .where(and(eq(operationMembers.operationId, operationId), eq(operationMembers.userId, userId), isNull(operationMembers.removedAt)));
  return row?.role ?? null;
}

export async function findMember(db: Db, id: string): Promise<MemberRow | null> {
  const [row] = await db.select().from(operationMembers).where(eq(operationMembers.id, id));
  return row ?? null;
}

/** Ends a current membership; null when it is not current (already removed). */
export async function markMemberRemoved(db: Db, id: string, at: Date): Promise<MemberRow | null> {
  const [row] = await db
    .update(operationMembers)
    .set({ removedAt: at })
    .where(and(eq(operationMembers.id, id), isNull(operationMembers.removedAt)))
    .returning();
  return row ?? null;
}

/**
 * The people who could be made members: active accounts of active agencies that accepted, of one
 * agency when `agencyId` is given, each with their current role; by agency name, then name.
 */
export async function memberCandidates(
  db: Db,
  operationId: string,
  agencyId: string | null,
): Promise<{ user: UserRow; currentRole: MemberRow['role'] | null }[]> {
  return db
    .select({ user: users, currentRole: operationMembers.role })
    .from(participations)
    .innerJoin(agencies, and(eq(agencies.id, participations.agencyId), isNull(agencies.deactivatedAt)))
    .innerJoin(users, and(eq(users.agencyId, agencies.id), isNull(users.deactivatedAt)))
    .leftJoin(
      operationMembers,
      and(
        eq(operationMembers.operationId, participations.operationId),
        eq(operationMembers.userId, users.id),
        isNull(operationMembers.removedAt),
      ),
    )
    .where(
      and(
        eq(participations.operationId, operationId),
        eq(participations.status, 'ACCEPTED'),
        agencyId ? eq(participations.agencyId, agencyId) : undefined,
      ),
    )
    .orderBy(asc(agencies.name), asc(users.displayName), asc(users.id));
}

export async function countCoordinators(db: Db, operationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(operationMembers)
    .where(
      and(eq(operationMembers.operationId, operationId), eq(operationMembers.role, 'COORDINATOR'), isNull(operationMembers.removedAt)),
    );
  return row?.n ?? 0;
}
