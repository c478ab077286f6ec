import { OPEN_PHASES } from '@jointops/shared/domain';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { operationMembers, operations, participations } from '../../db/schema/operations';

// What accounts needs to know of a person's place in operations, read from the operation tables
// here: operations is built on accounts, so accounts may not import it.

/** Whether the person is a current member of any operation that is not yet closed or cancelled. */
export async function isMemberOfAnOpenOperation(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: operationMembers.id })
    .from(operationMembers)
    .innerJoin(operations, eq(operations.id, operationMembers.operationId))
    .where(and(eq(operationMembers.userId, userId), isNull(operationMembers.removedAt), inArray(operations.phase, [...OPEN_PHASES])))
    .limit(1);
  return row !== undefined;
}

/** Whether two people are current members of one operation whose agencies both accepted. */
export async function shareAnOperation(db: Db, userId: string, otherUserId: string): Promise<boolean> {
  // Both drivers answer execute() with { rows }; the generic database type cannot say so.
  const result = (await db.execute(sql`select exists (
    select 1 from ${operationMembers} a
    join ${operationMembers} b on b.operation_id = a.operation_id
    join ${participations} pa on pa.operation_id = a.operation_id and pa.agency_id = a.agency_id and pa.status = 'ACCEPTED'
    join ${participations} pb on pb.operation_id = b.operation_id and pb.agency_id = b.agency_id and pb.status = 'ACCEPTED'
    where a.user_id = ${userId} and b.user_id = ${otherUserId} and a.removed_at is null and b.removed_at is null) as shared`)) as {
    rows: { shared: boolean }[];
  };
  return result.rows[0]?.shared === true;
}
