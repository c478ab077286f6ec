import type { Programme } from '@jointops/shared/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Viewer } from '../../service-context';
import { visibleTo } from '../operations/operations.repo';

// Which seizures (`s`) and operations a figure covers, as conditions for the figure queries. The
// need-to-know condition rides along in the statement itself, not only in the check before it.

export const seizuresOfOperation = (viewer: Viewer, operationId: string): SQL =>
  sql`s.operation_id = ${operationId} and ${visibleTo(viewer, sql`${operationId}::uuid`)}`;

/**
 * The operations of a programme the viewer may see. Exercise operations are left out: a
 * rehearsal's seizures are invented, and would inflate what the programme reports.
 */
export const programmeOperations = (viewer: Viewer, programme: Programme): SQL =>
  sql`select o.id from operations o where o.programme = ${programme} and not o.exercise and ${visibleTo(viewer, sql`o.id`)}`;

export const seizuresOfOperations = (operations: SQL): SQL => sql`s.operation_id in (${operations})`;

export async function countOperations(db: Db, operations: SQL): Promise<number> {
  // Both drivers answer execute() with { rows }; the generic database type cannot say so.
  const result = (await db.execute(sql`select count(*)::int as n from (${operations}) o`)) as { rows: { n: number }[] };
  return result.rows[0]!.n;
}
