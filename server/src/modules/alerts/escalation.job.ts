import { startPeriodic } from '../../job-runner';
import type { AppDeps } from '../../service-context';
import { insertAuditEntry } from '../../journal/audit-entries.repo';
import { appendEvent } from '../../journal/events.repo';
import { claimOverdueRecipients, markEscalated, overdueAudience } from './escalation.repo';

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
    const due = await claimOverdueRecipients(tx, now, BATCH);
    // Appending takes each operation's row lock; taking them in one order everywhere rules out
    // two escalators deadlocking on each other's operations.
    due.sort((a, b) => a.operationId.localeCompare(b.operationId));
    for (const recipient of due) {
      await markEscalated(tx, recipient, now);
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

/** Runs the escalation every `intervalMs` in this process; any number of processes may. */
export const startEscalator = (deps: AppDeps, intervalMs: number) =>
  startPeriodic(deps, 'overdue escalation', intervalMs, () => escalateOverdue(deps));
