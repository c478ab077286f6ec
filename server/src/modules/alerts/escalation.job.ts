import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { alertRecipients, alerts } from '../../db/schema/alerts';
import { operationMembers, operations } from '../../db/schema/operations';
import { startPeriodic } from '../../job-runner';
import type { AppDeps } from '../../service-context';
import { insertAuditEntry } from '../../journal/audit-entries.repo';
import { appendEvent } from '../../journal/events.repo';

const BATCH = 200;

/**
 * Records every missed acknowledgement deadline once: an ALERT_OVERDUE event for the originator's
 * agency and the coordinators' agencies (those that may see the alert). Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several processes running this at once never escalate one twice, and
 * the mark is stored with the event, so a restart neither repeats nor forgets one.
 */
export async function escalateOverdue(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const operationsTouched = new Set<string>();
  let escalated = 0;
  await deps.db.transaction(async (tx) => {
    const due = await tx
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
      .limit(BATCH)
      .for('update', { of: alertRecipients, skipLocked: true });
    // Appending takes each operation's row lock; taking them in one order everywhere rules out
    // two escalators deadlocking on each other's operations.
    due.sort((a, b) => a.operationId.localeCompare(b.operationId));
    for (const recipient of due) {
      await tx
        .update(alertRecipients)
        .set({ overdueEscalatedAt: now })
        .where(and(eq(alertRecipients.alertId, recipient.alertId), eq(alertRecipients.agencyId, recipient.agencyId)));
      const audience = await overdueAudience(tx, recipient);
      await appendEvent(tx, {
        operationId: recipient.operationId,
        type: 'ALERT_OVERDUE',
        occurredAt: now,
        actorUserId: null,
        audienceAgencyIds: audience,
        data: { alertId: recipient.alertId, agencyId: recipient.agencyId },
      });
      await insertAuditEntry(tx, {
        occurredAt: now,
        action: 'escalateOverdueAlert',
        targetType: 'Alert',
        targetId: recipient.alertId,
        operationId: recipient.operationId,
        outcome: 'SUCCEEDED',
        requestId: 'escalator',
        details: { reference: recipient.reference, agencyId: recipient.agencyId },
      });
      operationsTouched.add(recipient.operationId);
      escalated += 1;
    }
  });
  for (const operationId of operationsTouched) deps.pubSub.publish('operation:events', { operationId });
  return escalated;
}

/** The originator's agency and the coordinators' agencies — of those, only the ones that may see the alert. */
async function overdueAudience(
  tx: AppDeps['db'],
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

/** Runs the escalation every `intervalMs` in this process; any number of processes may. */
export const startEscalator = (deps: AppDeps, intervalMs: number) =>
  startPeriodic(deps, 'overdue escalation', intervalMs, () => escalateOverdue(deps));
