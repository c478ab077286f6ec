import { randomUUID } from 'node:crypto';
import { acknowledgeAlertInput, alertReference, commentOnAlertInput, raiseAlertInput, type RaiseAlertInput } from '@jointops/shared/alerts';
import { contentDigest } from '../../content-digest';
import { ConflictError, PhaseRuleError, ValidationError } from '../../domain-errors';
import type { Db } from '../../db/client';
import type { ServiceContext, SignedIn } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { findCommoditiesByIds } from '../catalogue/catalogue.repo';
import { usableIn } from '../catalogue/commodity-scope';
import { eventFor, recordEvent } from '../../journal/record-event';
import type { OperationRow } from '../operations/operations.repo';
import { operationForAction, operationIdOf, requireOpen } from '../operations/operation-access';
import { alertForAction } from './alert-access';
import { requireNotWithdrawn } from './alert-withdrawal';
import { canAnswerAlert, canCommentOnAlert, canRaiseAlert, eventAudience, mayRaiseIn, type AlertAudience } from './alerts.policy';
import {
  acknowledgeRecipient,
  countAwaitingAcknowledgement,
  findAlertById,
  findCommentByIdempotencyKey,
  findRecipient,
  insertAlert,
  insertComment,
  raiseFacts,
  type AlertRow,
} from './alerts.repo';

const MINUTE = 60_000;

/** What a raise request asks for, blind to the order of its id lists. */
function contentHash(input: RaiseAlertInput, commodityIds: string[], recipientAgencyIds: string[]): string {
  const { operationId: _operationId, idempotencyKey: _key, commodityIds: _c, recipientAgencyIds: _r, ...content } = input;
  return contentDigest({ ...content, commodityIds: [...commodityIds].sort(), recipientAgencyIds: [...recipientAgencyIds].sort() });
}

/** Commodities must be catalogue items of the operation's catalogue version, or its own. */
export async function commodityIdsOf(tx: Db, globalIds: string[], operation: OperationRow): Promise<string[]> {
  const ids = [...new Set(globalIds.map((id, index) => idFromInput(id, 'Commodity', `commodityIds.${index}`)))];
  const version = operation.catalogueVersion;
  const found = (await findCommoditiesByIds(tx, ids)).filter((commodity) => usableIn(commodity, operation));
  if (found.length !== ids.length)
    throw ValidationError.field('commodityIds', 'NOT_IN_CATALOGUE', `Not all are items of the ${version} catalogue`, {
      catalogueVersion: version,
    });
  return ids;
}

/** RESTRICTED recipients: named, accepted agencies other than the originator's. */
function restrictedRecipients(globalIds: string[], acceptedAgencyIds: string[], originatorAgencyId: string): string[] {
  const ids = globalIds.map((id, index) => idFromInput(id, 'Agency', `recipientAgencyIds.${index}`));
  const accepted = new Set(acceptedAgencyIds);
  ids.forEach((id, index) => {
    if (id === originatorAgencyId)
      throw ValidationError.field(`recipientAgencyIds.${index}`, 'OWN_AGENCY_NOT_RECIPIENT', 'Your own agency raises the alert');
    if (!accepted.has(id))
      throw ValidationError.field(
        `recipientAgencyIds.${index}`,
        'RECIPIENT_NOT_PARTICIPANT',
        'Not an agency taking part in this operation',
      );
  });
  return [...new Set(ids)];
}

