import type { Db } from '../../db/client';
import type { ServiceContext, Viewer } from '../../service-context';
import { eventAudience } from '../alerts/alerts.policy';
import { audienceOf, type AlertRow } from '../alerts/alerts.repo';
import { recordEvent } from '../../journal/record-event';
import type { OperationRow } from '../operations/operations.repo';
import { markPendingAlertsSeized, pendingVisibleAlerts } from './reconciliation.repo';
import { linkedAlertIds, type SeizureRow } from './seizures.repo';

/**
 * Reconciliation: a submitted seizure report answers the alerts it is linked to. Each linked alert
 * not yet SEIZED becomes SEIZED, with an event its own audience sees. The feedback a recipient gave
 * (NOTHING_FOUND, NOT_CONTROLLED) is theirs and stays on their AlertRecipient: the two are then for
 * the reviewer to reconcile by hand. It runs on submission, not on a draft: a draft is not yet the agency's word
 * and nobody outside the agency sees it. A later rejection leaves the outcome as it is: it
 * questions the report's details, not that the goods were seized; the corrected report, once
 * resubmitted, reconciles again. The caller holds the operation's row lock, which
 * feedback on the same alerts also takes, so the two never interleave.
 */
export async function reconcileLinkedAlerts(tx: Db, ctx: ServiceContext, submittedBy: Viewer, seizure: SeizureRow): Promise<number> {
  const ids = await linkedAlertIds(tx, seizure.id);
  if (!ids.length) return 0;
  const reconciled = await markPendingAlertsSeized(tx, ids, {
    outcomeNote: `Seizure report ${seizure.reference}`,
    outcomeBy: submittedBy.userId,
    outcomeAt: ctx.clock.now(),
  });
  for (const alert of reconciled.sort((a, b) => a.number - b.number)) {
    await recordEvent(
      tx,
      ctx,
      alert.operationId,
      'ALERT_RECONCILED',
      { alertId: alert.id, seizureId: seizure.id, outcome: 'SEIZED' },
      eventAudience(await audienceOf(tx, alert)),
    );
  }
  return reconciled.length;
}

/** Once past the operational phase, outcomes are due: these are the alerts still waiting for one. */
const FEEDBACK_DUE_IN = ['POST_OPERATIONAL', 'CLOSED'];

/** The "overdue feedback" list of the debriefing: the alerts the viewer may see still without an outcome once one is due. */
export async function alertsAwaitingFeedback(db: Db, viewer: Viewer, operation: Pick<OperationRow, 'id' | 'phase'>): Promise<AlertRow[]> {
  if (!FEEDBACK_DUE_IN.includes(operation.phase)) return [];
  return pendingVisibleAlerts(db, viewer, operation.id);
}
