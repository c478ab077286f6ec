import type { StoredCriterionKey } from '@jointops/shared/operations';
import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import { builder } from '../../graphql/builder';
import type { ParticipationStatus } from '@jointops/shared/domain';
import { ParticipationStatusEnum } from '../../graphql/enums';
import { uuidFromGlobalId } from '../../global-id';
import { connectionPage, pageSize } from '../../graphql/pagination';
import { CommodityType } from '../catalogue/catalogue.graphql';
import { findCommodityById } from '../catalogue/catalogue.repo';
import { findMember } from '../operations/members.repo';
import { GateCriterionKeyEnum, MemberRoleEnum, OperationType } from '../operations/operations.graphql';
import { PhaseEnum } from '../../graphql/enums';
import { OperationMemberType, ParticipationType } from '../operations/participations.graphql';
import { findParticipationById } from '../operations/participations.repo';
import { decodeEventCursor, encodeEventCursor, eventType, eventTypenames, OperationEventInterface } from './operation-event.graphql';
import { readEvents } from '../../journal/events.repo';
import { signedIn } from '../../graphql/signed-in';

// The operation's timeline: its event log as the viewer may see it, oldest first. The cursor is
// the event's sequence number, which is gap-free in commit order, so paging forward with `after`
// never skips an event that committed late. A reader may ask for it newest first instead: `after`
// then pages back in time, and the first page is the one new events change.

const STATUS_AFTER: Record<string, ParticipationStatus> = {
  AGENCY_INVITED: 'INVITED',
  INVITATION_ACCEPTED: 'ACCEPTED',
  INVITATION_DECLINED: 'DECLINED',
  PARTICIPATION_WITHDRAWN: 'WITHDRAWN',
};

eventType('OperationCreatedEvent', ['OPERATION_CREATED']);
eventType('OperationUpdatedEvent', ['OPERATION_UPDATED'], (t) => ({
  changed: t.stringList({ resolve: (event) => event.data.changed }),
}));
eventType(
  'ParticipationChangedEvent',
  ['AGENCY_INVITED', 'INVITATION_ACCEPTED', 'INVITATION_DECLINED', 'PARTICIPATION_WITHDRAWN'],
  (t) => ({
    participation: t.field({
      type: ParticipationType,
      resolve: async (event, _args, ctx) => (await findParticipationById(ctx.db, event.data.participationId))!,
    }),
    statusAfter: t.field({
      type: ParticipationStatusEnum,
      description: "The participation's status right after this event (the participation itself shows today's).",
      resolve: (event) => STATUS_AFTER[event.type] ?? 'ACCEPTED',
    }),
    reason: t.string({ nullable: true, resolve: (event) => ('reason' in event.data ? (event.data.reason ?? null) : null) }),
  }),
);
eventType('MemberAssignedEvent', ['MEMBER_ASSIGNED'], (t) => ({
  member: t.field({
    type: OperationMemberType,
    resolve: async (event, _args, ctx) => (await findMember(ctx.db, event.data.memberId))!,
  }),
  role: t.field({
    type: MemberRoleEnum,
    description: 'The role this assignment gave (the member shows today’s, which a later assignment may have changed).',
    resolve: (event) => event.data.role,
  }),
}));
eventType('MemberRemovedEvent', ['MEMBER_REMOVED'], (t) => ({
  member: t.field({
    type: OperationMemberType,
    resolve: async (event, _args, ctx) => (await findMember(ctx.db, event.data.memberId))!,
  }),
  role: t.field({
    type: MemberRoleEnum,
    description: 'The role the member had when removed.',
    resolve: (event) => event.data.role,
  }),
}));
const CriterionRef = builder.objectRef<{ key: StoredCriterionKey; description: string }>('OverriddenCriterion').implement({
  fields: (t) => ({ key: t.expose('key', { type: GateCriterionKeyEnum }), description: t.exposeString('description') }),
});
eventType('PhaseAdvancedEvent', ['PHASE_ADVANCED'], (t) => ({
  from: t.field({ type: PhaseEnum, resolve: (event) => event.data.from }),
  to: t.field({ type: PhaseEnum, resolve: (event) => event.data.to }),
  overridden: t.boolean({ resolve: (event) => event.data.overridden }),
  justification: t.string({ nullable: true, resolve: (event) => event.data.justification }),
  overriddenCriteria: t.field({
    type: [CriterionRef],
    resolve: (event) => event.data.overriddenCriteria ?? [],
  }),
}));
eventType('FinalReportRecordedEvent', ['FINAL_REPORT_RECORDED']);
eventType('OperationCommodityAddedEvent', ['OPERATION_COMMODITY_ADDED'], (t) => ({
  commodity: t.field({
    type: CommodityType,
    resolve: async (event, _args, ctx) => (await findCommodityById(ctx.db, event.data.commodityId))!,
  }),
}));

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
        const types = args.typename ? (eventTypenames.get(args.typename) ?? []) : undefined;
        const agencyId = args.agencyId ? uuidFromGlobalId(String(args.agencyId), 'Agency') : undefined;
        // A filter naming nothing that exists matches nothing, rather than being ignored.
        if (types?.length === 0 || agencyId === null) return connectionPage([], first, () => '', args.after);
        const filter = { types, agencyId };
        const viewerAgencyId = signedIn(ctx).viewer.agencyId;
        const page = args.newestFirst ? { before: args.after ? after : null } : { after };
        const rows = await readEvents(ctx.db, operation.id, viewerAgencyId, page, first + 1, filter);
        return connectionPage(rows, first, (event) => encodeEventCursor(event.seq), args.after);
      },
    },
    { name: 'OperationEventConnection' },
    { name: 'OperationEventEdge' },
  ),
);
