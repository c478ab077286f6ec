import { giveAlertFeedbackInput } from '@jointops/shared/alerts';
import type { AlertOutcome } from '@jointops/shared/domain';
import { ConflictError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import { requireOpen } from '../operations/operation-access';
import { requireNotWithdrawn } from './alert-withdrawal';
import { canAnswerAlert, eventAudience } from './alerts.policy';
import type { AlertRow } from './alerts.repo';
import { alertForAction } from './alert-access';
import { findFeedbackByIdempotencyKey, recordFeedback, refreshOutcome } from './alert-feedback.repo';

/**
 * A recipient agency tells what came of the alert. The word is its agency's: another recipient's
 * never replaces it, and its own next word supersedes it while keeping it as history. Only an
 * agency the alert was sent to answers; one that cannot see the alert is told it does not exist.
 */
export async function giveAlertFeedback(ctx: ServiceContext, rawInput: unknown): Promise<AlertRow> {
  return audited(ctx, { action: 'giveAlertFeedback', targetType: 'Alert' }, async (tx) => {
    const input = parseInput(giveAlertFeedbackInput, rawInput);
    const found = await alertForAction(tx, ctx, input.alertId, canAnswerAlert, 'give feedback on this alert');
    // A retry is answered before the phase and withdrawal are checked, as raiseAlert does: the
    // feedback it repeats was accepted, and superseding it since does not make it new again.
    const earlier =
      input.idempotencyKey && (await findFeedbackByIdempotencyKey(tx, found.alert.id, found.viewer.userId, input.idempotencyKey));
    if (earlier) {
      if (earlier.outcome !== input.outcome || earlier.note !== input.note)
        throw new ConflictError('This idempotency key was already used for different feedback.');
      return { result: found.alert, targetId: found.alert.id, operationId: found.alert.operationId, details: { retried: true } };
    }
    requireOpen(found.operation, 'Giving feedback on an alert');
    requireNotWithdrawn(found.alert);
    const now = ctx.clock.now();
    const outcome = input.outcome as Exclude<AlertOutcome, 'PENDING'>;
    const { feedback, amended } = await recordFeedback(tx, {
      alertId: found.alert.id,
      agencyId: found.viewer.agencyId,
      outcome,
      note: input.note,
      givenBy: found.viewer.userId,
      givenAt: now,
      idempotencyKey: input.idempotencyKey,
    });
    const alert = await refreshOutcome(tx, found.alert.id, { outcomeNote: input.note, outcomeBy: found.viewer.userId, outcomeAt: now });
    await recordEvent(
      tx,
      ctx,
      alert.operationId,
      'ALERT_FEEDBACK_GIVEN',
      { alertId: alert.id, outcome, agencyId: found.viewer.agencyId, feedbackId: feedback.id, amended },
      eventAudience(found.audience),
    );
    return { result: alert, targetId: alert.id, operationId: alert.operationId, details: { outcome, amended } };
  });
}
