import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alerts } from '../../db/schema/alerts';
import type { Viewer } from '../../service-context';
import { type AlertRow, alertVisibleTo } from '../alerts/alerts.repo';

/**
 * Gives the alerts among `ids` not yet SEIZED that outcome: a submitted seizure report makes it
 * the derived outcome (alert-feedback.repo.ts) whatever a recipient answered, and the recipients'
 * own feedback stays theirs.
 */
export async function markPendingAlertsSeized(
  tx: Db,
  ids: string[],
  outcome: { outcomeNote: string; outcomeBy: string; outcomeAt: Date },
): Promise<AlertRow[]> {
  return tx
    .update(alerts)
    .set({ outcome: 'SEIZED', ...outcome })
    .where(and(inArray(alerts.id, ids), ne(alerts.outcome, 'SEIZED')))
    .returning();
}

/**
 * The alerts of the operation the viewer may see that still have no outcome, by number. TEST
 * alerts are left out: they checked the channel, there was nothing to find.
 */
export async function pendingVisibleAlerts(db: Db, viewer: Viewer, operationId: string): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.operationId, operationId), eq(alerts.outcome, 'PENDING'), ne(alerts.category, 'TEST'), alertVisibleTo(viewer)))
    .orderBy(asc(alerts.number));
}
