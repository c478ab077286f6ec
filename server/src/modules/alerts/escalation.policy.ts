import type { AlertAudience } from './alerts.policy';

// Who the second escalation level tells. Need-to-know is not bent by an escalation: the
// coordinating agency is told only when it may see the alert (every member may see an
// ALL_PARTICIPANTS one; a RESTRICTED one, only the originator's agency and the agencies it names).

const maySee = (alert: AlertAudience, agencyId: string): boolean =>
  alert.distribution === 'ALL_PARTICIPANTS' || alert.raisedByAgencyId === agencyId || alert.recipientAgencyIds.includes(agencyId);

/**
 * The agencies of a level-2 event: the coordinating agencies (those whose coordinators run the
 * operation) that may see the alert, and the silent recipient agency itself.
 */
export const coordinatorEscalationAudience = (
  alert: AlertAudience,
  coordinatingAgencyIds: readonly string[],
  silentAgencyId: string,
): string[] => [...new Set([...coordinatingAgencyIds.filter((agencyId) => maySee(alert, agencyId)), silentAgencyId])];