export async function raiseAlert(ctx: ServiceContext, rawInput: unknown): Promise<AlertRow> {
  return audited<AlertRow>(ctx, { action: 'raiseAlert', targetType: 'Alert', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(raiseAlertInput, rawInput);
    // The lock serialises raises in the operation: numbering and the idempotency check both rely on it.
    const { operation, viewer } = await operationForAction(tx, ctx, input.operationId, canRaiseAlert, 'raise alerts');
    const commodityIds = await commodityIdsOf(tx, input.commodityIds, operation);
    const { acceptedAgencyIds, earlier, nextNumber: number } = await raiseFacts(tx, operation.id, viewer.userId, input.idempotencyKey);
    const recipientIds =
      input.distribution === 'RESTRICTED'
        ? restrictedRecipients(input.recipientAgencyIds, acceptedAgencyIds, viewer.agencyId)
        : acceptedAgencyIds.filter((agencyId) => agencyId !== viewer.agencyId);
    const hash = contentHash(input, commodityIds, input.distribution === 'RESTRICTED' ? recipientIds : []);
    if (earlier) {
      if (earlier.contentHash !== hash) throw new ConflictError('This idempotency key was already used for a different alert.');
      // Read whole only here: a retry is rare, and every raise would otherwise read the columns.
      const first = (await findAlertById(tx, earlier.id))!;
      return { result: first, targetId: first.id, operationId: operation.id, details: { retried: true } };
    }
    if (!mayRaiseIn(operation.phase, input.category)) throw new PhaseRuleError(operation.phase, `Raising a ${input.category} alert`);
    const raisedAt = ctx.clock.now();
    const dueAt = new Date(raisedAt.getTime() + operation.acknowledgementMinutes[input.severity] * MINUTE);
    const alert = {
      id: randomUUID(),
      operationId: operation.id,
      number,
      reference: alertReference(operation.code, number),
      idempotencyKey: input.idempotencyKey,
      contentHash: hash,
      category: input.category,
      severity: input.severity,
      title: input.title,
      description: input.description ?? null,
      language: input.language ?? null,
      subject: input.subject ?? null,
      marking: input.marking,
      distribution: input.distribution,
      raisedBy: viewer.userId,
      raisedByAgencyId: viewer.agencyId,
      raisedAt,
    };
    const audience: AlertAudience = {
      distribution: alert.distribution,
      raisedByAgencyId: viewer.agencyId,
      recipientAgencyIds: recipientIds,
    };
    return {
      targetId: alert.id,
      operationId: operation.id,
      details: { reference: alert.reference, distribution: alert.distribution },
      event: eventFor(ctx, operation.id, 'ALERT_RAISED', { alertId: alert.id }, eventAudience(audience)),
      finish: (journal) => insertAlert(tx, alert, { agencyIds: recipientIds, dueAt }, commodityIds, journal),
    };
  });
}

/** Acknowledges the alert for the caller's agency; acknowledging again changes nothing. */
export async function acknowledgeAlert(ctx: ServiceContext, rawInput: unknown): Promise<AlertRow> {
  return audited(ctx, { action: 'acknowledgeAlert', targetType: 'Alert' }, async (tx) => {
    const input = parseInput(acknowledgeAlertInput, rawInput);
    const { alert, audience, operation, viewer } = await alertForAction(
      tx,
      ctx,
      input.alertId,
      canAnswerAlert,
      'acknowledge this alert for your agency',
    );
    requireOpen(operation, 'Acknowledging an alert');
    requireNotWithdrawn(alert);
    const recipient = (await findRecipient(tx, alert.id, viewer.agencyId))!;
    if (recipient.acknowledgedAt)
      return { result: alert, targetId: alert.id, operationId: operation.id, details: { alreadyAcknowledged: true } };
    await acknowledgeRecipient(tx, alert.id, viewer.agencyId, viewer.userId, ctx.clock.now());
    await recordEvent(
      tx,
      ctx,
      operation.id,
      'ALERT_ACKNOWLEDGED',
      { alertId: alert.id, agencyId: viewer.agencyId },
      eventAudience(audience),
    );
    return { result: alert, targetId: alert.id, operationId: operation.id };
  });
}

export async function commentOnAlert(ctx: ServiceContext, rawInput: unknown): Promise<AlertRow> {
  return audited(ctx, { action: 'commentOnAlert', targetType: 'Alert' }, async (tx) => {
    const input = parseInput(commentOnAlertInput, rawInput);
    const { alert, audience, operation, viewer } = await alertForAction(tx, ctx, input.alertId, canCommentOnAlert, 'comment on this alert');
    // Checked before the phase, as raiseAlert does: a retry of a comment made while the operation
    // was open is answered with its first result, even once the operation has closed.
    const earlier = input.idempotencyKey && (await findCommentByIdempotencyKey(tx, alert.id, viewer.userId, input.idempotencyKey));
    if (earlier) {
      if (earlier.body !== input.body) throw new ConflictError('This idempotency key was already used for a different comment.');
      return { result: alert, targetId: alert.id, operationId: operation.id, details: { retried: true } };
    }
    requireOpen(operation, 'Commenting on an alert');
    const comment = await insertComment(tx, {
      alertId: alert.id,
      authorId: viewer.userId,
      body: input.body,
      createdAt: ctx.clock.now(),
      idempotencyKey: input.idempotencyKey,
    });
    await recordEvent(tx, ctx, operation.id, 'ALERT_COMMENTED', { alertId: alert.id, commentId: comment.id }, eventAudience(audience));
    return { result: alert, targetId: alert.id, operationId: operation.id };
  });
}

/**
 * How many alerts of an operation the viewer sees wait for their agency's acknowledgement (and how
 * many of them are CRITICAL): counted where the alerts are, so that the room shows the figure
 * without fetching the alerts themselves. Only the viewer's own agency's count is ever told.
 */
export function awaitingAcknowledgementCount(
  ctx: SignedIn,
  operation: Pick<OperationRow, 'id'>,
): Promise<{ alerts: number; critical: number }> {
  return countAwaitingAcknowledgement(ctx.db, ctx.viewer, operation.id);
}
