import { advancePhaseInput, recordFinalReportInput } from '@jointops/shared/operations';
import type { Phase } from '@jointops/shared/domain';
import { ConflictError, PhaseGateError, PhaseRuleError, ValidationError } from '../../domain-errors';
import type { Db } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import { countUnsettledSeizures } from './gate-facts.repo';
import { canPlan, canRecordFinalReport } from './operations.policy';
import { acceptedAgencyFacts, countTargets, findPhases, recordTransition, updateOperationRow, type OperationRow } from './operations.repo';
import { operationForAction, operationIdOf } from './operation-access';
import { isAllowedTransition, unmetCriteria, type GateCriterion, type GateFacts } from './phase-gates';

type GatedOperation = Pick<OperationRow, 'id' | 'phase' | 'finalReportRecordedAt'>;

async function gateFacts(db: Db, operation: GatedOperation, now: Date, justification: string | null): Promise<GateFacts> {
  const phases = await findPhases(db, operation.id);
  const plannedPhases: GateFacts['plannedPhases'] = {};
  for (const row of phases) {
    if (row.plannedStartsAt && row.plannedEndsAt) plannedPhases[row.phase] = { startsAt: row.plannedStartsAt, endsAt: row.plannedEndsAt };
  }
  return {
    now,
    acceptedAgencies: await acceptedAgencyFacts(db, operation.id),
    targetCommodities: await countTargets(db, operation.id),
    plannedPhases,
    unsettledSeizures: await countUnsettledSeizures(db, operation.id),
    finalReportRecorded: operation.finalReportRecordedAt !== null,
    justification,
  };
}

/** What stops the operation moving to `to` now; empty when it may go. */
export async function phaseGate(ctx: ServiceContext, operation: GatedOperation, to: Phase): Promise<GateCriterion[]> {
  if (!isAllowedTransition(operation.phase, to)) {
    return [{ key: 'transition', description: `${to} does not follow ${operation.phase}` }];
  }
  return unmetCriteria(to, await gateFacts(ctx.db, operation, ctx.clock.now(), null));
}

export async function advancePhase(ctx: ServiceContext, rawInput: unknown): Promise<OperationRow> {
  return audited(ctx, { action: 'advancePhase', targetType: 'Operation', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(advancePhaseInput, rawInput);
    // The row lock serialises coordinators advancing at once: the second sees the phase the
    // first set and is told so, instead of advancing twice.
    const { operation } = await operationForAction(tx, ctx, input.operationId, canPlan, 'change the phase');
    const from = operation.phase;
    if (from === 'CLOSED' || from === 'CANCELLED') throw new PhaseRuleError(from, 'Changing the phase');
    if (from === input.to) throw new ConflictError(`The operation is already ${from}.`);
    if (!isAllowedTransition(from, input.to))
      throw ValidationError.field('to', 'PHASE_NOT_NEXT', `${input.to} does not follow ${from}: phases move one step forward`, {
        phase: from,
      });
    if (input.to === 'CANCELLED' && !input.overrideJustification) {
      throw ValidationError.field('overrideJustification', 'CANCELLATION_NEEDS_REASON', 'Give the reason for cancelling');
    }
    const now = ctx.clock.now();
    const unmet = input.to === 'CANCELLED' ? [] : unmetCriteria(input.to, await gateFacts(tx, operation, now, input.overrideJustification));
    if (unmet.length && !input.overrideJustification) throw new PhaseGateError(input.to, unmet);
    const overridden = unmet.length > 0;
    await recordTransition(tx, operation.id, from, input.to, now);
    const updated = await updateOperationRow(tx, operation.id, { phase: input.to, updatedAt: now });
    const data = { from, to: input.to, overridden, overriddenCriteria: unmet, justification: input.overrideJustification };
    await recordEvent(tx, ctx, operation.id, 'PHASE_ADVANCED', data);
    return { result: updated, targetId: operation.id, operationId: operation.id, details: data };
  });
}

export async function recordFinalReport(ctx: ServiceContext, rawInput: unknown): Promise<OperationRow> {
  return audited(ctx, { action: 'recordFinalReport', targetType: 'Operation', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(recordFinalReportInput, rawInput);
    const { operation } = await operationForAction(tx, ctx, input.operationId, canRecordFinalReport, 'record the final report');
    if (operation.phase !== 'POST_OPERATIONAL') throw new PhaseRuleError(operation.phase, 'Recording the final report');
    const now = ctx.clock.now();
    const updated = await updateOperationRow(tx, operation.id, { finalReport: input.report, finalReportRecordedAt: now, updatedAt: now });
    await recordEvent(tx, ctx, operation.id, 'FINAL_REPORT_RECORDED', { length: input.report.length });
    return { result: updated, targetId: operation.id, operationId: operation.id };
  });
}
