import { assignMemberInput, removeMemberInput } from '@jointops/shared/operations';
import { ForbiddenError, ValidationError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { findUserById, type UserRow } from '../accounts/users.repo';
import { findAgencyById } from '../agencies/agencies.repo';
import { audited } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import {
  countCoordinators,
  findCurrentRole,
  findMember,
  insertMember,
  markMemberRemoved,
  memberCandidates,
  type MemberRow,
} from './members.repo';
import { canAssign, canAssignSomeRole, canRemove, canSeeOperation, isCoordinator } from './operations.policy';
import { operationForAction, operationIdOf, requireOpen, standingIn } from './operation-access';
import { findParticipation } from './participations.repo';

const LAST_COORDINATOR = 'An operation keeps at least one coordinator: assign another first';

export async function assignMember(ctx: ServiceContext, rawInput: unknown): Promise<MemberRow> {
  return audited(ctx, { action: 'assignMember', targetType: 'OperationMember', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(assignMemberInput, rawInput);
    const { operation, standing, viewer } = await operationForAction(tx, ctx, input.operationId, canSeeOperation, 'assign members');
    requireOpen(operation, 'Assigning a member');
    const userId = idFromInput(input.userId, 'User', 'userId');
    // Locked until commit: the person's agency cannot change under the assignment (updateUser
    // refuses a change of agency to a member of an open operation).
    const user = await findUserById(tx, userId, { lock: true });
    if (!user || user.deactivatedAt || (await findAgencyById(tx, user.agencyId))?.deactivatedAt) {
      throw ValidationError.field('userId', 'NO_SUCH_ACTIVE_USER', 'No such active user');
    }
    const participation = await findParticipation(tx, operation.id, user.agencyId);
    if (participation?.status !== 'ACCEPTED')
      throw ValidationError.field('userId', 'AGENCY_NOT_ACCEPTED', 'Only users of agencies that accepted can be members');
    const assignee = { agencyId: user.agencyId, currentRole: await findCurrentRole(tx, operation.id, userId) };
    if (!canAssign(standing, input.role, assignee)) throw new ForbiddenError(`assign this person as ${input.role}`);
    // Somebody must always be able to plan: the last coordinator cannot be given another role.
    if (assignee.currentRole === 'COORDINATOR' && input.role !== 'COORDINATOR' && (await countCoordinators(tx, operation.id)) <= 1) {
      throw ValidationError.field('role', 'LAST_COORDINATOR', LAST_COORDINATOR);
    }
    const now = ctx.clock.now();
    const member = await insertMember(tx, {
      operationId: operation.id,
      userId,
      agencyId: user.agencyId,
      role: input.role,
      assignedBy: viewer.userId,
      assignedAt: now,
    });
    await recordEvent(tx, ctx, operation.id, 'MEMBER_ASSIGNED', { memberId: member.id, userId, agencyId: user.agencyId, role: input.role });
    return { result: member, targetId: member.id, operationId: operation.id, details: { role: input.role } };
  });
}

/** Ends a membership: the person no longer sees the operation, and their live stream of it ends. */
export async function removeMember(ctx: ServiceContext, rawInput: unknown): Promise<MemberRow> {
  return audited(ctx, { action: 'removeMember', targetType: 'OperationMember', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(removeMemberInput, rawInput);
    const { operation, standing } = await operationForAction(tx, ctx, input.operationId, canSeeOperation, 'remove members');
    requireOpen(operation, 'Removing a member');
    const memberId = idFromInput(input.memberId, 'OperationMember', 'memberId');
    const member = await findMember(tx, memberId);
    if (!member || member.operationId !== operation.id || member.removedAt) {
      throw ValidationError.field('memberId', 'NO_SUCH_MEMBER', 'No such member of this operation');
    }
    if (!canRemove(standing, member)) throw new ForbiddenError('remove this member');
    // Somebody must always be able to plan, as when assigning.
    if (member.role === 'COORDINATOR' && (await countCoordinators(tx, operation.id)) <= 1) {
      throw ValidationError.field('memberId', 'LAST_COORDINATOR', LAST_COORDINATOR);
    }
    const removed = (await markMemberRemoved(tx, member.id, ctx.clock.now()))!;
    await recordEvent(tx, ctx, operation.id, 'MEMBER_REMOVED', {
      memberId: member.id,
      userId: member.userId,
      agencyId: member.agencyId,
      role: member.role,
    });
    return { result: removed, targetId: member.id, operationId: operation.id, details: { role: member.role } };
  });
}

/**
 * Whom the viewer may make a member (or give another role): for a coordinator, the active people
 * of every agency that accepted; for a contact point, those of its own agency whose role it could
 * give; for anyone else, nobody.
 */
export async function assignableUsers(ctx: ServiceContext, operationId: string): Promise<UserRow[]> {
  const found = await standingIn(ctx, operationId);
  if (!found || !canAssignSomeRole(found.standing, { agencyId: found.standing.viewer.agencyId, currentRole: null })) return [];
  const candidates = await memberCandidates(ctx.db, operationId, isCoordinator(found.standing) ? null : found.standing.viewer.agencyId);
  return candidates
    .filter((candidate) => canAssignSomeRole(found.standing, { agencyId: candidate.user.agencyId, currentRole: candidate.currentRole }))
    .map((candidate) => candidate.user);
}
