import { type AmendAlertInput, amendAlertInput, amendedSubject, withdrawAlertInput } from '@jointops/shared/alerts';
import { ALERT_SEVERITIES, type AlertSeverity } from '@jointops/shared/domain';
import { ConflictError, ValidationError } from '../../domain-errors';
import { audited } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import type { ServiceContext } from '../../service-context';
import { parseInput } from '../../validate';
import { requireOpen } from '../operations/operation-access';
import { requireNotWithdrawn } from './alert-withdrawal';
import {
  acknowledgementsOf,
  askAcknowledgementAgain,
  commodityIdsOfAlert,
  insertVersion,
  replaceCommodities,
  updateAlertVersion,
} from './alert-versions.repo';
import { canAmendAlert, eventAudience } from './alerts.policy';
import type { AlertRow } from './alerts.repo';
import { alertForAction } from './alert-access';
import { commodityIdsOf } from './alerts.service';

const MINUTE = 60_000;

const rises = (from: AlertSeverity, to: AlertSeverity) => ALERT_SEVERITIES.indexOf(to) > ALERT_SEVERITIES.indexOf(from);

const sameIds = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((id, index) => id === [...b].sort()[index]);

/** The subject the amendment gives, checked against the alert's category as raising checks it; the alert's own when none is given. */
function amendedSubjectOf(alert: AlertRow, input: AmendAlertInput): Record<string, unknown> | null {
  const checked = amendedSubject(alert.category, input.subject, input.typedSubject);
  if ('issues' in checked) throw new ValidationError(checked.issues.map((issue) => ({ ...issue, path: issue.path.map(String) })));
  return checked.subject === undefined ? alert.subject : checked.subject;
}

/**
 * Corrects what an alert says, as a new version; the one it replaces is kept with who wrote it and
 * when. A graver severity asks every recipient to acknowledge again, with the new severity's
 * deadline from now; a lighter one leaves acknowledgements and deadlines as they are. A TEST alert
 * may have its words corrected but never its severity: its acknowledgements are the readiness
 * gate's proof that each agency's channel works, and only a severity rise touches them, so no
 * amendment can take that proof away or hand it out.
 */
export async function amendAlert(ctx: ServiceContext, rawInput: unknown): Promise<AlertRow> {
  return audited(ctx, { action: 'amendAlert', targetType: 'Alert' }, async (tx) => {
    const input = parseInput(amendAlertInput, rawInput);
    const { alert, audience, operation, viewer } = await alertForAction(tx, ctx, input.alertId, canAmendAlert, 'amend this alert');
    requireOpen(operation, 'Amending an alert');
    requireNotWithdrawn(alert);
    if (alert.category === 'TEST' && input.severity && input.severity !== alert.severity)
      throw ValidationError.field(
        'severity',
        'TEST_ALERT_KEEPS_SEVERITY',
        'A TEST alert keeps its severity: its acknowledgements are the readiness proof',
      );
    if (alert.version !== input.expectedVersion)
      throw new ConflictError('This alert was amended since you read it: read its current version before correcting it.');
    const commodityIdsBefore = await commodityIdsOfAlert(tx, alert.id);
    const next = {
      severity: input.severity ?? alert.severity,
      title: input.title ?? alert.title,
      description: input.description === undefined ? alert.description : input.description,
      language: input.language === undefined ? alert.language : input.language,
      subject: amendedSubjectOf(alert, input),
    };
    const commodityIds = input.commodityIds === undefined ? commodityIdsBefore : await commodityIdsOf(tx, input.commodityIds, operation);
    const changed = [
      ...(Object.keys(next) as (keyof typeof next)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(alert[key])),
      ...(sameIds(commodityIds, commodityIdsBefore) ? [] : ['commodityIds']),
    ];
    if (changed.length === 0)
      throw new ValidationError([{ path: [], key: 'NOTHING_CHANGED', message: 'Nothing differs from the current version' }]);
    const now = ctx.clock.now();
    const severityRaised = rises(alert.severity, next.severity);
    const cleared = severityRaised ? await acknowledgementsOf(tx, alert.id) : [];
    await insertVersion(tx, {
      alertId: alert.id,
      version: alert.version,
      severity: alert.severity,
      title: alert.title,
      description: alert.description,
      language: alert.language,
      subject: alert.subject,
      commodityIds: commodityIdsBefore,
      madeBy: alert.amendedBy ?? alert.raisedBy,
      madeAt: alert.amendedAt ?? alert.raisedAt,
      supersededAt: now,
      clearedAcknowledgements: cleared.map((ack) => ({
        agencyId: ack.agencyId,
        acknowledgedAt: ack.acknowledgedAt!.toISOString(),
        acknowledgedBy: ack.acknowledgedBy,
      })),
    });
    const amended = await updateAlertVersion(tx, alert.id, alert.version, {
      ...next,
      version: alert.version + 1,
      amendedBy: viewer.userId,
      amendedAt: now,
      ...(severityRaised ? { severityRaisedAt: now } : {}),
    });
    if (changed.includes('commodityIds')) await replaceCommodities(tx, alert.id, commodityIds);
    if (severityRaised)
      await askAcknowledgementAgain(tx, alert.id, new Date(now.getTime() + operation.acknowledgementMinutes[next.severity] * MINUTE));
    await recordEvent(
      tx,
      ctx,
      operation.id,
      'ALERT_AMENDED',
      { alertId: alert.id, version: amended.version, changed, severityRaised },
      eventAudience(audience),
    );
    return {
      result: amended,
      targetId: alert.id,
      operationId: operation.id,
      details: { version: amended.version, changed, severityRaised, clearedAcknowledgements: cleared },
    };
  });
}

/**
 * Withdraws an alert: it stays readable by its audience as it was, with who withdrew it, when and
 * why, but is no longer escalated, acknowledged, answered or amended. A withdrawn TEST alert keeps
 * the acknowledgements it got (they did prove the channel); it just cannot collect more.
 */
export async function withdrawAlert(ctx: ServiceContext, rawInput: unknown): Promise<AlertRow> {
  return audited(ctx, { action: 'withdrawAlert', targetType: 'Alert' }, async (tx) => {
    const input = parseInput(withdrawAlertInput, rawInput);
    const { alert, audience, operation, viewer } = await alertForAction(tx, ctx, input.alertId, canAmendAlert, 'withdraw this alert');
    requireOpen(operation, 'Withdrawing an alert');
    requireNotWithdrawn(alert);
    const withdrawn = await updateAlertVersion(tx, alert.id, alert.version, {
      withdrawnBy: viewer.userId,
      withdrawnAt: ctx.clock.now(),
      withdrawalReason: input.reason,
    });
    await recordEvent(tx, ctx, operation.id, 'ALERT_WITHDRAWN', { alertId: alert.id }, eventAudience(audience));
    return { result: withdrawn, targetId: alert.id, operationId: operation.id, details: { reason: input.reason } };
  });
}
