import { CHECKED_DATABASES } from '@jointops/shared/domain';
import { NotFoundError, PhaseRuleError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { UserType } from '../accounts/accounts.graphql';
import { AgencyType } from '../agencies/agencies.graphql';
import { CommodityType } from '../catalogue/catalogue.graphql';
import { QuantityUnitEnum } from '../../graphql/enums';
import type { DatabaseFigures, ShipmentFigures, StoredEvent } from '../../journal/event-catalogue';
import { eventType } from '../timeline/operation-event.graphql';
import { OperationType } from '../operations/operations.graphql';
import {
  findDatabaseCheckById,
  findLicitShipmentCheckById,
  findVisibleDatabaseCheck,
  findVisibleLicitShipmentCheck,
  visibleDatabaseChecks,
  visibleLicitShipmentChecks,
} from './checks.repo';
import { recordDatabaseChecks, recordLicitShipmentsChecked } from './checks.service';
import { signedIn } from '../../graphql/signed-in';

export const CheckedDatabaseEnum = builder.enumType('CheckedDatabase', {
  values: CHECKED_DATABASES,
  description: 'INTERPOL_SLTD: stolen and lost travel documents; WCO_CEN: the Customs Enforcement Network.',
});

const checkedOn = { description: "The day, in the operation's reference time zone (YYYY-MM-DD)." };

export const LicitShipmentCheckType = builder.drizzleNode('licitShipmentChecks', {
  name: 'LicitShipmentCheck',
  description: "An agency's count of licit shipments of one commodity checked on one day.",
  id: { column: (check) => check.id },
  fields: (t) => ({
    agency: t.relation('agency', { type: AgencyType }),
    countryCode: t.exposeString('countryCode', { description: "The reporting agency's country." }),
    checkedOn: t.exposeString('checkedOn', checkedOn),
    commodity: t.relation('commodity', { type: CommodityType }),
    shipments: t.exposeInt('shipments'),
    quantity: t.exposeFloat('quantity', { nullable: true }),
    unit: t.expose('unit', { type: QuantityUnitEnum, nullable: true }),
    recordedBy: t.relation('recordedByUser', { type: UserType }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

export const DatabaseCheckType = builder.drizzleNode('databaseChecks', {
  name: 'DatabaseCheck',
  description: "An agency's checks against one database on one day, and how many were hits. Counts only.",
  id: { column: (check) => check.id },
  fields: (t) => ({
    agency: t.relation('agency', { type: AgencyType }),
    countryCode: t.exposeString('countryCode', { description: "The reporting agency's country." }),
    checkedOn: t.exposeString('checkedOn', checkedOn),
    database: t.expose('database', { type: CheckedDatabaseEnum }),
    checks: t.exposeInt('checks'),
    hits: t.exposeInt('hits'),
    recordedBy: t.relation('recordedByUser', { type: UserType }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

registerNodeLoader('LicitShipmentCheck', (ctx, id) =>
  ctx.viewer ? findVisibleLicitShipmentCheck(ctx.db, ctx.viewer, id) : Promise.resolve(null),
);
registerNodeLoader('DatabaseCheck', (ctx, id) => (ctx.viewer ? findVisibleDatabaseCheck(ctx.db, ctx.viewer, id) : Promise.resolve(null)));

builder.objectFields(OperationType, (t) => ({
  licitShipmentChecks: t.field({
    type: [LicitShipmentCheckType],
    description: 'The register of licit shipments checked, by day, country and commodity.',
    resolve: (operation, _args, ctx) => visibleLicitShipmentChecks(ctx.db, signedIn(ctx).viewer, operation.id),
  }),
  databaseChecks: t.field({
    type: [DatabaseCheckType],
    description: 'The register of database checks and hits, by day, country and database.',
    resolve: (operation, _args, ctx) => visibleDatabaseChecks(ctx.db, signedIn(ctx).viewer, operation.id),
  }),
}));

const ShipmentFiguresType = builder.objectRef<ShipmentFigures>('LicitShipmentFigures').implement({
  fields: (t) => ({
    shipments: t.exposeInt('shipments'),
    quantity: t.exposeFloat('quantity', { nullable: true }),
    unit: t.field({ type: QuantityUnitEnum, nullable: true, resolve: (figures) => figures.unit }),
  }),
});
const DatabaseFiguresType = builder.objectRef<DatabaseFigures>('DatabaseCheckFigures').implement({
  fields: (t) => ({ checks: t.exposeInt('checks'), hits: t.exposeInt('hits') }),
});

// Each recording on the timeline: the record, whether it corrected an earlier figure for the same
// day, and the figures before and after.
const correction = {
  description: 'It replaced a figure recorded earlier for the same day.',
  resolve: (event: StoredEvent<'LICIT_SHIPMENTS_CHECKED' | 'DATABASE_CHECKS_RECORDED'>) => event.data.correction,
};

eventType('LicitShipmentsCheckedEvent', ['LICIT_SHIPMENTS_CHECKED'], (t) => ({
  check: t.field({
    type: LicitShipmentCheckType,
    resolve: async (event, _args, ctx) => (await findLicitShipmentCheckById(ctx.db, event.data.checkId))!,
  }),
  correction: t.boolean(correction),
  before: t.field({ type: ShipmentFiguresType, nullable: true, resolve: (event) => event.data.before }),
  after: t.field({ type: ShipmentFiguresType, resolve: (event) => event.data.after }),
}));
eventType('DatabaseChecksRecordedEvent', ['DATABASE_CHECKS_RECORDED'], (t) => ({
  check: t.field({
    type: DatabaseCheckType,
    resolve: async (event, _args, ctx) => (await findDatabaseCheckById(ctx.db, event.data.checkId))!,
  }),
  correction: t.boolean(correction),
  before: t.field({ type: DatabaseFiguresType, nullable: true, resolve: (event) => event.data.before }),
  after: t.field({ type: DatabaseFiguresType, resolve: (event) => event.data.after }),
}));

const RecordLicitShipmentsCheckedInput = builder.inputType('RecordLicitShipmentsCheckedInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    checkedOn: t.string({ required: true, ...checkedOn }),
    commodityId: t.id({ required: true }),
    shipments: t.int({ required: true }),
    quantity: t.float({ description: "Their total quantity in `unit`, which must measure what the commodity's default unit measures." }),
    unit: t.field({ type: QuantityUnitEnum, description: 'Required with a quantity.' }),
  }),
});

const RecordDatabaseChecksInput = builder.inputType('RecordDatabaseChecksInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    checkedOn: t.string({ required: true, ...checkedOn }),
    database: t.field({ type: CheckedDatabaseEnum, required: true }),
    checks: t.int({ required: true }),
    hits: t.int({ required: true, description: 'At most `checks`.' }),
  }),
});

const recordErrors = { types: [ValidationError, NotFoundError, PhaseRuleError] };

builder.mutationFields((t) => ({
  recordLicitShipmentsChecked: t.field({
    type: LicitShipmentCheckType,
    authScopes: { authenticated: true },
    description: "Records the caller's agency's figure for that day and commodity; again, replaces it.",
    args: { input: t.arg({ type: RecordLicitShipmentsCheckedInput, required: true }) },
    errors: recordErrors,
    resolve: (_root, args, ctx) => recordLicitShipmentsChecked(ctx, args.input),
  }),
  recordDatabaseChecks: t.field({
    type: DatabaseCheckType,
    authScopes: { authenticated: true },
    description: "Records the caller's agency's checks and hits for that day and database; again, replaces them.",
    args: { input: t.arg({ type: RecordDatabaseChecksInput, required: true }) },
    errors: recordErrors,
    resolve: (_root, args, ctx) => recordDatabaseChecks(ctx, args.input),
  }),
}));
