import { NotFoundError, PhaseRuleError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { findCommoditiesOfOperation, findCommoditiesOfVersion } from '../catalogue/catalogue.repo';
import { CommodityType } from '../catalogue/catalogue.graphql';
import { addOperationCommodity } from './operation-commodities.service';
import { OperationType } from './operations.graphql';

const AddOperationCommodityInput = builder.inputType('AddOperationCommodityInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    code: t.string({
      required: true,
      description: 'Capitals, digits and _, as in the reference lists (CSV imports name it by this code); not one of theirs.',
    }),
    nameEn: t.string({ required: true }),
    nameFr: t.string({ required: true }),
    hsCode: t.string({ description: 'Harmonized System code, 4 to 10 digits, e.g. 2933.99.' }),
    dimension: t.string({
      required: true,
      description: 'MASS, VOLUME, LENGTH or COUNT: what it is counted in; its default unit is the base unit (KG, L, M, PIECES).',
    }),
    category: t.string({ required: true, description: 'PRECURSOR_CHEMICAL, DETONATOR, FUSE, COMPONENT or UAV.' }),
  }),
});

builder.objectField(OperationType, 'commodities', (t) =>
  t.field({
    type: [CommodityType],
    description:
      "What the operation may name as targets, in alerts, seizures and imports: its reference list version's items, then its own, by code.",
    resolve: async (operation, _args, ctx) => [
      ...(await findCommoditiesOfVersion(ctx.db, operation.catalogueVersion)),
      ...(await findCommoditiesOfOperation(ctx.db, operation.id)),
    ],
  }),
);

builder.mutationFields((t) => ({
  addOperationCommodity: t.field({
    type: CommodityType,
    authScopes: { admin: true },
    description:
      "Adds a commodity for one operation only (administrators): usable there as the reference lists' items are, unknown elsewhere.",
    args: { input: t.arg({ type: AddOperationCommodityInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PhaseRuleError] },
    resolve: (_root, { input }, ctx) => addOperationCommodity(ctx, input),
  }),
}));
