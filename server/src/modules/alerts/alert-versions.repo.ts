import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alertVersions } from '../../db/schema/alert-versions';
import { alertCommodities, alertRecipients, alerts } from '../../db/schema/alerts';
import type { AlertRow } from './alerts.repo';

export async function commodityIdsOfAlert(db: Db, alertId: string): Promise<string[]> {
  const rows = await db
    .select({ commodityId: alertCommodities.commodityId })
    .from(alertCommodities)
    .where(eq(alertCommodities.alertId, alertId))
    .orderBy(asc(alertCommodities.commodityId));
  return rows.map((row) => row.commodityId);
}

export async function replaceCommodities(tx: Db, alertId: string, commodityIds: string[]): Promise<void> {
  await tx.delete(alertCommodities).where(eq(alertCommodities.alertId, alertId));
  if (commodityIds.length) await tx.insert(alertCommodities).values(commodityIds.map((commodityId) => ({ alertId, commodityId })));
}

export async function insertVersion(tx: Db, version: typeof alertVersions.$inferInsert): Promise<void> {
  await tx.insert(alertVersions).values(version);
}

/** The acknowledgements given so far, agency by agency. */
export async function acknowledgementsOf(db: Db, alertId: string) {
  return db
    .select({
      agencyId: alertRecipients.agencyId,
      acknowledgedAt: alertRecipients.acknowledgedAt,
      acknowledgedBy: alertRecipients.acknowledgedBy,
    })
    .from(alertRecipients)
    .where(and(eq(alertRecipients.alertId, alertId), isNotNull(alertRecipients.acknowledgedAt)))
    .orderBy(asc(alertRecipients.agencyId));
}

/**
 * Every recipient must acknowledge again by `dueAt`: acknowledgements and both levels' escalation
 * marks are cleared, so a missed new deadline is escalated like a first one.
 */
export async function askAcknowledgementAgain(tx: Db, alertId: string, dueAt: Date): Promise<void> {
  await tx
    .update(alertRecipients)
    .set({ dueAt, acknowledgedAt: null, acknowledgedBy: null, overdueEscalatedAt: null, coordinatorEscalatedAt: null })
    .where(eq(alertRecipients.alertId, alertId));
}

/** Writes the alert's new version; the caller holds the operation's lock and checked `version` under it. */
export async function updateAlertVersion(
  tx: Db,
  id: string,
  version: number,
  changes: Partial<typeof alerts.$inferInsert>,
): Promise<AlertRow> {
  const [row] = await tx
    .update(alerts)
    .set(changes)
    .where(and(eq(alerts.id, id), eq(alerts.version, version)))
    .returning();
  return row!;
}
