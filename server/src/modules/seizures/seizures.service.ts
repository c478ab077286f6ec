import { correctSeizureInput, reportSeizureInput, seizureReference, submitSeizureInput } from '@jointops/shared/seizures';
import { ConflictError } from '../../domain-errors';
import type { Db } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { recordEvent, recordEvents } from '../../journal/record-event';
import { operationForAction, operationIdOf, type OperationInContext } from '../operations/operation-access';
import { reconcileLinkedAlerts } from './reconciliation.service';
import { checkContent, reportDigest, type CheckedContent } from './seizure-content';
import { requireReportingPhase, seizureForAction } from './seizure-access';
import { canAmendSeizure, canReportSeizure, seizureEventAudience } from './seizures.policy';
import {
  findSeizureByIdempotencyKey,
  insertAlertLinks,
  insertSeizure,
  insertSeizures,
  linkedAlertIds,
  replaceAlertLinks,
  takeSeizureNumber,
  takeSeizureNumbers,
  updateSeizureRow,
  type NewSeizure,
  type SeizureRow,
} from './seizures.repo';

/** Reports a seizure for the caller's agency: a DRAFT, or submitted at once (the default). */
export async function reportSeizure(ctx: ServiceContext, rawInput: unknown): Promise<SeizureRow> {
  return audited(ctx, { action: 'reportSeizure', targetType: 'Seizure', operationId: operationIdOf(rawInput) }, async (tx) => {
    const { operationId, idempotencyKey, submit, ...content } = parseInput(reportSeizureInput, rawInput);
    // The lock serialises reports in the operation: numbering and the idempotency check both rely on it.
    const { operation, viewer } = await operationForAction(tx, ctx, operationId, canReportSeizure, 'report seizures');
    const now = ctx.clock.now();
    const checked = await checkContent(tx, viewer, operation, content, now);
    const hash = reportDigest({ ...content, submit }, checked);
    const earlier = await findSeizureByIdempotencyKey(tx, operation.id, viewer.userId, idempotencyKey);
    if (earlier) {
      if (earlier.contentHash !== hash) throw new ConflictError('This idempotency key was already used for a different seizure report.');
      return { result: earlier, targetId: earlier.id, operationId: operation.id, details: { retried: true } };
    }
    requireReportingPhase(operation, 'Reporting a seizure');
    const seizure = await createReport(tx, ctx, { operation, viewer }, { idempotencyKey, contentHash: hash, submit, checked });
    return {
      result: seizure,
      targetId: seizure.id,
      operationId: operation.id,
      details: { reference: seizure.reference, status: seizure.status },
    };
  });
}

export interface NewReport {
  idempotencyKey: string;
  contentHash: string;
  submit: boolean;
  checked: CheckedContent;
}

/**
 * Files one report in the caller's transaction, which holds the operation's row lock (numbering
 * relies on it): the report numbered, its alert links, its event, and the linked alerts'
 * outcomes when submitted. Reporting one seizure and importing a file both go through here.
 */
export async function createReport(
  tx: Db,
  ctx: ServiceContext,
  { operation, viewer }: Pick<OperationInContext, 'operation' | 'viewer'>,
  report: NewReport,
): Promise<SeizureRow> {
  const number = await takeSeizureNumber(tx, operation.id);
  const seizure = await insertSeizure(tx, reportRow({ operation, viewer }, report, number, ctx.clock.now()));
  await replaceAlertLinks(tx, seizure.id, report.checked.alertIds);
  await recordEvent(
    tx,
    ctx,
    operation.id,
    'SEIZURE_REPORTED',
    { seizureId: seizure.id, status: seizure.status },
    seizureEventAudience(seizure),
  );
  if (seizure.status === 'SUBMITTED') await reconcileLinkedAlerts(tx, ctx, viewer, seizure);
  return seizure;
}

/**
 * Files reports as createReport would one after the other, in the caller's transaction holding
 * the operation's row lock: the numbers and the event sequence numbers taken once for them all,
 * the rows, links and SEIZURE_REPORTED events inserted a few hundred a statement. Linked alerts
 * are then reconciled report by report, so an ALERT_RECONCILED event follows the batch's events
 * instead of its own report's, still after the event of the report it names.
 */
