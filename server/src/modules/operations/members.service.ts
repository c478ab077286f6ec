import { assignMemberInput } from '@jointops/shared/operations';
import { ForbiddenError, ValidationError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { findUserById } from '../accounts/users.repo';
import { audited } from '../audit/audited';
import { recordEvent } from '../events/record-event';
import { countCoordinators, findCurrentRole, insertMember, type MemberRow } from './members.repo';
import { canAssign, canSeeOperation } from './operations.policy';
import { operationForAction, operationIdOf, requireOpen } from './operation-access';
import { findParticipation } from './participations.repo';

export async function assignMember(ctx: ServiceContext, rawInput: unknown): Promise<MemberRow> {
  return audited(ctx, { action: 'assignMember', targetType: 'OperationMember', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(assignMemberInput, rawInput);
    const { operation, standing } = await operationForAction(tx, ctx, input.operationId, canSeeOperation, 'assign members');
    requireOpen(operation, 'Assigning a member');
    const userId = idFromInput(input.userId, 'User', 'userId');
    const user = await findUserById(tx, userId);
    if (!user || user.deactivatedAt) throw ValidationError.field('userId', 'No such active user');
    const participation = await findParticipation(tx, operation.id, user.agencyId);
    if (participation?.status !== 'ACCEPTED') throw ValidationError.field('userId', "Only users of agencies that accepted can be members");
    const assignee = { agencyId: user.agencyId, currentRole: await findCurrentRole(tx, operation.id, userId) };
    if (!canAssign(standing, input.role, assignee)) throw new ForbiddenError(`assign this person as ${input.role}`);
    // Somebody must always be able to plan: the last coordinator cannot be given another role.
    if (assignee.currentRole === 'COORDINATOR' && input.role !== 'COORDINATOR' && (await countCoordinators(tx, operation.id)) <= 1) {
      throw ValidationError.field('role', 'An operation keeps at least one coordinator: assign another first');
    }
    const now = ctx.clock.now();
    const member = await insertMember(tx, {
      operationId: operation.id,
      userId,
      agencyId: user.agencyId,
      role: input.role,
      assignedBy: ctx.viewer!.userId,
      assignedAt: now,
    });
    await recordEvent(tx, ctx, operation.id, 'MEMBER_ASSIGNED', { memberId: member.id, userId, agencyId: user.agencyId, role: input.role });
    return { result: member, targetId: member.id, operationId: operation.id, details: { role: input.role } };
  });
}
