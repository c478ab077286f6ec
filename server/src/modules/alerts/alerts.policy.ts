import type { AlertCategory, Phase } from '@jointops/shared/domain';
import { canActForOwnAgency, canSeeOperation, type Standing } from '../operations/operations.policy';

// Need-to-know for alerts, in one place. On top of seeing the operation: an ALL_PARTICIPANTS alert
// is for every member; a RESTRICTED one exists only for the originator's agency and the agencies
// it names. Coordinators get no exception: their agency sees it only when named.

export interface AlertAudience {
  distribution: 'ALL_PARTICIPANTS' | 'RESTRICTED';
  raisedByAgencyId: string;
  recipientAgencyIds: string[];
}

export function canSeeAlert(standing: Standing, alert: AlertAudience): boolean {
  if (!canSeeOperation(standing)) return false;
  if (alert.distribution === 'ALL_PARTICIPANTS') return true;
  const agencyId = standing.viewer.agencyId;
  return alert.raisedByAgencyId === agencyId || alert.recipientAgencyIds.includes(agencyId);
}

/** The agencies whose members may see the alert's events; null = every member. */
export const eventAudience = (alert: AlertAudience): string[] | null =>
  alert.distribution === 'ALL_PARTICIPANTS' ? null : [...new Set([alert.raisedByAgencyId, ...alert.recipientAgencyIds])];

/** Contact points raise alerts for their agency; coordinators too. */
export const canRaiseAlert = canActForOwnAgency;

/** Live alerts are for the operational phase; the readiness test is a TEST alert sent before it. */
export const mayRaiseIn = (phase: Phase, category: AlertCategory): boolean =>
  phase === 'OPERATIONAL' || (phase === 'PRE_OPERATIONAL' && category === 'TEST');

const isRecipient = (standing: Standing, alert: AlertAudience) => alert.recipientAgencyIds.includes(standing.viewer.agencyId);

/** A recipient agency acknowledges and answers through its contact points (or coordinators). */
export const canAnswerAlert = (standing: Standing, alert: AlertAudience): boolean =>
  canSeeAlert(standing, alert) && canActForOwnAgency(standing) && isRecipient(standing, alert);

/** Whoever may see an alert may discuss it. */
export const canCommentOnAlert = canSeeAlert;

/**
 * Only the originator's agency corrects or withdraws an alert, through the people who may raise
 * one: what it says is that agency's word.
 */
export const canAmendAlert = (standing: Standing, alert: AlertAudience): boolean =>
  canSeeAlert(standing, alert) && canRaiseAlert(standing) && alert.raisedByAgencyId === standing.viewer.agencyId;
