import { MEMBER_ROLES, type MemberRole, type ParticipationStatus } from '@jointops/shared/domain';
import type { Viewer } from '../../service-context';

// Need-to-know for operations, in one place. An operation exists only for the members of its
// accepted participating agencies; being an administrator grants nothing here.

/** What the viewer is in one operation. */
export interface Standing {
  viewer: Viewer;
  /** The viewer's agency's participation, if it was ever invited. */
  participation: { status: ParticipationStatus } | null;
  /** The viewer's own role, if assigned (and not removed). */
  memberRole: MemberRole | null;
}

const accepted = (standing: Standing) => standing.participation?.status === 'ACCEPTED';

export const canSeeOperation = (standing: Standing): boolean => accepted(standing) && standing.memberRole !== null;

export const isCoordinator = (standing: Standing): boolean => canSeeOperation(standing) && standing.memberRole === 'COORDINATOR';

/** Planning actions: edit, invite, assign, advance phases. */
export const canPlan = isCoordinator;

/** An invited agency answers for itself, through any of its users. */
export const canRespondToInvitation = (standing: Standing): boolean => standing.participation?.status === 'INVITED';

const givenByContactPoints = (role: MemberRole) => role === 'CONTACT_POINT' || role === 'OBSERVER';

/**
 * Roles a member may give: coordinators any; an agency's contact point, colleagues as contact
 * points or observers. Assigning replaces a current role, so a contact point may not touch a
 * colleague whose role it could not have given (it would demote a coordinator or a reviewer).
 */
export function canAssign(standing: Standing, role: MemberRole, assignee: { agencyId: string; currentRole: MemberRole | null }): boolean {
  if (isCoordinator(standing)) return true;
  return (
    canSeeOperation(standing) &&
    standing.memberRole === 'CONTACT_POINT' &&
    assignee.agencyId === standing.viewer.agencyId &&
    givenByContactPoints(role) &&
    (assignee.currentRole === null || givenByContactPoints(assignee.currentRole))
  );
}

/** Whether the viewer could give the person some role: who a member picker offers. */
export const canAssignSomeRole = (standing: Standing, assignee: { agencyId: string; currentRole: MemberRole | null }): boolean =>
  MEMBER_ROLES.some((role) => canAssign(standing, role, assignee));

/**
 * Who may end a membership: coordinators anyone's; an agency's contact point, a colleague's whose
 * role it could have given (never a coordinator's or a reviewer's), its own included.
 */
export function canRemove(standing: Standing, member: { agencyId: string; role: MemberRole }): boolean {
  if (isCoordinator(standing)) return true;
  return (
    canSeeOperation(standing) &&
    standing.memberRole === 'CONTACT_POINT' &&
    member.agencyId === standing.viewer.agencyId &&
    givenByContactPoints(member.role)
  );
}

/** Contact points act for their own agency; coordinators may act for theirs too. */
export const canActForOwnAgency = (standing: Standing): boolean =>
  canSeeOperation(standing) && (standing.memberRole === 'CONTACT_POINT' || standing.memberRole === 'COORDINATOR');

/** A coordinator may withdraw any agency; a contact point, only their own. */
export function canWithdraw(standing: Standing, agencyId: string): boolean {
  return isCoordinator(standing) || (canActForOwnAgency(standing) && agencyId === standing.viewer.agencyId);
}

/**
 * Administrators keep the directory and see no operation content (DESIGN.md): planning one would
 * make the directory's most powerful account a coordinator. A person who does both uses two accounts.
 */
export const mayCreateOperations = (viewer: Viewer): boolean => !viewer.isAdmin;

export const canReadAuditTrail = (standing: Standing): boolean =>
  canSeeOperation(standing) && (standing.memberRole === 'COORDINATOR' || standing.memberRole === 'REVIEWER');

export const canRecordFinalReport = canReadAuditTrail;
