import { AGENCY_KINDS } from '@jointops/shared/domain';
import { builder } from '../../graphql/builder';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { ValidationError } from '../../domain-errors';
import { agencySearchFilter } from './agencies.repo';
import { createAgency, findVisibleAgency } from './agencies.service';

export const AgencyKindEnum = builder.enumType('AgencyKind', { values: AGENCY_KINDS });

export const AgencyType = builder.drizzleNode('agencies', {
  name: 'Agency',
  id: { column: (agency) => agency.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    acronym: t.exposeString('acronym', { nullable: true }),
    kind: t.expose('kind', { type: AgencyKindEnum }),
    countryCode: t.exposeString('countryCode', { nullable: true, description: 'ISO 3166-1 alpha-2; none for international organisations.' }),
    timeZone: t.exposeString('timeZone', { nullable: true }),
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

builder.queryFields((t) => ({
  agencies: t.drizzleConnection(
    {
      type: 'agencies',
      authScopes: { authenticated: true },
      description: 'The agency directory, by name; `search` matches name, acronym or country code.',
      args: { search: t.arg.string() },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.agencies.findMany(query({ where: agencySearchFilter(args.search), orderBy: { name: 'asc', id: 'asc' } })),
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
}));
