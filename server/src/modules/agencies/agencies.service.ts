import { agencyCountryProblem, createAgencyInput, reactivateAgencyInput, updateAgencyInput } from '@jointops/shared/accounts';
import { NotFoundError, ValidationError } from '../../domain-errors';
import type { ServiceContext } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { canSeeAgencyDirectory } from './agencies.policy';
import { findAgencyById, insertAgency, markAgencyReactivated, updateAgencyRow, type AgencyRow } from './agencies.repo';

const NAME_TAKEN = 'An agency with this name already exists in this country';

export async function createAgency(ctx: ServiceContext, rawInput: unknown): Promise<AgencyRow> {
  return audited(ctx, { action: 'createAgency', targetType: 'Agency' }, async (tx) => {
    const input = parseInput(createAgencyInput, rawInput);
    const agency = await insertAgency(tx, { ...input, createdAt: ctx.clock.now() });
    if (!agency) throw ValidationError.field('name', 'AGENCY_NAME_TAKEN', NAME_TAKEN);
    return { result: agency, targetId: agency.id, details: { name: agency.name, countryCode: agency.countryCode } };
  });
}

/** Changes the fields given; the agency must still have the country its kind needs. */
export async function updateAgency(ctx: ServiceContext, rawInput: unknown): Promise<AgencyRow> {
  return audited(ctx, { action: 'updateAgency', targetType: 'Agency' }, async (tx) => {
    const input = parseInput(updateAgencyInput, rawInput);
    const agencyId = idFromInput(input.agencyId, 'Agency', 'agencyId');
    const existing = await findAgencyById(tx, agencyId, { lock: true });
    if (!existing) throw new NotFoundError('Agency');
    const fields = { name: input.name, acronym: input.acronym, kind: input.kind, countryCode: input.countryCode, timeZone: input.timeZone };
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => value !== undefined && value !== existing[key as keyof AgencyRow]),
    );
    const problem = agencyCountryProblem({ ...existing, ...changes });
    if (problem) throw ValidationError.field('countryCode', 'COUNTRY_REQUIRED_FOR_NATIONAL_AGENCY', problem);
    const updated = Object.keys(changes).length ? await updateAgencyRow(tx, agencyId, changes) : existing;
    if (!updated) throw ValidationError.field('name', 'AGENCY_NAME_TAKEN', NAME_TAKEN);
    return { result: updated, targetId: agencyId, details: { changed: Object.keys(changes) } };
  });
}

/** Switches an agency back on; its people sign in again (their accounts as they were). */
export async function reactivateAgency(ctx: ServiceContext, rawInput: unknown): Promise<AgencyRow> {
  return audited(ctx, { action: 'reactivateAgency', targetType: 'Agency' }, async (tx) => {
    const input = parseInput(reactivateAgencyInput, rawInput);
    const agency = await markAgencyReactivated(tx, idFromInput(input.agencyId, 'Agency', 'agencyId'));
    if (!agency) throw new NotFoundError('Agency');
    return { result: agency, targetId: agency.id };
  });
}

export async function findVisibleAgency(ctx: ServiceContext, agencyId: string): Promise<AgencyRow | null> {
  if (!canSeeAgencyDirectory(ctx.viewer)) return null;
  return findAgencyById(ctx.db, agencyId);
}
