import { GraphQLError } from 'graphql';
import { DomainError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import type { GraphQLContext } from '../../graphql/context';
import { AlertOutcomeEnum, MarkingEnum } from '../../graphql/enums';
import { CommodityType } from '../catalogue/catalogue.graphql';
import { QuantityUnitEnum } from '../../graphql/enums';
import { CheckedDatabaseEnum } from '../checks/checks.graphql';
import type { DatabaseCheckTotal, LicitShipmentTotal } from '../checks/checks.repo';
import { OperationType, ProgrammeEnum } from '../operations/operations.graphql';
import type { NationalityArrests } from './arrest-figures.repo';
import type { CountryFigures } from './country-figures.repo';
import { resultRows, type ResultRow, type RowTable } from './result-rows';
import { CSV_TABLES, resultsCsv, resultsTotals } from './results-export';
import { DEFAULT_EXPORT_MARKING } from './results.policy';
import { operationResults, programmeResults, type OperationResultsSource } from './results.service';
import { signedIn } from '../../graphql/signed-in';

/**
 * The result types here are not unions (`operationResults` is `OperationResults!` by contract), so
 * an expected failure is a top-level error carrying its code: NOT_FOUND exactly as for an unknown
 * operation, VALIDATION for a bad argument.
 */
// Only the results speak of their tables: the enum stays beside them.
const ResultsTableEnum = builder.enumType('ResultsTable', {
  description: 'A table of the results `csv` exports, named as its field (seizures: one row per seizure).',
  values: CSV_TABLES,
});

export const topLevel = (error: unknown): never => {
  if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code } });
  throw error;
};

const CsvHeaderEnum = builder.enumType('CsvHeader', {
  description: "What heads a CSV export's columns; the README lists each table's keys and what they hold.",
  values: {
    LABELS: { description: "Each column's label in the viewer's language, for people; the file starts with a UTF-8 BOM for Excel." },
    KEYS: { description: "Each column's stable key, the same in every language: for scripts, and the seizure import's column names." },
  } as const,
});

const ResultsTotalsType = builder.objectRef<ReturnType<typeof resultsTotals>>('ResultsTotals').implement({
  fields: (t) => ({
    seizures: t.exposeInt('seizures', { description: 'Seizure reports counted: VERIFIED, and SUBMITTED when asked.' }),
    arrests: t.exposeInt('arrests'),
    bonusSeizures: t.exposeInt('bonusSeizures', {
      description: "Reports of commodities outside the operation's targets when they were reported.",
    }),
    interpolFollowUps: t.exposeInt('interpolFollowUps', {
      description: 'Seizures followed up with INTERPOL: reports whose National Central Bureau was notified.',
    }),
    alertsRaised: t.exposeInt('alertsRaised', { description: 'Alerts the viewer may see, TEST alerts (the readiness test) aside.' }),
    alertsAcknowledged: t.exposeInt('alertsAcknowledged', { description: 'Of those, alerts at least one recipient agency acknowledged.' }),
    alertsOverdue: t.exposeInt('alertsOverdue', {
      description: 'Alerts with at least one missed recipient deadline (acknowledged late, or not yet and past due).',
    }),
    deadlinesMissed: t.exposeInt('deadlinesMissed', { description: 'Recipient deadlines missed, counted per recipient agency.' }),
    medianMinutesToAcknowledge: t.exposeFloat('medianMinutesToAcknowledge', {
      nullable: true,
      description: 'Median over every recipient acknowledgement, from raising; null without any.',
    }),
    alertsWithFeedback: t.exposeInt('alertsWithFeedback', { description: 'Alerts whose outcome is no longer PENDING.' }),
    alertsWithSeizure: t.exposeInt('alertsWithSeizure', { description: 'Of those, alerts linked to a seizure report counted here.' }),
    hitRate: t.exposeFloat('hitRate', {
      nullable: true,
      description: 'alertsWithSeizure ÷ alertsWithFeedback; null while no alert has feedback.',
    }),
    alertDeliveries: t.exposeInt('alertDeliveries', {
      description: 'Alerts counted per recipient agency: one per alert and agency it was sent to.',
    }),
    recipientsWithFeedback: t.exposeInt('recipientsWithFeedback', { description: 'Of those, the ones whose agency gave feedback.' }),
    controlsPerformed: t.exposeInt('controlsPerformed', {
      description: 'Of those, the ones whose feedback says a control was made: SEIZED or NOTHING_FOUND (not NOT_CONTROLLED).',
    }),
    controlRate: t.exposeFloat('controlRate', { nullable: true, description: 'controlsPerformed ÷ alertDeliveries; null without any.' }),
    alertsWithRecipientFeedback: t.exposeInt('alertsWithRecipientFeedback', {
      description: 'Alerts on which at least one recipient agency gave feedback (a linked seizure report alone is not feedback).',
    }),
    alertsWithRecipientSeizure: t.exposeInt('alertsWithRecipientSeizure', {
      description: 'Of those, alerts a recipient reported SEIZED, or linked to a seizure report counted here.',
    }),
    recipientHitRate: t.exposeFloat('recipientHitRate', {
      nullable: true,
      description: 'alertsWithRecipientSeizure ÷ alertsWithRecipientFeedback; null while no recipient gave feedback.',
    }),
    licitShipmentsChecked: t.exposeInt('licitShipmentsChecked', {
      description: 'Licit shipments of target commodities checked and released, from the register of checks.',
    }),
    databaseChecks: t.exposeInt('databaseChecks', {
      description: 'Checks against databases (INTERPOL, WCO CEN, national), from the register of checks.',
    }),
    databaseHits: t.exposeInt('databaseHits', { description: 'Of those, hits.' }),
  }),
});

