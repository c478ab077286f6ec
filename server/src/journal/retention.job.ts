import { and, eq, gt, lt, lte, max, sql } from 'drizzle-orm';
import { operationEvents, operations } from '../db/schema/operations';
import { startPeriodic } from '../job-runner';
import type { AppDeps } from '../service-context';

// Event retention: events older than the retention period leave the log, oldest first. Each step
// moves the operation's pruned-through horizon and deletes up to it in one transaction, under the
// operation's row lock (writers wait a moment; another process pruning the same operation finds
// the work done). The log's trigger refuses any delete above the horizon, and a stream asked to
// resume from below it answers ResyncRequired instead of skipping what is gone.

const DAY = 86_400_000;
/** Events deleted per transaction, so that one operation's long history never holds a lock for long. */
const STEP = 5_000;

/** Deletes the events older than the retention period; answers how many. */
export async function pruneExpiredEvents(deps: AppDeps, retentionDays: number): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - retentionDays * DAY);
  const expired = await deps.db
    .select({ operationId: operationEvents.operationId, throughSeq: max(operationEvents.seq) })
    .from(operationEvents)
    .where(lt(operationEvents.occurredAt, cutoff))
    .groupBy(operationEvents.operationId);
  let pruned = 0;
  for (const { operationId, throughSeq } of expired) {
    for (;;) {
      const deleted = await pruneStep(deps, operationId, throughSeq!);
      pruned += deleted;
      if (deleted === 0) break;
    }
  }
  if (pruned) deps.logger.info({ pruned, cutoff }, 'expired events pruned');
  return pruned;
}

/** Moves the horizon by at most STEP towards `throughSeq` and deletes what it passed. */
async function pruneStep(deps: AppDeps, operationId: string, throughSeq: number): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const [operation] = await tx
      .select({ prunedThrough: operations.eventsPrunedThroughSeq })
      .from(operations)
      .where(eq(operations.id, operationId))
      .for('update');
    const from = operation!.prunedThrough;
    const to = Math.min(throughSeq, from + STEP);
    if (to <= from) return 0;
    await tx.update(operations).set({ eventsPrunedThroughSeq: to }).where(eq(operations.id, operationId));
    const removed = await tx
      .delete(operationEvents)
      .where(and(eq(operationEvents.operationId, operationId), gt(operationEvents.seq, from), lte(operationEvents.seq, to)))
      .returning({ seq: sql`1` });
    return removed.length;
  });
}

/** Prunes every `intervalMs` when a retention period is configured; keeps everything otherwise. */
export function startRetention(deps: AppDeps) {
  const { retentionDays, retentionIntervalMs } = deps.config.events;
  return startPeriodic(deps, 'event retention', retentionIntervalMs, async () =>
    retentionDays > 0 ? pruneExpiredEvents(deps, retentionDays) : 0,
  );
}
