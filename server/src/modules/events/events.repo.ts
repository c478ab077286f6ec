import { and, asc, eq, gt, isNull, or, sql, arrayContains } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { operationEvents, operations } from '../../db/schema/operations';

export interface NewEvent {
  operationId: string;
  type: string;
  occurredAt: Date;
  actorUserId: string | null;
  /** Agencies that may see it; null = every member of the operation. */
  audienceAgencyIds: string[] | null;
  data: Record<string, unknown>;
}

export type EventRow = typeof operationEvents.$inferSelect;

/**
 * Appends an event inside the caller's transaction. Bumping the operation's counter takes its row
 * lock until commit, so the next writer gets the next number only after this one is visible:
 * sequence order is commit order, and a reader reading "after N" never skips a slow writer.
 */
export async function appendEvent(tx: Db, event: NewEvent): Promise<number> {
  const [row] = await tx
    .update(operations)
    .set({ lastEventSeq: sql`${operations.lastEventSeq} + 1` })
    .where(eq(operations.id, event.operationId))
    .returning({ seq: operations.lastEventSeq });
  if (!row) throw new Error(`operation ${event.operationId} vanished while appending an event`);
  await tx.insert(operationEvents).values({ ...event, seq: row.seq });
  return row.seq;
}

/** Events after `afterSeq` that the viewer's agency may see, oldest first. */
export async function readEvents(db: Db, operationId: string, viewerAgencyId: string, afterSeq: number, limit: number): Promise<EventRow[]> {
  return db
    .select()
    .from(operationEvents)
    .where(
      and(
        eq(operationEvents.operationId, operationId),
        gt(operationEvents.seq, afterSeq),
        or(isNull(operationEvents.audienceAgencyIds), arrayContains(operationEvents.audienceAgencyIds, [viewerAgencyId])),
      ),
    )
    .orderBy(asc(operationEvents.seq))
    .limit(limit);
}
