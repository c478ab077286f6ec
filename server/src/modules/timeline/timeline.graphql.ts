import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import { builder } from '../../graphql/builder';
import { uuidFromGlobalId } from '../../global-id';
import { connectionPage, numericCursor, pageSize } from '../../graphql/pagination';
import { UserType } from '../accounts/accounts.graphql';
import { findUserById } from '../accounts/users.repo';
import { findMember } from '../operations/members.repo';
import { MemberRoleEnum, OperationType, PhaseEnum } from '../operations/operations.graphql';
import { OperationMemberType, ParticipationType } from '../operations/participations.graphql';
import { findParticipationById } from '../operations/participations.repo';
import { readEvents, readEventsNewestFirst, type EventRow } from '../../journal/events.repo';

// The operation's timeline: its event log as the viewer may see it, oldest first. The cursor is
// the event's sequence number, which is gap-free in commit order, so paging forward with `after`
// never skips an event that committed late. A reader may ask for it newest first instead: `after`
// then pages back in time, and the first page is the one new events change.

const eventCursor = numericCursor('event');
export const encodeEventCursor = eventCursor.encode;

/** The sequence number a cursor stands for: 0 (the start) without one, null for a cursor that is not one. */
export const decodeEventCursor = (cursor: string | null | undefined): number | null => (cursor ? eventCursor.decode(cursor) : 0);

export const OperationEventInterface = builder.interfaceRef<EventRow>('OperationEvent').implement({
  fields: (t) => ({
    cursor: t.string({ resolve: (event) => encodeEventCursor(event.seq) }),
    type: t.exposeString('type'),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    actor: t.field({
      type: UserType,
      nullable: true,
      resolve: (event, _args, ctx) => (event.actorUserId ? findUserById(ctx.db, event.actorUserId) : null),
    }),
  }),
});

/** The stored event types behind each GraphQL event type, for the timeline's `typename` filter. */
const storedTypesByTypename = new Map<string, string[]>();

export const eventType = (
  name: string,
  types: string[],
  fields?: Parameters<typeof builder.objectRef<EventRow>>[0] extends never
    ? never
    : Parameters<ReturnType<typeof builder.objectRef<EventRow>>['implement']>[0]['fields'],
) => {
  storedTypesByTypename.set(name, types);
  return builder
    .objectRef<EventRow>(name)
    .implement({ interfaces: [OperationEventInterface], isTypeOf: (event) => types.includes((event as EventRow).type), fields });
};

const STATUS_AFTER: Record<string, string> = {
  AGENCY_INVITED: 'INVITED',
  INVITATION_ACCEPTED: 'ACCEPTED',
  INVITATION_DECLINED: 'DECLINED',
  PARTICIPATION_WITHDRAWN: 'WITHDRAWN',
};

const dataOf = <T>(event: EventRow) => event.data as T;

