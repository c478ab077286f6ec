import type { Db } from '../../db/client';
import { ForbiddenError, NotFoundError, PhaseRuleError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { idFromInput } from '../../validate';
import { findWithStanding, type OperationRow } from '../operations/operations.repo';
import { requireViewer } from '../operations/operation-access';
import type { Standing } from '../operations/operations.policy';
import { canSeeSeizure, mayReportIn } from './seizures.policy';
import { findSeizureById, findVisibleSeizure, type SeizureRow } from './seizures.repo';

export interface SeizureInContext {
  seizure: SeizureRow;
  operation: OperationRow;
  standing: Standing;
}

/**
 * Loads the seizure an input names with its operation locked, and checks the caller may act on
 * it. A seizure the caller may not see is answered exactly as one that does not exist, after
 * exactly the same work: need-to-know is part of the first query, which finds neither.
 */
export async function seizureForAction(
  tx: Db,
  ctx: ServiceContext,
  seizureGlobalId: string,
  allowed: (standing: Standing, seizure: SeizureRow) => boolean,
  action: string,
): Promise<SeizureInContext> {
  const viewer = requireViewer(ctx);
  const seizureId = idFromInput(seizureGlobalId, 'Seizure', 'seizureId');
  const found = await findVisibleSeizure(tx, viewer, seizureId);
  const inOperation = found ? await findWithStanding(tx, found.operationId, viewer, true) : null;
  if (!found || !inOperation) throw new NotFoundError('Seizure');
  // Read again under the lock: what it was before the lock may have changed since.
  const seizure = (await findSeizureById(tx, seizureId))!;
  if (!canSeeSeizure(inOperation.standing, seizure)) throw new NotFoundError('Seizure');
  if (!allowed(inOperation.standing, seizure)) throw new ForbiddenError(action);
  return { seizure, ...inOperation };
}

/** Reports are written and reviewed while the operation runs and in the weeks after it. */
export function requireReportingPhase(operation: OperationRow, what: string): void {
  if (!mayReportIn(operation.phase)) throw new PhaseRuleError(operation.phase, what);
}