const BaseQuantityType = builder.objectRef<LicitShipmentTotal['quantities'][number]>('BaseQuantity').implement({
  description: "A quantity in its dimension's base unit (KG, L, M or PIECES).",
  fields: (t) => ({ quantity: t.exposeFloat('quantity'), unit: t.field({ type: QuantityUnitEnum, resolve: (row) => row.unit }) }),
});

const LicitShipmentsRowType = builder.objectRef<LicitShipmentTotal>('LicitShipmentsCheckedRow').implement({
  description: 'Licit shipments checked in one country, and their quantity per dimension: unlike units are never added.',
  fields: (t) => ({
    countryCode: t.exposeString('countryCode'),
    shipments: t.exposeInt('shipments'),
    quantities: t.field({ type: [BaseQuantityType], resolve: (row) => row.quantities }),
  }),
});

const DatabaseChecksRowType = builder.objectRef<DatabaseCheckTotal>('DatabaseChecksRow').implement({
  description: 'Checks against one database in one country, and their hits. Counts only: no person is named.',
  fields: (t) => ({
    countryCode: t.exposeString('countryCode'),
    database: t.field({ type: CheckedDatabaseEnum, resolve: (row) => row.database }),
    checks: t.exposeInt('checks'),
    hits: t.exposeInt('hits'),
  }),
});

const ResultRowType = builder.objectRef<ResultRow>('ResultRow').implement({
  description:
    'A group of seizures and their quantity in the base unit of one dimension (KG, L, M or PIECES): unlike units are never added.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable: the group and the unit, e.g. `MY:AMMONIUM_NITRATE:KG`.' }),
    label: t.exposeString('label', { description: "In the viewer's language." }),
    countryCode: t.exposeString('countryCode', { nullable: true }),
    commodity: t.field({
      type: CommodityType,
      nullable: true,
      description: 'Null for other commodities.',
      resolve: (row) => row.commodity,
    }),
    commodityClass: t.exposeString('commodityClass', {
      nullable: true,
      description: 'Catalogue category, or OTHER for described commodities.',
    }),
    quantity: t.exposeFloat('quantity'),
    unit: t.field({ type: QuantityUnitEnum, resolve: (row) => row.unit }),
    seizures: t.exposeInt('seizures'),
    arrests: t.exposeInt('arrests'),
  }),
});

const NationalityArrestsType = builder.objectRef<NationalityArrests>('NationalityArrestsRow').implement({
  description: 'Persons arrested of one country of nationality: counts, never names.',
  fields: (t) => ({
    nationality: t.exposeString('nationality', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2 code; null for arrests reported without a nationality.',
    }),
    arrests: t.exposeInt('arrests'),
    seizures: t.exposeInt('seizures', { description: 'Reports counting these arrests.' }),
  }),
});

const CountryFiguresType = builder.objectRef<CountryFigures>('CountryFiguresRow').implement({
  description: "One country's share of the operation: alerts its agencies raised, seizure reports made there.",
  fields: (t) => ({
    countryCode: t.exposeString('countryCode'),
    alertsRaised: t.exposeInt('alertsRaised', {
      description: 'Alerts raised by agencies of this country that the viewer may see, TEST and withdrawn alerts aside.',
    }),
    seizures: t.exposeInt('seizures', { description: 'Seizure reports counted here, by the country where the goods were seized.' }),
  }),
});

const OutcomeCountType = builder.objectRef<{ outcome: (typeof AlertOutcomeEnum)['$inferType']; count: number }>('OutcomeCount').implement({
  fields: (t) => ({ outcome: t.field({ type: AlertOutcomeEnum, resolve: (row) => row.outcome }), count: t.exposeInt('count') }),
});

/** The resolver of one rows table, in the viewer's language. */
const rowsOf = (table: RowTable) => async (source: OperationResultsSource, _args: object, ctx: GraphQLContext) =>
  resultRows(table, (await source.seizures())[table], signedIn(ctx).viewer.locale);

