import { type MemberRole, PHASES, type ParticipationStatus, type Phase } from '@jointops/shared/domain';
import type { Viewer } from '../../service-context';
import type { Standing } from './operations.policy';

// The people the need-to-know tables ask about, as the standings the services load for them: the
// usual cast of an operation run by the WCO with Malaysian and Thai customs, and those outside it.

export const WCO = 'agency-wco';
export const MALAYSIA = 'agency-malaysia';
export const THAILAND = 'agency-thailand';
export const VIETNAM = 'agency-vietnam';

export const viewerOf = (agencyId: string, fields: Partial<Viewer> = {}): Viewer => ({
  userId: `user-of-${agencyId}`,
  agencyId,
  sessionId: 'session',
  mustChangePassword: false,
  isAdmin: false,
  locale: 'en',
  ...fields,
});

const standing = (
  agencyId: string,
  status: ParticipationStatus | null,
  memberRole: MemberRole | null,
  viewer: Partial<Viewer> = {},
): Standing => ({
  viewer: viewerOf(agencyId, viewer),
  participation: status ? { status } : null,
  memberRole,
});

/** Each standing a viewer can have in the operation, named for who holds it. */
export const CAST = {
  coordinator: standing(WCO, 'ACCEPTED', 'COORDINATOR', { userId: 'planner' }),
  reviewer: standing(WCO, 'ACCEPTED', 'REVIEWER', { userId: 'reviewer' }),
  'Malaysian contact point': standing(MALAYSIA, 'ACCEPTED', 'CONTACT_POINT', { userId: 'malaysia' }),
  'Thai contact point': standing(THAILAND, 'ACCEPTED', 'CONTACT_POINT', { userId: 'thailand' }),
  'Malaysian observer': standing(MALAYSIA, 'ACCEPTED', 'OBSERVER', { userId: 'observer' }),
  'Malaysian colleague without a role': standing(MALAYSIA, 'ACCEPTED', null),
  'contact point of an invited agency': standing(VIETNAM, 'INVITED', 'CONTACT_POINT'),
  'contact point of an agency that declined': standing(VIETNAM, 'DECLINED', 'CONTACT_POINT'),
  'contact point of a withdrawn agency': standing(VIETNAM, 'WITHDRAWN', 'CONTACT_POINT'),
  'user of an invited agency, without a role': standing(VIETNAM, 'INVITED', null),
  outsider: standing(VIETNAM, null, null),
  administrator: standing(VIETNAM, null, null, { isAdmin: true }),
} satisfies Record<string, Standing>;

export type Who = keyof typeof CAST;

/** The table rows for a predicate: every member of the cast, with the answer it must get. */
export const rowsFor = (granted: readonly Who[]): { who: Who; standing: Standing; granted: boolean }[] =>
  (Object.keys(CAST) as Who[]).map((who) => ({ who, standing: CAST[who], granted: granted.includes(who) }));

/** Everyone with standing in the operation: the roles of the accepted agencies. */
export const MEMBERS: readonly Who[] = ['coordinator', 'reviewer', 'Malaysian contact point', 'Thai contact point', 'Malaysian observer'];

/** The table rows for a rule about phases: every phase, with whether it is `allowed` in it. */
export const phaseRows = (allowed: readonly Phase[]): { phase: Phase; allowed: boolean }[] =>
  PHASES.map((phase) => ({ phase, allowed: allowed.includes(phase) }));
