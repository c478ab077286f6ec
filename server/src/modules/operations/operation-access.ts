import type { Db } from '../../db/client';
import { ForbiddenError, NotFoundError, PhaseRuleError } from '../../domain-errors';
import type { ServiceContext, Viewer } from '../../service-context';
import { uuidFromGlobalId } from '../../global-id';
import { idFromInput } from '../../validate';
import { canSeeOperation, type Standing } from './operations.policy';
import { findWithStanding, type OperationRow } from './operations.repo';

export interface OperationInContext {
  operation: OperationRow;
  standing: Standing;
  /** The signed-in caller the check was made for: the one the action is done by. */
  viewer: Viewer;
}

export function requireViewer(ctx: ServiceContext): Viewer {
  // Auth scopes keep anonymous callers out before any service runs; this is the second lock.
  if (!ctx.viewer) throw new ForbiddenError('do this without signing in');
  return ctx.viewer;
}

/**
 * Loads the operation an input names, locked for the rest of the transaction, and checks the
 * caller may act on it. Not visible is answered exactly as not existing.
 */
export async function operationForAction(
  tx: Db,
  ctx: ServiceContext,
  operationGlobalId: string,
  allowed: (standing: Standing) => boolean,
  action: string,
  options: { visibleTo?: (standing: Standing) => boolean } = {},
): Promise<OperationInContext> {
  const viewer = requireViewer(ctx);
  const operationId = idFromInput(operationGlobalId, 'Operation', 'operationId');
  const found = await findWithStanding(tx, operationId, viewer, true);
  const visible = options.visibleTo ?? canSeeOperation;
  if (!found || !visible(found.standing)) throw new NotFoundError('Operation');
  if (!allowed(found.standing)) throw new ForbiddenError(action);
  return { ...found, viewer };
}

/**
 * The viewer's standing in an operation, read without a lock, with the viewer it was read for;
 * null when nobody is signed in or the operation does not exist. What they may do with it is the
 * caller's to judge.
 */
export async function standingIn(ctx: ServiceContext, operationId: string): Promise<OperationInContext | null> {
  if (!ctx.viewer) return null;
  const found = await findWithStanding(ctx.db, operationId, ctx.viewer);
  return found && { ...found, viewer: ctx.viewer };
}

/** Closed and cancelled operations are a read-only record. */
export function requireOpen(operation: OperationRow, what: string): void {
  if (operation.phase === 'CLOSED' || operation.phase === 'CANCELLED') throw new PhaseRuleError(operation.phase, what);
}

/** The operation a raw input names, if its id is well formed: so refusals are audited against it. */
export function operationIdOf(rawInput: unknown): string | null {
  const id = (rawInput as { operationId?: unknown } | null)?.operationId;
  return typeof id === 'string' ? uuidFromGlobalId(id, 'Operation') : null;
}
