import type { Phase, SeizureStatus } from '@jointops/shared/domain';
import { canActForOwnAgency, canSeeOperation, type Standing } from '../operations/operations.policy';

// Need-to-know and roles for seizure reports, in one place. A submitted report is the agency's
// word to the whole operation, so every member with standing sees it. A DRAFT is still the
// reporting agency's own work and exists only for that agency.

export interface SeizureAudience {
  status: SeizureStatus;
  reportingAgencyId: string;
}

export function canSeeSeizure(standing: Standing, seizure: SeizureAudience): boolean {
  if (!canSeeOperation(standing)) return false;
  return seizure.status !== 'DRAFT' || seizure.reportingAgencyId === standing.viewer.agencyId;
}

/** The agencies whose members may see the seizure's events; null = every member. */
export const seizureEventAudience = (seizure: SeizureAudience): string[] | null =>
  seizure.status === 'DRAFT' ? [seizure.reportingAgencyId] : null;

/**
 * Contact points report for their own agency, as they raise alerts; a coordinator may too (the
 * OCU's own agency seizes things at times). Reviewers and observers do not report.
 */
export const canReportSeizure = canActForOwnAgency;

/** The reporting agency, and only it, completes, submits and corrects its report. */
export const canAmendSeizure = (standing: Standing, seizure: SeizureAudience): boolean =>
  canSeeSeizure(standing, seizure) && canActForOwnAgency(standing) && seizure.reportingAgencyId === standing.viewer.agencyId;

/**
 * Reviewers verify and reject reports; coordinators may stand in for them. Never the person who
 * filed the report: verification is a second pair of eyes.
 */
export const canReviewSeizure = (standing: Standing, seizure: SeizureAudience & { reportedBy: string }): boolean =>
  canSeeSeizure(standing, seizure) &&
  (standing.memberRole === 'REVIEWER' || standing.memberRole === 'COORDINATOR') &&
  seizure.reportedBy !== standing.viewer.userId;

/**
 * Seizures are reported while the operation runs, and late ones in the weeks after it (the
 * debriefing compiles them); never before it starts, and never once it is a closed record.
 */
export const mayReportIn = (phase: Phase): boolean => phase === 'OPERATIONAL' || phase === 'POST_OPERATIONAL';
