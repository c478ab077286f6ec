import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { operationMembers } from '../../db/schema/operations';

export type MemberRow = typeof operationMembers.$inferSelect;

/** Adds a member, or changes the role of a current one: one role per person per operation. */
export async function insertMember(db: Db, member: typeof operationMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await db
    .insert(operationMembers)
    .values(member)
    .onConflictDoUpdate({
      target: [operationMembers.operationId, operationMembers.userId],
      set: { role: member.role, assignedBy: member.assignedBy, assignedAt: member.assignedAt, removedAt: null },
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

export async function countCoordinators(db: Db, operationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(operationMembers)
    .where(and(eq(operationMembers.operationId, operationId), eq(operationMembers.role, 'COORDINATOR'), isNull(operationMembers.removedAt)));
  return row?.n ?? 0;
}
