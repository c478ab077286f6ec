import { CURRENT_CATALOGUE_VERSION, type CatalogueVersion } from '@jointops/shared/catalogue';
import { deadlineOrderProblem, withDeadlines, type AcknowledgementMinutes } from '@jointops/shared/alerts';
import { createOperationInput, updateOperationInput, type UpdateOperationInput } from '@jointops/shared/operations';
import { ForbiddenError, ValidationError } from '../../domain-errors';
import type { Db } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { findCommoditiesByIds } from '../catalogue/catalogue.repo';
import { usableIn } from '../catalogue/commodity-scope';
import { recordEvent } from '../../journal/record-event';
import { insertMember } from './members.repo';
import { canPlan, canSeeOperation, mayCreateOperations } from './operations.policy';
import { insertOperation, planPhases, replaceTargets, updateOperationRow, type OperationRow } from './operations.repo';
import { operationForAction, operationIdOf, requireOpen, requireViewer, standingIn } from './operation-access';
import { insertParticipation } from './participations.repo';

/** Target commodities must be catalogue items of the operation's catalogue version, or its own. */
async function targetIds(
  tx: Db,
  globalIds: string[],
  operation: { id: string | null; catalogueVersion: CatalogueVersion },
): Promise<string[]> {
  const ids = [...new Set(globalIds.map((id, index) => idFromInput(id, 'Commodity', `targetCommodityIds.${index}`)))];
  const version = operation.catalogueVersion;
  const found = (await findCommoditiesByIds(tx, ids)).filter((commodity) => usableIn(commodity, operation));
  if (found.length !== ids.length)
    throw ValidationError.field('targetCommodityIds', 'NOT_IN_CATALOGUE', `Not all are items of the ${version} catalogue`, {
      catalogueVersion: version,
    });
  return ids;
}

export const NOT_A_PLANNER = 'Administrators keep the directory and do not plan operations: create it with your ordinary account.';

/**
 * Codes are unique across the hub, since references (`PGS-APAC-2026-01/A-0003`) travel between
 * agencies: a taken code is refused, and the refusal is one answer whether or not the caller may
 * see the operation that holds it (docs/SECURITY.md). Who may not plan is refused before the
 * input is read, so that answer never depends on the code either.
 */
export async function createOperation(ctx: ServiceContext, rawInput: unknown): Promise<OperationRow> {
  return audited(ctx, { action: 'createOperation', targetType: 'Operation' }, async (tx) => {
    const viewer = requireViewer(ctx);
    if (!mayCreateOperations(viewer)) throw new ForbiddenError('create operations', NOT_A_PLANNER);
    const input = parseInput(createOperationInput, rawInput);
    const now = ctx.clock.now();
    const targets = await targetIds(tx, input.targetCommodityIds, { id: null, catalogueVersion: CURRENT_CATALOGUE_VERSION });
    const operation = await insertOperation(tx, {
      code: input.code,
      name: input.name,
      programme: input.programme,
      objectives: input.objectives,
      region: input.region,
      referenceTimeZone: input.referenceTimeZone,
      exercise: input.exercise,
      acknowledgementMinutes: input.acknowledgementDeadlines,
      coordinatorEscalationFactor: input.coordinatorEscalationFactor,
      catalogueVersion: CURRENT_CATALOGUE_VERSION,
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (!operation) throw ValidationError.field('code', 'OPERATION_CODE_TAKEN', 'An operation with this code already exists');
    await replaceTargets(tx, operation.id, targets);
    await planPhases(tx, operation.id, input.plannedPhases);
    // The planner's agency coordinates, and the planner is its first coordinator.
    await insertParticipation(tx, {
      operationId: operation.id,
      agencyId: viewer.agencyId,
      role: 'COORDINATING',
      status: 'ACCEPTED',
      invitedBy: viewer.userId,
      invitedAt: now,
      respondedBy: viewer.userId,
      respondedAt: now,
    });
    await insertMember(tx, {
      operationId: operation.id,
      userId: viewer.userId,
      agencyId: viewer.agencyId,
      role: 'COORDINATOR',
      assignedBy: viewer.userId,
      assignedAt: now,
    });
    await recordEvent(tx, ctx, operation.id, 'OPERATION_CREATED', { code: operation.code, name: operation.name });
    return { result: operation, targetId: operation.id, operationId: operation.id, details: { code: operation.code } };
  });
}

/** The operation's deadlines with `changes`, refused when they would put a graver alert after a lighter one. */
function deadlinesAfter(
  operation: OperationRow,
  changes: NonNullable<UpdateOperationInput['acknowledgementDeadlines']>,
): AcknowledgementMinutes {
  const minutes = withDeadlines(operation.acknowledgementMinutes, changes);
  const problem = deadlineOrderProblem(minutes);
  if (problem) throw ValidationError.field('acknowledgementDeadlines', problem.problem.key, problem.message, problem.problem);
  return minutes;
}

export async function updateOperation(ctx: ServiceContext, rawInput: unknown): Promise<OperationRow> {
  return audited(ctx, { action: 'updateOperation', targetType: 'Operation', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(updateOperationInput, rawInput);
    const { operation } = await operationForAction(tx, ctx, input.operationId, canPlan, 'edit the operation');
    requireOpen(operation, 'Editing the operation');
    const now = ctx.clock.now();
    const changed: string[] = [];
    if (input.targetCommodityIds) {
      await replaceTargets(tx, operation.id, await targetIds(tx, input.targetCommodityIds, operation));
      changed.push('targetCommodities');
    }
    if (input.plannedPhases) {
      await planPhases(tx, operation.id, input.plannedPhases);
      changed.push('plannedPhases');
    }
    const fields = {
      name: input.name,
      objectives: input.objectives,
      region: input.region,
      referenceTimeZone: input.referenceTimeZone,
      acknowledgementMinutes: input.acknowledgementDeadlines && deadlinesAfter(operation, input.acknowledgementDeadlines),
      coordinatorEscalationFactor: input.coordinatorEscalationFactor,
    };
    const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    changed.push(...Object.keys(set).map((key) => (key === 'acknowledgementMinutes' ? 'acknowledgementDeadlines' : key)));
    const updated = await updateOperationRow(tx, operation.id, { ...set, updatedAt: now });
    await recordEvent(tx, ctx, operation.id, 'OPERATION_UPDATED', { changed });
    return { result: updated, targetId: operation.id, operationId: operation.id, details: { changed } };
  });
}

/** An operation the viewer may see, or null: invisible and non-existent look the same. */
export async function findVisibleOperation(ctx: ServiceContext, operationId: string): Promise<OperationRow | null> {
  const found = await standingIn(ctx, operationId);
  return found && canSeeOperation(found.standing) ? found.operation : null;
}
