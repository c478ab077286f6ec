import { startPeriodic } from '../../job-runner';
import type { AppDeps } from '../../service-context';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../journal/audit-entries.repo';
import { appendEvents, type NewEvent } from '../../journal/events.repo';
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

/** Answers each question once per run: a backlog asks the same of one alert or operation many times. */
function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (key) => {
    const value = known.get(key) ?? load(key);
    known.set(key, value);
    return value;
  };
}

/** Who hears of each escalation: level 1 by the alert, level 2 by the alert, its operation and the silent agency. */
function audiences(tx: Db, first: readonly Escalation[]) {
  const byAlert = new Map(first.map((escalation) => [escalation.alertId, escalation]));
  const firstLevel = memo((alertId) => overdueAudience(tx, byAlert.get(alertId)!));
  const recipients = memo((alertId) => recipientAgencies(tx, alertId));
  const coordinating = memo((operationId) => coordinatingAgencies(tx, operationId));
  return async (escalation: Escalation): Promise<string[]> => {
    if (escalation.level === 1) return firstLevel(escalation.alertId);
    const alert = { ...escalation, recipientAgencyIds: await recipients(escalation.alertId) };
    return coordinatorEscalationAudience(alert, await coordinating(escalation.operationId), escalation.agencyId);
  };
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
  const byOperation = new Map<string, NewEvent[]>();
  await deps.db.transaction(async (tx) => {
    const first = (await claimOverdueRecipients(tx, detectedAt, BATCH)).map((row) => ({ ...row, level: 1 as const }));
    // Level 1 is marked before level 2 is claimed, in this transaction: a recipient whose two
    // deadlines passed while no server ran is escalated at both levels in this one run.
    await markEscalated(tx, first, detectedAt);
    const second = (await claimCoordinatorEscalations(tx, detectedAt, BATCH)).map((row) => ({ ...row, level: 2 as const }));
    await markEscalatedToCoordinators(tx, second, detectedAt);
    // Appending takes each operation's row lock; taking them in one order everywhere rules out
    // two escalators deadlocking on each other's operations. Within an operation, the log gets
    // them in the order their deadlines passed.
    const due: Escalation[] = [...first, ...second].sort(
      (a, b) => a.operationId.localeCompare(b.operationId) || a.dueAt.getTime() - b.dueAt.getTime() || a.level - b.level,
    );
    const audienceOf = audiences(tx, first);
    for (const escalation of due) {
      const events = byOperation.get(escalation.operationId) ?? [];
      byOperation.set(escalation.operationId, events);
      events.push({
        operationId: escalation.operationId,
        type: 'ALERT_OVERDUE',
        occurredAt: detectedAt,
        actorUserId: null,
        audienceAgencyIds: await audienceOf(escalation),
        data: {
          alertId: escalation.alertId,
          agencyId: escalation.agencyId,
          level: escalation.level,
          dueAt: escalation.dueAt.toISOString(),
          detectedAt: detectedAt.toISOString(),
        },
      });
    }
    // One bump of each operation's counter for its events, in the order above.
    for (const events of byOperation.values()) await appendEvents(tx, events);
    await insertAuditEntries(
      tx,
      due.map((escalation) => ({
        occurredAt: detectedAt,
        action: 'escalateOverdueAlert',
        targetType: 'Alert',
        targetId: escalation.alertId,
        operationId: escalation.operationId,
        outcome: 'SUCCEEDED' as const,
        requestId: 'escalator',
        details: {
          reference: escalation.reference,
          agencyId: escalation.agencyId,
          level: escalation.level,
          dueAt: escalation.dueAt.toISOString(),
        },
      })),
    );
  });
  for (const operationId of byOperation.keys()) deps.pubSub.publish('operation:events', { operationId });
  return [...byOperation.values()].reduce((sum, events) => sum + events.length, 0);
}

/** Runs the escalation every `intervalMs` in this process; any number of processes may. */
export const startEscalator = (deps: AppDeps, intervalMs: number) =>
  startPeriodic(deps, 'overdue escalation', intervalMs, () => escalateOverdue(deps));
