import { startPeriodic } from '../../job-runner';
import type { AppDeps } from '../../service-context';
import type { Db } from '../../db/client';
import { insertAuditEntry } from '../../journal/audit-entries.repo';
import { appendEvent } from '../../journal/events.repo';
import {
  claimCoordinatorEscalations,
  claimOverdueRecipients,
  coordinatingAgencies,
  markEscalated,
  markEscalatedToCoordinators,
  overdueAudience,
  recipientAgencies,
  type OverdueRecipient,
} from './escalation.repo';
import { coordinatorEscalationAudience } from './escalation.policy';

const BATCH = 200;

type Escalation = OverdueRecipient & { level: 1 | 2 };

/** Who hears of the escalation. */
async function audienceOf(tx: Db, escalation: Escalation): Promise<string[]> {
  if (escalation.level === 1) return overdueAudience(tx, escalation);
  const alert = { ...escalation, recipientAgencyIds: await recipientAgencies(tx, escalation.alertId) };
  return coordinatorEscalationAudience(alert, await coordinatingAgencies(tx, escalation.operationId), escalation.agencyId);
}

/**
 * Records every missed acknowledgement deadline once per level: level 1 when the recipient's
 * deadline passes (ALERT_OVERDUE for the originator's agency and the coordinators' agencies that
 * may see the alert), level 2 when the operation's factor times it passes too (for the
 * coordinating agency, where it may see the alert, and the silent agency). Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several processes running this at once never escalate one twice, and
 * the mark is stored with the event, so a restart neither repeats nor forgets one.
 *
 * Each event says when its deadline passed (dueAt) and when it was noticed (detectedAt, also its
 * occurredAt): a server starting on a backlog records them all at once without pretending they
 * all just became due.
 */
export async function escalateOverdue(deps: AppDeps): Promise<number> {
  const detectedAt = deps.clock.now();
  const operationsTouched = new Set<string>();
  let escalated = 0;
  await deps.db.transaction(async (tx) => {
    const first = (await claimOverdueRecipients(tx, detectedAt, BATCH)).map((row) => ({ ...row, level: 1 as const }));
    // Level 1 is marked before level 2 is claimed, in this transaction: a recipient whose two
    // deadlines passed while no server ran is escalated at both levels in this one run.
    for (const escalation of first) await markEscalated(tx, escalation, detectedAt);
    const second = (await claimCoordinatorEscalations(tx, detectedAt, BATCH)).map((row) => ({ ...row, level: 2 as const }));
    for (const escalation of second) await markEscalatedToCoordinators(tx, escalation, detectedAt);
    // Appending takes each operation's row lock; taking them in one order everywhere rules out
    // two escalators deadlocking on each other's operations. Within an operation, the log gets
    // them in the order their deadlines passed.
    const due: Escalation[] = [...first, ...second].sort(
      (a, b) => a.operationId.localeCompare(b.operationId) || a.dueAt.getTime() - b.dueAt.getTime() || a.level - b.level,
    );
    for (const escalation of due) {
      const audience = await audienceOf(tx, escalation);
      await appendEvent(tx, {
        operationId: escalation.operationId,
        type: 'ALERT_OVERDUE',
        occurredAt: detectedAt,
        actorUserId: null,
        audienceAgencyIds: audience,
        data: {
          alertId: escalation.alertId,
          agencyId: escalation.agencyId,
          level: escalation.level,
          dueAt: escalation.dueAt.toISOString(),
          detectedAt: detectedAt.toISOString(),
        },
      });
      await insertAuditEntry(tx, {
        occurredAt: detectedAt,
        action: 'escalateOverdueAlert',
        targetType: 'Alert',
        targetId: escalation.alertId,
        operationId: escalation.operationId,
        outcome: 'SUCCEEDED',
        requestId: 'escalator',
        details: {
          reference: escalation.reference,
          agencyId: escalation.agencyId,
          level: escalation.level,
          dueAt: escalation.dueAt.toISOString(),
        },
      });
      operationsTouched.add(escalation.operationId);
      escalated += 1;
    }
  });
  for (const operationId of operationsTouched) deps.pubSub.publish('operation:events', { operationId });
  return escalated;
}

/** Runs the escalation every `intervalMs` in this process; any number of processes may. */
export const startEscalator = (deps: AppDeps, intervalMs: number) =>
  startPeriodic(deps, 'overdue escalation', intervalMs, () => escalateOverdue(deps));
