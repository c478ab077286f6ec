import type { AlertCategory, Marking, MemberRole, ParticipationRole } from '@jointops/shared/domain';
import type { Actor } from './operations';

// Who may see what, as a second, independent reading of the rules in the design (need-to-know)
// and the policy files: written from their words, importing nothing of the server, so that a
// mistake in a server policy is not copied into the judge of it. The isolation property builds a
// world through the API, records it here, and holds every answer the server gives against it.

export type ParticipationStatus = 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
export type SeizureStatus = 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';

export interface WorldUser extends Actor {
  /** A short name for messages: a2.u1 is the second user of the third agency. */
  label: string;
}

export interface WorldParticipation {
  id: string;
  globalId: string;
  agencyId: string;
  role: ParticipationRole;
  status: ParticipationStatus;
}

export interface WorldMember {
  id: string;
  globalId: string;
  userId: string;
  agencyId: string;
  role: MemberRole;
  current: boolean;
}

export interface WorldAlert {
  id: string;
  globalId: string;
  reference: string;
  category: AlertCategory;
  distribution: 'ALL_PARTICIPANTS' | 'RESTRICTED';
  marking: Marking;
  raisedByAgencyId: string;
  /** The agencies it was sent to when raised (every accepted one but the originator's, or the named ones). */
  recipientAgencyIds: string[];
  /** Marks in its title, description, feedback and comments: they must not surface where it may not. */
  tokens: string[];
}

export interface WorldSeizure {
  id: string;
  globalId: string;
  reference: string;
  status: SeizureStatus;
  reportingAgencyId: string;
  reportedBy: string;
  linkedAlertIds: string[];
  /** A power of two, different for each report of the operation: a sum of them says which were counted. */
  quantityKg: number;
  /** Marks in its place, description and rejection reason. */
  tokens: string[];
}

export interface WorldCheck {
  id: string;
  globalId: string;
  kind: 'LicitShipmentCheck' | 'DatabaseCheck';
}

export interface WorldOperation {
  id: string;
  globalId: string;
  code: string;
  phase: string;
  /** Its creator, who stays a coordinator throughout the world's story. */
  plannerId: string;
  participations: Map<string, WorldParticipation>;
  /** By user id; a removed membership stays, not current. */
  members: Map<string, WorldMember>;
  alerts: WorldAlert[];
  seizures: WorldSeizure[];
  checks: Map<string, WorldCheck>;
}

export interface World {
  agencyIds: string[];
  users: WorldUser[];
  operations: WorldOperation[];
}

/** TLP 2.0, least restrictive first. */
export const MARKING_ORDER: readonly Marking[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];

export const atOrBelow = (marking: Marking, max: Marking): boolean => MARKING_ORDER.indexOf(marking) <= MARKING_ORDER.indexOf(max);

/** Whether an alert's reference may leave in an export asking up to `max`: TLP:RED never leaves. */
export const exportable = (marking: Marking, max: Marking): boolean => marking !== 'RED' && atOrBelow(marking, max);

/** The user's current role, if any. */
export function roleOf(user: WorldUser, operation: WorldOperation): MemberRole | null {
  const member = operation.members.get(user.id);
  return member?.current ? member.role : null;
}

/**
 * An operation exists for a person only while their agency's participation is accepted and they
 * hold a role in it. Being an administrator, having been invited, or having been a member before
 * grants nothing.
 */
export function seesOperation(user: WorldUser, operation: WorldOperation): boolean {
  return operation.participations.get(user.agency.id)?.status === 'ACCEPTED' && roleOf(user, operation) !== null;
}

/** An alert sent to everyone is for every member; a restricted one only for its originator's agency and the agencies named. */
export function seesAlert(user: WorldUser, operation: WorldOperation, alert: WorldAlert): boolean {
  if (!seesOperation(user, operation)) return false;
  if (alert.distribution === 'ALL_PARTICIPANTS') return true;
  return alert.raisedByAgencyId === user.agency.id || alert.recipientAgencyIds.includes(user.agency.id);
}

/** A draft is its reporting agency's own; once sent, a report is for every member. */
export function seesSeizure(user: WorldUser, operation: WorldOperation, seizure: WorldSeizure): boolean {
  return seesOperation(user, operation) && (seizure.status !== 'DRAFT' || seizure.reportingAgencyId === user.agency.id);
}

/** The audit trail is for the coordinators and reviewers among the members. */
export function readsAuditTrail(user: WorldUser, operation: WorldOperation): boolean {
  const role = roleOf(user, operation);
  return seesOperation(user, operation) && (role === 'COORDINATOR' || role === 'REVIEWER');
}

/** Reports the results count: verified ones, submitted ones too when asked. */
export const countsInResults = (seizure: WorldSeizure, includeUnverified: boolean): boolean =>
  seizure.status === 'VERIFIED' || (includeUnverified && seizure.status === 'SUBMITTED');

/**
 * `node(id)` of a person: to themselves, their colleagues, administrators, and whoever holds a role
 * beside them, at the same time, in an operation both their agencies take part in.
 */
export function seesUserNode(viewer: WorldUser, other: WorldUser, world: World): boolean {
  if (viewer.isAdmin || viewer.id === other.id || viewer.agency.id === other.agency.id) return true;
  return world.operations.some((operation) => seesOperation(viewer, operation) && seesOperation(other, operation));
}

/**
 * Whether a person may show up anywhere in what the viewer reads. Beyond `node(id)`, the record of
 * an operation the viewer sees names the people of the agencies in it (who acted, who commented,
 * who may be assigned), members of today or of before.
 */
export function mayNameUser(viewer: WorldUser, other: WorldUser, world: World): boolean {
  return (
    seesUserNode(viewer, other, world) ||
    world.operations.some((operation) => seesOperation(viewer, operation) && operation.participations.has(other.agency.id))
  );
}

/** Operations whose invitation waits for the viewer's agency to answer. */
export const invitedTo = (viewer: WorldUser, world: World): WorldOperation[] =>
  world.operations.filter((operation) => operation.participations.get(viewer.agency.id)?.status === 'INVITED');
