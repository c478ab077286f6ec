import { inviteAgencyInput, respondToInvitationInput, withdrawParticipationInput } from '@jointops/shared/operations';
import type { MemberRole, ParticipationRole } from '@jointops/shared/domain';
import { ValidationError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { findAgencyById } from '../agencies/agencies.repo';
import { audited } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import { insertMember, removeMembersOfAgency } from './members.repo';
import { canPlan, canRespondToInvitation, canWithdraw } from './operations.policy';
import { operationForAction, operationIdOf, requireOpen } from './operation-access';
import { findParticipation, insertParticipation, updateParticipation, type ParticipationRow } from './participations.repo';

/** The role the answering user takes when their agency accepts. */
const FIRST_MEMBER_ROLE: Record<ParticipationRole, MemberRole> = {
  COORDINATING: 'COORDINATOR',
  PARTICIPATING: 'CONTACT_POINT',
  OBSERVING: 'OBSERVER',
};

export async function inviteAgency(ctx: ServiceContext, rawInput: unknown): Promise<ParticipationRow> {
  return audited(ctx, { action: 'inviteAgency', targetType: 'Participation', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(inviteAgencyInput, rawInput);
    const { operation, viewer } = await operationForAction(tx, ctx, input.operationId, canPlan, 'invite agencies');
    requireOpen(operation, 'Inviting an agency');
    const agencyId = idFromInput(input.agencyId, 'Agency', 'agencyId');
    const agency = await findAgencyById(tx, agencyId);
    if (!agency) throw ValidationError.field('agencyId', 'NO_SUCH_AGENCY', 'No such agency');
    if (agency.deactivatedAt) throw ValidationError.field('agencyId', 'AGENCY_DEACTIVATED', 'This agency is deactivated');
    const now = ctx.clock.now();
    // A fresh invitation starts over: an agency that withdrew and comes back takes the readiness test again.
    const invitation = {
      role: input.role,
      status: 'INVITED' as const,
      invitedBy: viewer.userId,
      invitedAt: now,
      respondedBy: null,
      respondedAt: null,
    };
    const existing = await findParticipation(tx, operation.id, agencyId);
    let participation: ParticipationRow;
    if (!existing) {
      participation = (await insertParticipation(tx, { operationId: operation.id, agencyId, ...invitation }))!;
    } else if (existing.status === 'DECLINED' || existing.status === 'WITHDRAWN') {
      participation = await updateParticipation(tx, existing.id, invitation);
    } else {
      throw existing.status === 'INVITED'
        ? ValidationError.field('agencyId', 'ALREADY_INVITED', 'Already invited')
        : ValidationError.field('agencyId', 'ALREADY_TAKING_PART', 'Already taking part');
    }
    await recordEvent(tx, ctx, operation.id, 'AGENCY_INVITED', { participationId: participation.id, agencyId, role: input.role });
    return { result: participation, targetId: participation.id, operationId: operation.id };
  });
}

/** Accepts or declines, for the caller's agency, the invitation it received. */
export async function respondToInvitation(ctx: ServiceContext, rawInput: unknown): Promise<ParticipationRow> {
  return audited(ctx, { action: 'respondToInvitation', targetType: 'Participation', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(respondToInvitationInput, rawInput);
    const { operation, viewer } = await operationForAction(tx, ctx, input.operationId, canRespondToInvitation, 'answer this invitation', {
      visibleTo: canRespondToInvitation,
    });
    requireOpen(operation, 'Answering an invitation');
    const now = ctx.clock.now();
    const pending = (await findParticipation(tx, operation.id, viewer.agencyId))!;
    const participation = await updateParticipation(tx, pending.id, {
      status: input.accept ? 'ACCEPTED' : 'DECLINED',
      respondedBy: viewer.userId,
      respondedAt: now,
    });
    if (input.accept) {
      await insertMember(tx, {
        operationId: operation.id,
        userId: viewer.userId,
        agencyId: viewer.agencyId,
        role: FIRST_MEMBER_ROLE[participation.role],
        assignedBy: viewer.userId,
        assignedAt: now,
      });
    }
    await recordEvent(tx, ctx, operation.id, input.accept ? 'INVITATION_ACCEPTED' : 'INVITATION_DECLINED', {
      participationId: participation.id,
      agencyId: viewer.agencyId,
    });
    return { result: participation, targetId: participation.id, operationId: operation.id, details: { accept: input.accept } };
  });
}

export async function withdrawParticipation(ctx: ServiceContext, rawInput: unknown): Promise<ParticipationRow> {
  return audited(
    ctx,
    { action: 'withdrawParticipation', targetType: 'Participation', operationId: operationIdOf(rawInput) },
    async (tx) => {
      const input = parseInput(withdrawParticipationInput, rawInput);
      const agencyId = idFromInput(input.agencyId, 'Agency', 'agencyId');
      const { operation, viewer } = await operationForAction(
        tx,
        ctx,
        input.operationId,
        (standing) => canWithdraw(standing, agencyId),
        'withdraw this agency',
      );
      requireOpen(operation, 'Withdrawing an agency');
      const existing = await findParticipation(tx, operation.id, agencyId);
      if (!existing || existing.status === 'WITHDRAWN' || existing.status === 'DECLINED') {
        throw ValidationError.field('agencyId', 'AGENCY_NOT_TAKING_PART', 'This agency is not taking part');
      }
      if (existing.role === 'COORDINATING')
        throw ValidationError.field('agencyId', 'COORDINATING_AGENCY_CANNOT_WITHDRAW', 'A coordinating agency cannot withdraw');
      const now = ctx.clock.now();
      const participation = await updateParticipation(tx, existing.id, {
        status: 'WITHDRAWN',
        respondedBy: viewer.userId,
        respondedAt: now,
      });
      await removeMembersOfAgency(tx, operation.id, agencyId, now);
      await recordEvent(tx, ctx, operation.id, 'PARTICIPATION_WITHDRAWN', {
        participationId: participation.id,
        agencyId,
        reason: input.reason,
      });
      return { result: participation, targetId: participation.id, operationId: operation.id, details: { reason: input.reason } };
    },
  );
}