eventType('OperationCreatedEvent', ['OPERATION_CREATED']);
eventType('OperationUpdatedEvent', ['OPERATION_UPDATED'], (t) => ({
  changed: t.stringList({ resolve: (event) => dataOf<{ changed: string[] }>(event).changed }),
}));
eventType(
  'ParticipationChangedEvent',
  ['AGENCY_INVITED', 'INVITATION_ACCEPTED', 'INVITATION_DECLINED', 'PARTICIPATION_WITHDRAWN'],
  (t) => ({
    participation: t.field({
      type: ParticipationType,
      resolve: async (event, _args, ctx) =>
        (await findParticipationById(ctx.db, dataOf<{ participationId: string }>(event).participationId))!,
    }),
    statusAfter: t.string({
      description: "The participation's status right after this event (the participation itself shows today's).",
      resolve: (event) => STATUS_AFTER[event.type] ?? 'ACCEPTED',
    }),
    reason: t.string({ nullable: true, resolve: (event) => dataOf<{ reason?: string }>(event).reason ?? null }),
  }),
);
eventType('MemberAssignedEvent', ['MEMBER_ASSIGNED'], (t) => ({
  member: t.field({
    type: OperationMemberType,
    resolve: async (event, _args, ctx) => (await findMember(ctx.db, dataOf<{ memberId: string }>(event).memberId))!,
  }),
  role: t.field({
    type: MemberRoleEnum,
    description: 'The role this assignment gave (the member shows today’s, which a later assignment may have changed).',
    resolve: (event) => dataOf<{ role: 'COORDINATOR' }>(event).role,
  }),
}));
eventType('MemberRemovedEvent', ['MEMBER_REMOVED'], (t) => ({
  member: t.field({
    type: OperationMemberType,
    resolve: async (event, _args, ctx) => (await findMember(ctx.db, dataOf<{ memberId: string }>(event).memberId))!,
  }),
  role: t.field({
    type: MemberRoleEnum,
    description: 'The role the member had when removed.',
    resolve: (event) => dataOf<{ role: 'COORDINATOR' }>(event).role,
  }),
}));
const CriterionRef = builder.objectRef<{ key: string; description: string }>('OverriddenCriterion').implement({
  fields: (t) => ({ key: t.exposeString('key'), description: t.exposeString('description') }),
});
eventType('PhaseAdvancedEvent', ['PHASE_ADVANCED'], (t) => ({
  from: t.field({ type: PhaseEnum, resolve: (event) => dataOf<{ from: 'PLANNING' }>(event).from }),
  to: t.field({ type: PhaseEnum, resolve: (event) => dataOf<{ to: 'PLANNING' }>(event).to }),
  overridden: t.boolean({ resolve: (event) => dataOf<{ overridden: boolean }>(event).overridden }),
  justification: t.string({ nullable: true, resolve: (event) => dataOf<{ justification: string | null }>(event).justification }),
  overriddenCriteria: t.field({
    type: [CriterionRef],
    resolve: (event) => dataOf<{ overriddenCriteria?: { key: string; description: string }[] }>(event).overriddenCriteria ?? [],
  }),
}));
eventType('FinalReportRecordedEvent', ['FINAL_REPORT_RECORDED']);

builder.objectField(OperationType, 'timeline', (t) =>
  t.connection(
    {
      type: OperationEventInterface,
      description: 'What happened in the operation that the viewer may see, oldest first (newest first with `newestFirst`).',
      args: {
        newestFirst: t.arg.boolean({ defaultValue: false, description: 'Newest first; `after` then pages back in time.' }),
        typename: t.arg.string({ description: 'Only events of this type, by its GraphQL name (such as PhaseAdvancedEvent).' }),
        agencyId: t.arg.id({
          description: 'Only what people of this agency did, or what concerns it (its invitation, answer, members, acknowledgements).',
        }),
      },
      resolve: async (operation, args, ctx) => {
        const after = decodeEventCursor(args.after);
        if (after === null) throw new GraphQLError('Not a timeline cursor.', { extensions: { code: ERROR_CODES.VALIDATION } });
        const first = pageSize(args.first);
        const types = args.typename ? (storedTypesByTypename.get(args.typename) ?? []) : undefined;
        const agencyId = args.agencyId ? uuidFromGlobalId(String(args.agencyId), 'Agency') : undefined;
        // A filter naming nothing that exists matches nothing, rather than being ignored.
        if (types?.length === 0 || agencyId === null) return connectionPage([], first, () => '', args.after);
        const filter = { types, agencyId };
        const viewerAgencyId = ctx.viewer!.agencyId;
        const rows = args.newestFirst
          ? await readEventsNewestFirst(ctx.db, operation.id, viewerAgencyId, args.after ? after : null, first + 1, filter)
          : await readEvents(ctx.db, operation.id, viewerAgencyId, after, first + 1, filter);
        return connectionPage(rows, first, (event) => encodeEventCursor(event.seq), args.after);
      },
    },
    { name: 'OperationEventConnection' },
    { name: 'OperationEventEdge' },
  ),
);
