import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alertRecipients, alerts } from '../../db/schema/alerts';
import { operationMembers, operations } from '../../db/schema/operations';

/**
 * Up to `limit` recipients whose acknowledgement deadline passed and who were not escalated yet,
 * oldest deadline first, claimed with FOR UPDATE SKIP LOCKED: another escalator skips them.
 */
export async function claimOverdueRecipients(db: Db, now: Date, limit: number) {
  return db
    .select({
      alertId: alertRecipients.alertId,
      agencyId: alertRecipients.agencyId,
      operationId: alerts.operationId,
      reference: alerts.reference,
      distribution: alerts.distribution,
      raisedByAgencyId: alerts.raisedByAgencyId,
    })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .innerJoin(operations, eq(operations.id, alerts.operationId))
    .where(
      and(
        isNull(alertRecipients.acknowledgedAt),
        isNull(alertRecipients.overdueEscalatedAt),
        lte(alertRecipients.dueAt, now),
        // A closed or cancelled operation is a record: nothing more happens in it.
        inArray(operations.phase, ['PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL']),
      ),
    )
    .orderBy(asc(alertRecipients.dueAt))
    .limit(limit)
    .for('update', { of: alertRecipients, skipLocked: true });
}

export type OverdueRecipient = Awaited<ReturnType<typeof claimOverdueRecipients>>[number];

export async function markEscalated(db: Db, recipient: Pick<OverdueRecipient, 'alertId' | 'agencyId'>, at: Date): Promise<void> {
  await db
    .update(alertRecipients)
    .set({ overdueEscalatedAt: at })
    .where(and(eq(alertRecipients.alertId, recipient.alertId), eq(alertRecipients.agencyId, recipient.agencyId)));
}

/** The originator's agency and the coordinators' agencies — of those, only the ones that may see the alert. */
export async function overdueAudience(
  tx: Db,
  alert: { operationId: string; alertId: string; distribution: 'ALL_PARTICIPANTS' | 'RESTRICTED'; raisedByAgencyId: string },
): Promise<string[]> {
  const coordinating = await tx
    .selectDistinct({ agencyId: operationMembers.agencyId })
    .from(operationMembers)
    .where(
      and(
        eq(operationMembers.operationId, alert.operationId),
        eq(operationMembers.role, 'COORDINATOR'),
        isNull(operationMembers.removedAt),
      ),
    );
  let agencies = coordinating.map((row) => row.agencyId);
  if (alert.distribution === 'RESTRICTED') {
    const named = await tx
      .select({ agencyId: alertRecipients.agencyId })
      .from(alertRecipients)
      .where(
        and(
          eq(alertRecipients.alertId, alert.alertId),
          inArray(alertRecipients.agencyId, agencies.length ? agencies : [alert.raisedByAgencyId]),
        ),
      );
    agencies = named.map((row) => row.agencyId);
  }
  return [...new Set([alert.raisedByAgencyId, ...agencies])];
}
