import type { Db } from '../../db/client';
import { PhaseRuleError } from '../../domain-errors';
import { entityForAction, type EntityAccess } from '../../entity-for-action';
import type { ServiceContext, Viewer } from '../../service-context';
import { findWithStanding, type OperationRow } from '../operations/operations.repo';
import { requireViewer } from '../operations/operation-access';
import type { Standing } from '../operations/operations.policy';
import { canSeeSeizure, mayReportIn } from './seizures.policy';
import { findSeizureById, findVisibleSeizure, type SeizureRow } from './seizures.repo';

export interface SeizureInContext {
  seizure: SeizureRow;
  operation: OperationRow;
  standing: Standing;
  /** The signed-in caller the check was made for. */
  viewer: Viewer;
}

const seizureAccess: EntityAccess<SeizureRow, { operation: OperationRow; standing: Standing }> = {
  typename: 'Seizure',
  field: 'seizureId',
  findVisible: findVisibleSeizure,
  lockOperation: (tx, operationId, viewer) => findWithStanding(tx, operationId, viewer, true),
  reread: async (tx, id) => (await findSeizureById(tx, id))!,
  canSee: canSeeSeizure,
};

/** Loads the seizure an input names with its operation locked, and checks the caller may act on it. */
export async function seizureForAction(
  tx: Db,
  ctx: ServiceContext,
  seizureGlobalId: string,
  allowed: (standing: Standing, seizure: SeizureRow) => boolean,
  action: string,
): Promise<SeizureInContext> {
  const { entity, ...inOperation } = await entityForAction(tx, requireViewer(ctx), seizureAccess, seizureGlobalId, allowed, action);
  return { seizure: entity, ...inOperation };
}

/** Reports are written and reviewed while the operation runs and in the weeks after it. */
export function requireReportingPhase(operation: OperationRow, what: string): void {
  if (!mayReportIn(operation.phase)) throw new PhaseRuleError(operation.phase, what);
}