export async function createReports(
  tx: Db,
  ctx: ServiceContext,
  { operation, viewer }: Pick<OperationInContext, 'operation' | 'viewer'>,
  reports: NewReport[],
): Promise<SeizureRow[]> {
  if (!reports.length) return [];
  const now = ctx.clock.now();
  const numbers = await takeSeizureNumbers(tx, operation.id, reports.length);
  const seizures = await insertSeizures(
    tx,
    reports.map((report, index) => reportRow({ operation, viewer }, report, numbers[index]!, now)),
  );
  await insertAlertLinks(
    tx,
    seizures.flatMap((seizure, index) => reports[index]!.checked.alertIds.map((alertId) => ({ seizureId: seizure.id, alertId }))),
  );
  await recordEvents(
    tx,
    ctx,
    operation.id,
    'SEIZURE_REPORTED',
    seizures.map((seizure) => ({
      data: { seizureId: seizure.id, status: seizure.status },
      audienceAgencyIds: seizureEventAudience(seizure),
    })),
  );
  for (const [index, seizure] of seizures.entries())
    if (seizure.status === 'SUBMITTED' && reports[index]!.checked.alertIds.length) await reconcileLinkedAlerts(tx, ctx, viewer, seizure);
  return seizures;
}

/** The row of a new report numbered `number`: one report or a file's, the same columns. */
function reportRow(
  { operation, viewer }: Pick<OperationInContext, 'operation' | 'viewer'>,
  report: NewReport,
  number: number,
  now: Date,
): NewSeizure {
  return {
    ...report.checked.columns,
    operationId: operation.id,
    number,
    reference: seizureReference(operation.code, number),
    idempotencyKey: report.idempotencyKey,
    contentHash: report.contentHash,
    status: report.submit ? 'SUBMITTED' : 'DRAFT',
    reportingAgencyId: viewer.agencyId,
    reportedBy: viewer.userId,
    reportedAt: now,
    submittedAt: report.submit ? now : null,
    updatedAt: now,
  };
}

/** Sends a DRAFT to the operation: from now on every member sees it and reviewers may verify it. */
export async function submitSeizure(ctx: ServiceContext, rawInput: unknown): Promise<SeizureRow> {
  return audited(ctx, { action: 'submitSeizure', targetType: 'Seizure' }, async (tx) => {
    const input = parseInput(submitSeizureInput, rawInput);
    const found = await seizureForAction(tx, ctx, input.seizureId, canAmendSeizure, 'submit this seizure report');
    requireReportingPhase(found.operation, 'Submitting a seizure report');
    if (found.seizure.status !== 'DRAFT') throw new ConflictError(`Only a draft can be submitted; this report is ${found.seizure.status}.`);
    const now = ctx.clock.now();
    const seizure = await updateSeizureRow(tx, found.seizure.id, { status: 'SUBMITTED', submittedAt: now, updatedAt: now });
    await recordEvent(tx, ctx, seizure.operationId, 'SEIZURE_SUBMITTED', { seizureId: seizure.id }, seizureEventAudience(seizure));
    await reconcileLinkedAlerts(tx, ctx, found.viewer, seizure);
    return { result: seizure, targetId: seizure.id, operationId: seizure.operationId, details: { reference: seizure.reference } };
  });
}

/**
 * Rewrites what a DRAFT or REJECTED report says. A draft stays a draft until submitted; a
 * rejected report goes back to the reviewers at once, since a correction is the answer to a
 * rejection. The idempotency digest stays that of the first report, so a late retry of the
 * original request still finds it.
 */
export async function correctSeizure(ctx: ServiceContext, rawInput: unknown): Promise<SeizureRow> {
  return audited(ctx, { action: 'correctSeizure', targetType: 'Seizure' }, async (tx) => {
    const { seizureId, ...content } = parseInput(correctSeizureInput, rawInput);
    const found = await seizureForAction(tx, ctx, seizureId, canAmendSeizure, 'correct this seizure report');
    requireReportingPhase(found.operation, 'Correcting a seizure report');
    const was = found.seizure.status;
    if (was !== 'DRAFT' && was !== 'REJECTED')
      throw new ConflictError(`Only a draft or a rejected report can be corrected; this report is ${was}.`);
    const now = ctx.clock.now();
    const linked = new Set(await linkedAlertIds(tx, found.seizure.id));
    const checked = await checkContent(tx, found.viewer, found.operation, content, now, linked);
    const resubmitted = was === 'REJECTED';
    const seizure = await updateSeizureRow(tx, found.seizure.id, {
      ...checked.columns,
      updatedAt: now,
      ...(resubmitted ? { status: 'SUBMITTED' as const, submittedAt: now, rejectedBy: null, rejectedAt: null, rejectionReason: null } : {}),
    });
    await replaceAlertLinks(tx, seizure.id, checked.alertIds);
    await recordEvent(
      tx,
      ctx,
      seizure.operationId,
      'SEIZURE_CORRECTED',
      { seizureId: seizure.id, resubmitted },
      seizureEventAudience(seizure),
    );
    if (resubmitted) await reconcileLinkedAlerts(tx, ctx, found.viewer, seizure);
    return {
      result: seizure,
      targetId: seizure.id,
      operationId: seizure.operationId,
      details: { reference: seizure.reference, resubmitted },
    };
  });
}
