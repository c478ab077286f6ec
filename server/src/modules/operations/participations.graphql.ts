import { NotFoundError, PhaseRuleError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { ParticipationStatusEnum } from '../../graphql/enums';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { encodeGlobalId } from '../../global-id';
import { UserType } from '../accounts/accounts.graphql';
import { AgencyType } from '../agencies/agencies.graphql';
import type { ServiceContext } from '../../service-context';
import { assignableUsers, assignMember, removeMember } from './members.service';
import { findMember } from './members.repo';
import { MemberRoleEnum, OperationType, ParticipationRoleEnum } from './operations.graphql';
import { findVisibleOperation } from './operations.service';
import { inviteAgency, respondToInvitation, withdrawParticipation } from './participations.service';
import { findParticipationById, pendingInvitations, readinessTestAcknowledgedAt } from './participations.repo';
import { signedIn } from '../../graphql/signed-in';

export const ParticipationType = builder.drizzleNode('participations', {
  name: 'Participation',
  // Only the columns the document asks for; every computed field below declares its own.
  select: { columns: { id: true } },
  id: { column: (participation) => participation.id },
  fields: (t) => ({
    agency: t.relation('agency', { type: AgencyType }),
    // Reached through mutation results too: an agency that just declined or withdrew gets its
    // participation back, and must not find the operation's content behind it.
    operation: t.field({
      type: OperationType,
      nullable: true,
      description: 'Null for whoever may not see the operation (e.g. an agency that declined or withdrew).',
      select: { columns: { operationId: true } },
      resolve: (participation, _args, ctx) => findVisibleOperation(ctx, participation.operationId),
    }),
    role: t.expose('role', { type: ParticipationRoleEnum }),
    status: t.expose('status', { type: ParticipationStatusEnum }),
    invitedAt: t.expose('invitedAt', { type: 'DateTime' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    readinessAcknowledgedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the agency first acknowledged a TEST alert since it accepted: the readiness test. Null until it has.',
      select: { columns: { id: true } },
      resolve: (participation, _args, ctx) => readinessTestAcknowledgedAt(ctx.db, participation.id),
    }),
    contactPoints: t.field({
      type: [UserType],
      select: (_args, _ctx, nestedSelection) => ({
        with: {
          members: {
            where: { role: 'CONTACT_POINT', removedAt: { isNull: true } },
            orderBy: { assignedAt: 'asc' },
            with: { user: nestedSelection(true) },
          },
        },
      }),
      resolve: (participation) => participation.members.map((member) => member.user),
    }),
  }),
});

export const OperationMemberType = builder.drizzleNode('operationMembers', {
  name: 'OperationMember',
  id: { column: (member) => member.id },
  fields: (t) => ({
    user: t.relation('user', { type: UserType }),
    agency: t.relation('agency', { type: AgencyType }),
    role: t.expose('role', { type: MemberRoleEnum }),
    assignedAt: t.expose('assignedAt', { type: 'DateTime' }),
    removedAt: t.expose('removedAt', { type: 'DateTime', nullable: true, description: 'When the membership ended; null while current.' }),
  }),
});

builder.objectField(OperationType, 'assignableUsers', (t) =>
  t.field({
    type: [UserType],
    description:
      "Whom the viewer may assign (or give another role): a coordinator, the active people of every agency that accepted; a contact point, its own agency's; anyone else, nobody. By agency, then name.",
    resolve: (operation, _args, ctx) => assignableUsers(ctx, operation.id),
  }),
);

/** Parts of an operation are visible exactly when the operation is. */
async function withinVisibleOperation<T extends { operationId: string }>(ctx: ServiceContext, row: T | null): Promise<T | null> {
  return row && (await findVisibleOperation(ctx, row.operationId)) ? row : null;
}
registerNodeLoader('Participation', async (ctx, id) => withinVisibleOperation(ctx, await findParticipationById(ctx.db, id)));
registerNodeLoader('OperationMember', async (ctx, id) => withinVisibleOperation(ctx, await findMember(ctx.db, id)));

interface InvitationView {
  participationId: string;
  operationId: string;
  code: string;
  name: string;
  role: 'COORDINATING' | 'PARTICIPATING' | 'OBSERVING';
  invitedAt: Date;
  invitedByName: string | null;
  invitedByAgency: string | null;
  operationalStartsAt: Date | null;
  operationalEndsAt: Date | null;
}

const InvitationType = builder.objectRef<InvitationView>('Invitation').implement({
  description: 'What an invited agency may know of an operation before it accepts.',
  fields: (t) => ({
    operationId: t.id({ resolve: (invitation) => encodeGlobalId('Operation', invitation.operationId) }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: ParticipationRoleEnum }),
    invitedAt: t.expose('invitedAt', { type: 'DateTime' }),
    invitedByName: t.exposeString('invitedByName', { nullable: true }),
    invitedByAgency: t.exposeString('invitedByAgency', { nullable: true }),
    operationalStartsAt: t.expose('operationalStartsAt', { type: 'DateTime', nullable: true }),
    operationalEndsAt: t.expose('operationalEndsAt', { type: 'DateTime', nullable: true }),
  }),
});

const InviteAgencyInput = builder.inputType('InviteAgencyInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    agencyId: t.id({ required: true }),
    role: t.field({ type: ParticipationRoleEnum, required: true }),
  }),
});
const RespondToInvitationInput = builder.inputType('RespondToInvitationInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    accept: t.boolean({ required: true }),
  }),
});
const WithdrawParticipationInput = builder.inputType('WithdrawParticipationInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    agencyId: t.id({ required: true }),
    reason: t.string({ required: true }),
  }),
});
const AssignMemberInput = builder.inputType('AssignMemberInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    userId: t.id({ required: true }),
    role: t.field({ type: MemberRoleEnum, required: true }),
  }),
});
const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    memberId: t.id({ required: true }),
  }),
});

builder.queryFields((t) => ({
  myInvitations: t.field({
    type: [InvitationType],
    authScopes: { authenticated: true },
    description: "Invitations waiting for the viewer's agency to answer.",
    resolve: (_root, _args, ctx) => pendingInvitations(ctx.db, signedIn(ctx).viewer.agencyId),
  }),
}));

const changeErrors = { types: [ValidationError, NotFoundError, PhaseRuleError] };

builder.mutationFields((t) => ({
  inviteAgency: t.field({
    type: ParticipationType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: InviteAgencyInput, required: true }) },
    errors: changeErrors,
    resolve: (_root, args, ctx) => inviteAgency(ctx, args.input),
  }),
  respondToInvitation: t.field({
    type: ParticipationType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RespondToInvitationInput, required: true }) },
    errors: changeErrors,
    resolve: (_root, args, ctx) => respondToInvitation(ctx, args.input),
  }),
  withdrawParticipation: t.field({
    type: ParticipationType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: WithdrawParticipationInput, required: true }) },
    errors: changeErrors,
    resolve: (_root, args, ctx) => withdrawParticipation(ctx, args.input),
  }),
  assignMember: t.field({
    type: OperationMemberType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: AssignMemberInput, required: true }) },
    errors: changeErrors,
    resolve: (_root, args, ctx) => assignMember(ctx, args.input),
  }),
  removeMember: t.field({
    type: OperationMemberType,
    authScopes: { authenticated: true },
    description:
      'Ends a membership (coordinators; contact points for the contact points and observers of their agency). The last coordinator stays.',
    args: { input: t.arg({ type: RemoveMemberInput, required: true }) },
    errors: changeErrors,
    resolve: (_root, args, ctx) => removeMember(ctx, args.input),
  }),
}));
