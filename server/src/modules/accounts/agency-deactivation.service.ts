import { deactivateAgencyInput } from '@jointops/shared/accounts';
import { NotFoundError, ValidationError } from '../../domain-errors';
import { audited } from '../../journal/audited';
import type { ServiceContext } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { type AgencyRow, findAgencyById, markAgencyDeactivated } from '../agencies/agencies.repo';
import { announceSessionsEnded } from './accounts.service';
import { revokeSessionsOfAgency } from './sessions.repo';

// Here rather than in agencies: ending sessions is the accounts module's business, and accounts is
// built on agencies (a person belongs to one), so agencies may not import accounts.

/**
 * Switches an agency off: its people cannot sign in, their sessions and live streams end here and
 * (through pubsub) in every process, exactly as when one account is deactivated, and it is no longer
 * offered for invitation. Its memberships and everything it reported stay.
 */
export async function deactivateAgency(ctx: ServiceContext, rawInput: unknown): Promise<AgencyRow> {
  const { agency, endedFor } = await audited(ctx, { action: 'deactivateAgency', targetType: 'Agency' }, async (tx) => {
    const input = parseInput(deactivateAgencyInput, rawInput);
    const agencyId = idFromInput(input.agencyId, 'Agency', 'agencyId');
    if (agencyId === ctx.viewer?.agencyId)
      throw ValidationError.field('agencyId', 'CANNOT_DEACTIVATE_OWN_AGENCY', 'You cannot deactivate your own agency');
    const now = ctx.clock.now();
    const deactivated = (await markAgencyDeactivated(tx, agencyId, now)) ?? (await findAgencyById(tx, agencyId));
    if (!deactivated) throw new NotFoundError('Agency');
    const endedFor = await revokeSessionsOfAgency(tx, agencyId, now);
    return { result: { agency: deactivated, endedFor }, targetId: agencyId, details: { endedSessions: endedFor.length } };
  });
  announceSessionsEnded(ctx, endedFor);
  return agency;
}
