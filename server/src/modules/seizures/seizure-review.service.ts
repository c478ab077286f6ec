import type { z } from 'zod';
import { rejectSeizureInput, verifySeizureInput } from '@jointops/shared/seizures';
import { ConflictError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import { requireReportingPhase, seizureForAction } from './seizure-access';
import { canReviewSeizure } from './seizures.policy';
import { updateSeizureRow, type SeizureChanges, type SeizureRow } from './seizures.repo';

// Review: a reviewer (or a coordinator) who did not file the report verifies it, or rejects it
// with the reason the reporting agency needs to correct it. Only a submitted report is reviewed.

interface Decision<Input> {
  action: 'verifySeizure' | 'rejectSeizure';
  schema: z.ZodType<Input>;
  /** What the reviewer does, as in "… this seizure report". */
  verb: 'verify' | 'reject';
  /** What the report becomes, and the event that says so. */
  outcome: (
    input: Input,
    reviewerId: string,
    now: Date,
  ) => { changes: SeizureChanges } & (
    | { event: 'SEIZURE_VERIFIED'; data?: never }
    | { event: 'SEIZURE_REJECTED'; data: { reason: string } }
  );
}

async function review<Input extends { seizureId: string }>(
  ctx: ServiceContext,
  rawInput: unknown,
  decision: Decision<Input>,
): Promise<SeizureRow> {
  return audited(ctx, { action: decision.action, targetType: 'Seizure' }, async (tx) => {
    const input = parseInput(decision.schema, rawInput);
    const found = await seizureForAction(tx, ctx, input.seizureId, canReviewSeizure, `${decision.verb} this seizure report`);
    requireReportingPhase(found.operation, `Reviewing a seizure report`);
    if (found.seizure.status !== 'SUBMITTED')
      throw new ConflictError(`Only a submitted report can be reviewed; this report is ${found.seizure.status}.`);
    const now = ctx.clock.now();
    const { changes, event, data } = decision.outcome(input, found.viewer.userId, now);
    const seizure = await updateSeizureRow(tx, found.seizure.id, { ...changes, updatedAt: now });
    await recordEvent(tx, ctx, seizure.operationId, event, { seizureId: seizure.id, ...data });
    return { result: seizure, targetId: seizure.id, operationId: seizure.operationId, details: { reference: seizure.reference } };
  });
}

export const verifySeizure = (ctx: ServiceContext, rawInput: unknown) =>
  review(ctx, rawInput, {
    action: 'verifySeizure',
    schema: verifySeizureInput,
    verb: 'verify',
    outcome: (_input, reviewerId, now) => ({
      changes: { status: 'VERIFIED', verifiedBy: reviewerId, verifiedAt: now },
      event: 'SEIZURE_VERIFIED',
    }),
  });

export const rejectSeizure = (ctx: ServiceContext, rawInput: unknown) =>
  review(ctx, rawInput, {
    action: 'rejectSeizure',
    schema: rejectSeizureInput,
    verb: 'reject',
    // The reason travels with the event too: a correction clears it from the report, the timeline keeps it.
    outcome: (input, reviewerId, now) => ({
      changes: { status: 'REJECTED', rejectedBy: reviewerId, rejectedAt: now, rejectionReason: input.reason },
      event: 'SEIZURE_REJECTED',
      data: { reason: input.reason },
    }),
  });
