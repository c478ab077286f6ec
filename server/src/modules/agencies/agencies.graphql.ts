import { AGENCY_KINDS } from '@jointops/shared/domain';
import { builder } from '../../graphql/builder';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { NotFoundError, ValidationError } from '../../domain-errors';
import { agencyDirectoryFilter } from './agencies.repo';
import { createAgency, findVisibleAgency, reactivateAgency, updateAgency } from './agencies.service';

export const AgencyKindEnum = builder.enumType('AgencyKind', { values: AGENCY_KINDS });

export const AgencyType = builder.drizzleNode('agencies', {
  name: 'Agency',
  // Only the columns the document asks for (lists show one agency per alert and participation).
  select: { columns: { id: true } },
  id: { column: (agency) => agency.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    acronym: t.exposeString('acronym', { nullable: true }),
    kind: t.expose('kind', { type: AgencyKindEnum }),
    countryCode: t.exposeString('countryCode', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2; none for international organisations.',
    }),
    timeZone: t.exposeString('timeZone', { nullable: true }),
    active: t.boolean({
      description: 'False while deactivated: its people cannot sign in and it is not offered for invitation.',
      select: { columns: { deactivatedAt: true } },
      resolve: (agency) => agency.deactivatedAt === null,
    }),
  }),
});

registerNodeLoader('Agency', findVisibleAgency);

const CreateAgencyInput = builder.inputType('CreateAgencyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    acronym: t.string(),
    kind: t.field({ type: AgencyKindEnum, required: true }),
    countryCode: t.string(),
    timeZone: t.string(),
  }),
});

const UpdateAgencyInput = builder.inputType('UpdateAgencyInput', {
  description: 'Fields left out stay as they are; null clears acronym, countryCode or timeZone.',
  fields: (t) => ({
    agencyId: t.id({ required: true }),
    name: t.string(),
    acronym: t.string(),
    kind: t.field({ type: AgencyKindEnum }),
    countryCode: t.string(),
    timeZone: t.string(),
  }),
});

const ReactivateAgencyInput = builder.inputType('ReactivateAgencyInput', {
  fields: (t) => ({ agencyId: t.id({ required: true }) }),
});

builder.queryFields((t) => ({
  agencies: t.drizzleConnection(
    {
      type: 'agencies',
      authScopes: { authenticated: true },
      description:
        'The agency directory, by name; `search` matches name, acronym or country code. Deactivated agencies only with `includeInactive`.',
      args: { search: t.arg.string(), includeInactive: t.arg.boolean({ defaultValue: false }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.agencies.findMany(
          query({ where: agencyDirectoryFilter(args.search, args.includeInactive ?? false), orderBy: { name: 'asc', id: 'asc' } }),
        ),
    },
    { name: 'AgencyConnection' },
    { name: 'AgencyEdge' },
  ),
}));

builder.mutationFields((t) => ({
  createAgency: t.field({
    type: AgencyType,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateAgencyInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => createAgency(ctx, input),
  }),
  updateAgency: t.field({
    type: AgencyType,
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateAgencyInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => updateAgency(ctx, input),
  }),
  reactivateAgency: t.field({
    type: AgencyType,
    authScopes: { admin: true },
    description: 'Reactivates the agency: its people may sign in again.',
    args: { input: t.arg({ type: ReactivateAgencyInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => reactivateAgency(ctx, input),
  }),
}));
