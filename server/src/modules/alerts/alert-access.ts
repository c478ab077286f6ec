import type { Db } from '../../db/client';
import { entityForAction, type EntityAccess } from '../../entity-for-action';
import type { ServiceContext, Viewer } from '../../service-context';
import { requireViewer } from '../operations/operation-access';
import { findWithStanding, type OperationRow } from '../operations/operations.repo';
import type { Standing } from '../operations/operations.policy';
import { canSeeAlert, type AlertAudience } from './alerts.policy';
import { audienceOf, findAlertById, findVisibleAlert, type AlertRow } from './alerts.repo';

// How a write finds the alert its input names: visible to the caller, or answered as not
// existing, then re-read with its operation locked. Every write on an alert or under it (its
// feedback, versions, files) goes through here, so none judges the audience its own way.

export interface AlertFacts {
  alert: AlertRow;
  audience: AlertAudience;
}

interface AlertInContext extends AlertFacts {
  operation: OperationRow;
  standing: Standing;
  viewer: Viewer;
}

export const alertAccess: EntityAccess<AlertFacts, { operation: OperationRow; standing: Standing }> = {
  typename: 'Alert',
  field: 'alertId',
  findVisible: findVisibleAlert,
  lockOperation: (tx, operationId, viewer) => findWithStanding(tx, operationId, viewer, true),
  reread: async (tx, id) => {
    const alert = (await findAlertById(tx, id))!;
    return { alert, audience: await audienceOf(tx, alert) };
  },
  canSee: (standing, { audience }) => canSeeAlert(standing, audience),
};

/** Loads the alert an input names with its operation locked, and checks the caller may act on it. */
export async function alertForAction(
  tx: Db,
  ctx: ServiceContext,
  alertGlobalId: string,
  allowed: (standing: Standing, audience: AlertAudience) => boolean,
  action: string,
): Promise<AlertInContext> {
  const viewer = requireViewer(ctx);
  const mayAct = (standing: Standing, { audience }: AlertFacts) => allowed(standing, audience);
  const { entity, ...inOperation } = await entityForAction(tx, viewer, alertAccess, alertGlobalId, mayAct, action);
  return { ...entity, ...inOperation };
}
