import { CATALOGUE_VERSIONS, CURRENT_CATALOGUE_VERSION, type CatalogueVersion } from '@jointops/shared/catalogue';
import { ERROR_CODES } from '@jointops/shared/errors';
import { GraphQLError } from 'graphql';
import { builder } from '../../graphql/builder';
import { CommodityCategoryEnum, QuantityUnitEnum } from '../../graphql/enums';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { findCommoditiesOfVersion, findCommodityVisibleTo, type CommodityRow } from './catalogue.repo';

export const CommodityType = builder.drizzleNode('commodities', {
  name: 'Commodity',
  id: { column: (commodity) => commodity.id },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      description: "In the viewer's language.",
      select: { columns: { nameEn: true, nameFr: true } },
      resolve: (commodity, _args, ctx) => (ctx.viewer?.locale === 'fr' ? commodity.nameFr : commodity.nameEn),
    }),
    nameEn: t.exposeString('nameEn'),
    nameFr: t.exposeString('nameFr'),
    category: t.expose('category', { type: CommodityCategoryEnum }),
    listVersion: t.exposeString('version', { description: 'The catalogue version that introduced it.' }),
    defaultUnit: t.expose('defaultUnit', { type: QuantityUnitEnum }),
    hsCode: t.exposeString('hsCode', { nullable: true }),
    operationSpecific: t.boolean({
      description: 'Added for one operation by an administrator, outside the reference lists: usable in that operation only.',
      select: { columns: { operationId: true } },
      resolve: (commodity) => commodity.operationId !== null,
    }),
  }),
});

// Reference data: every signed-in user may look any item up; an operation's own, its members only.
registerNodeLoader('Commodity', (ctx, id) => (ctx.viewer ? findCommodityVisibleTo(ctx.db, id, ctx.viewer) : Promise.resolve(null)));

const CommodityCatalogue = builder.objectRef<{ version: CatalogueVersion; items: CommodityRow[] }>('CommodityCatalogue').implement({
  fields: (t) => ({
    version: t.exposeString('version'),
    items: t.field({ type: [CommodityType], resolve: (catalogue) => catalogue.items }),
  }),
});

builder.queryFields((t) => ({
  commodityCatalogue: t.field({
    type: CommodityCatalogue,
    authScopes: { authenticated: true },
    description: `A version of the PGS commodity list; the current one (${CURRENT_CATALOGUE_VERSION}) by default.`,
    args: { version: t.arg.string({ description: `One of ${CATALOGUE_VERSIONS.join(', ')}.` }) },
    resolve: async (_root, args, ctx) => {
      const version = (args.version ?? CURRENT_CATALOGUE_VERSION) as CatalogueVersion;
      if (!CATALOGUE_VERSIONS.includes(version)) {
        throw new GraphQLError(`Unknown catalogue version "${version}"; known: ${CATALOGUE_VERSIONS.join(', ')}.`, {
          extensions: { code: ERROR_CODES.VALIDATION },
        });
      }
      return { version, items: await findCommoditiesOfVersion(ctx.db, version) };
    },
  }),
}));
