import { createAgencyInput } from '@jointops/shared/accounts';
import { ValidationError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { parseInput } from '../../validate';
import { audited } from '../audit/audited';
import { canSeeAgencyDirectory } from './agencies.policy';
import { findAgencyById, insertAgency, type AgencyRow } from './agencies.repo';

export async function createAgency(ctx: ServiceContext, rawInput: unknown): Promise<AgencyRow> {
  return audited(ctx, { action: 'createAgency', targetType: 'Agency' }, async (tx) => {
    const input = parseInput(createAgencyInput, rawInput);
    const agency = await insertAgency(tx, { ...input, createdAt: ctx.clock.now() });
    if (!agency) throw ValidationError.field('name', 'An agency with this name already exists in this country');
    return { result: agency, targetId: agency.id, details: { name: agency.name, countryCode: agency.countryCode } };
  });
}

export async function findVisibleAgency(ctx: ServiceContext, agencyId: string): Promise<AgencyRow | null> {
  if (!canSeeAgencyDirectory(ctx.viewer)) return null;
  return findAgencyById(ctx.db, agencyId);
}
