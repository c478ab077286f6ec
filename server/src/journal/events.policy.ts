import { arrayContains, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { users } from '../db/schema/accounts';
import { operationEvents } from '../db/schema/operations';
import type { Viewer } from '../service-context';
import type { StoredEvent } from './event-catalogue';

// Who may see an event, said once. The live hub holds each event against the rule in memory, the
// timeline's reads put it in their SQL: both are read off the same rule below, so a subscriber and
// a reader of the timeline are never told different things. events.policy.test.ts runs the same
// cases through both.

/** The words the rule is written in; each side gives them a meaning. */
interface AudienceTerms<Event, Condition> {
  /** Recorded without an audience: for every member of the operation. */
  forEveryMember(event: Event): Condition;
  /** Its audience names the agency. */
  names(event: Event, agencyId: string): Condition;
  either(a: Condition, b: Condition): Condition;
}

/** The rule: an event is for an agency when it is for every member, or its audience names the agency. */
const audienceRule = <Event, Condition>(terms: AudienceTerms<Event, Condition>, event: Event, agencyId: string): Condition =>
  terms.either(terms.forEveryMember(event), terms.names(event, agencyId));

type Audience = Pick<StoredEvent, 'audienceAgencyIds'>;

const inMemory: AudienceTerms<Audience, boolean> = {
  forEveryMember: (event) => event.audienceAgencyIds === null,
  names: (event, agencyId) => event.audienceAgencyIds?.includes(agencyId) ?? false,
  either: (a, b) => a || b,
};

const inSql: AudienceTerms<typeof operationEvents, SQL> = {
  forEveryMember: (events) => isNull(events.audienceAgencyIds),
  names: (events, agencyId) => arrayContains(events.audienceAgencyIds, [agencyId]),
  either: (a, b) => or(a, b) as SQL,
};

/** Whether the agency may see the event: the audience is checked at delivery, not at subscribe. */
export const eventVisibleTo = (event: Audience, agencyId: string): boolean => audienceRule(inMemory, event, agencyId);

/** The condition on operation_events that keeps the rows the agency may see. */
export const eventsVisibleTo = (agencyId: string): SQL => audienceRule(inSql, operationEvents, agencyId);

/**
 * The condition on operation_events for what concerns an agency: done by one of its people, or
 * about it (its invitation and answer, its members, the alerts it acknowledged or let go overdue:
 * those events name the agency in their data).
 */
export const eventsConcerning = (agencyId: string): SQL =>
  or(
    inArray(operationEvents.actorUserId, sql`(select ${users.id} from ${users} where ${users.agencyId} = ${agencyId})`),
    sql`${operationEvents.data} ->> 'agencyId' = ${agencyId}`,
  ) as SQL;

/**
 * Events after which the viewer no longer belongs in the operation (their agency withdrew, or they
 * were removed): nothing more is delivered, that event included.
 */
export const endsAccess = (event: StoredEvent, viewer: Pick<Viewer, 'userId' | 'agencyId'>): boolean =>
  (event.type === 'PARTICIPATION_WITHDRAWN' && event.data.agencyId === viewer.agencyId) ||
  (event.type === 'MEMBER_REMOVED' && event.data.userId === viewer.userId);

/**
 * Events that change the viewer's own standing (a new role): delivered, then the stream ends, so
 * that the client subscribes again from its cursor and is served for the role it now has.
 */
export const changesStanding = (event: StoredEvent, viewer: Pick<Viewer, 'userId'>): boolean =>
  event.type === 'MEMBER_ASSIGNED' && event.data.userId === viewer.userId;
