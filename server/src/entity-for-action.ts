import type { Db } from './db/client';
import { ForbiddenError, NotFoundError } from './domain-errors';
import type { Viewer } from './service-context';
import { idFromInput } from './validate';

/**
 * How one kind of thing inside an operation (an alert, a seizure report) is found, locked and
 * judged before somebody acts on it. The feature that owns the kind supplies the queries and the
 * rule; the order of the steps, and the answers, are the same for every kind.
 */
export interface EntityAccess<Entity, InOperation extends { standing: unknown }> {
  /** The GraphQL type its ids are minted for, which also names it in the not-found answer. */
  typename: string;
  /** The input field that names it, for the answer to an id that is not one. */
  field: string;
  /** Its operation, if the viewer may see it at all: need-to-know is part of this first query. */
  findVisible: (tx: Db, viewer: Viewer, id: string) => Promise<{ operationId: string } | null>;
  /** The operation, locked until the transaction ends, with the viewer's standing in it; null if they have none. */
  lockOperation: (tx: Db, operationId: string, viewer: Viewer) => Promise<InOperation | null>;
  /** It again, read under the lock, with whatever the rules judge it by. */
  reread: (tx: Db, id: string) => Promise<Entity>;
  canSee: (standing: InOperation['standing'], entity: Entity) => boolean;
}

/**
 * Loads what an input names with its operation locked, and checks the viewer may act on it. What
 * the viewer may not see is answered exactly as what does not exist, after exactly the same work:
 * the first query finds neither, and both end on the same NotFoundError.
 */
export async function entityForAction<Entity, InOperation extends { standing: unknown }>(
  tx: Db,
  viewer: Viewer,
  access: EntityAccess<Entity, InOperation>,
  globalId: string,
  allowed: (standing: InOperation['standing'], entity: Entity) => boolean,
  action: string,
): Promise<InOperation & { entity: Entity; viewer: Viewer }> {
  const id = idFromInput(globalId, access.typename, access.field);
  const found = await access.findVisible(tx, viewer, id);
  const inOperation = found ? await access.lockOperation(tx, found.operationId, viewer) : null;
  if (!found || !inOperation) throw new NotFoundError(access.typename);
  // Read again under the lock: what it was before the lock may have changed since.
  const entity = await access.reread(tx, id);
  if (!access.canSee(inOperation.standing, entity)) throw new NotFoundError(access.typename);
  if (!allowed(inOperation.standing, entity)) throw new ForbiddenError(action);
  return { ...inOperation, entity, viewer };
}