export const OperationResultsType = builder.objectRef<OperationResultsSource>('OperationResults').implement({
  description: 'Computed over VERIFIED reports (SUBMITTED too when asked) and the alerts the viewer may see.',
  fields: (t) => ({
    operation: t.field({ type: OperationType, resolve: (source) => source.operation }),
    includeUnverified: t.exposeBoolean('includeUnverified'),
    totals: t.field({
      type: ResultsTotalsType,
      // The three sides at once: on PostgreSQL each takes a connection of its own.
      resolve: async (source) => resultsTotals(...(await Promise.all([source.seizures(), source.alerts(), source.checks()]))),
    }),
    licitShipmentsChecked: t.field({
      type: [LicitShipmentsRowType],
      description: 'Per country, from the register of checks.',
      resolve: async (source) => (await source.checks()).licitShipments,
    }),
    databaseChecks: t.field({
      type: [DatabaseChecksRowType],
      description: 'Per country and database, from the register of checks.',
      resolve: async (source) => (await source.checks()).databaseChecks,
    }),
    byCountryAndCommodity: t.field({
      type: [ResultRowType],
      description: 'Per reporting country and commodity (other commodities together), by country then commodity code.',
      resolve: rowsOf('byCountryAndCommodity'),
    }),
    byCommodity: t.field({
      type: [ResultRowType],
      description:
        'Per commodity (other commodities together) across countries, most seizures first: the sums of byCountryAndCommodity per commodity and unit.',
      resolve: rowsOf('byCommodity'),
    }),
    byDetectionMethod: t.field({ type: [ResultRowType], description: 'Most seizures first.', resolve: rowsOf('byDetectionMethod') }),
    byTransportMode: t.field({ type: [ResultRowType], description: 'Most seizures first.', resolve: rowsOf('byTransportMode') }),
    byCommodityClass: t.field({
      type: [ResultRowType],
      description: 'Per catalogue category (OTHER for described commodities), bonus or not.',
      resolve: rowsOf('byCommodityClass'),
    }),
    bonusByClass: t.field({
      type: [ResultRowType],
      description: "Bonus seizures (commodities outside the operation's targets) per class.",
      resolve: rowsOf('bonusByClass'),
    }),
    arrestsByNationality: t.field({
      type: [NationalityArrestsType],
      description: 'Arrests per country of nationality, by nationality code; the row without a nationality last.',
      resolve: (source) => source.arrestsByNationality(),
    }),
    byCountry: t.field({
      type: [CountryFiguresType],
      description: 'Per country with an alert raised or a seizure counted, by country code; international organisations have none.',
      resolve: (source) => source.byCountry(),
    }),
    alertOutcomes: t.field({
      type: [OutcomeCountType],
      description: 'Every outcome, zero included.',
      resolve: async (source) => (await source.alerts()).outcomes,
    }),
    csv: t.string({
      description: `One table as CSV (RFC 4180, header row): ${CSV_TABLES.join(', ')}. Linked alerts above maxMarking (default ${DEFAULT_EXPORT_MARKING}) are left out, and RED ones always (TLP:RED: no further sharing); no personal data.`,
      args: {
        table: t.arg({ type: ResultsTableEnum, required: true }),
        maxMarking: t.arg({ type: MarkingEnum }),
        header: t.arg({ type: CsvHeaderEnum, defaultValue: 'LABELS', description: 'Dates are ISO 8601 in UTC whatever the header.' }),
      },
      resolve: (source, args, ctx) =>
        resultsCsv(source, {
          table: args.table,
          maxMarking: args.maxMarking ?? DEFAULT_EXPORT_MARKING,
          header: args.header ?? 'LABELS',
          locale: signedIn(ctx).viewer.locale,
        }).catch(topLevel),
    }),
  }),
});

const ProgrammeResultsType = builder.objectRef<Awaited<ReturnType<typeof programmeResults>>>('ProgrammeResults').implement({
  description: 'Across the operations of a programme the viewer may see; exercise operations never count.',
  fields: (t) => ({
    programme: t.field({ type: ProgrammeEnum, resolve: (results) => results.programme }),
    operations: t.exposeInt('operations', { description: 'Operations counted.' }),
    seizures: t.int({ resolve: (results) => results.figures.seizures }),
    arrests: t.int({ resolve: (results) => results.figures.arrests }),
    bonusSeizures: t.int({ resolve: (results) => results.figures.bonusSeizures }),
    interpolFollowUps: t.int({
      description: 'Seizures followed up with INTERPOL.',
      resolve: (results) => results.figures.interpolFollowUps,
    }),
    byCountryAndCommodity: t.field({
      type: [ResultRowType],
      resolve: (results, _args, ctx) =>
        resultRows('byCountryAndCommodity', results.figures.byCountryAndCommodity, signedIn(ctx).viewer.locale),
    }),
  }),
});

builder.queryFields((t) => ({
  operationResults: t.field({
    type: OperationResultsType,
    authScopes: { authenticated: true },
    args: { operationId: t.arg.id({ required: true }), includeUnverified: t.arg.boolean({ defaultValue: false }) },
    resolve: (_root, args, ctx) => operationResults(ctx, String(args.operationId), args.includeUnverified ?? false).catch(topLevel),
  }),
  programmeResults: t.field({
    type: ProgrammeResultsType,
    authScopes: { authenticated: true },
    description: 'Seized between `from` (included) and `to` (excluded) when given.',
    args: {
      programme: t.arg({ type: ProgrammeEnum, required: true }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      includeUnverified: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, ctx) =>
      programmeResults(ctx, {
        programme: args.programme,
        from: args.from ?? null,
        to: args.to ?? null,
        includeUnverified: args.includeUnverified ?? false,
      }).catch(topLevel),
  }),
}));
