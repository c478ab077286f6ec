import { ALERT_SEVERITIES, MEMBER_ROLES, PARTICIPATION_ROLES, PROGRAMMES, type AlertSeverity } from '@jointops/shared/domain';
import { ConflictError, NotFoundError, PhaseGateError, PhaseRuleError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { ErrorInterface } from '../../graphql/errors';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { uuidFromGlobalId } from '../../global-id';
import { AlertSeverityEnum, PhaseEnum } from '../../graphql/enums';
import { CommodityType } from '../catalogue/catalogue.graphql';
import type { operations as operationsTable } from '../../db/schema/operations';
import { standingIn } from './operation-access';
import { visibleTo } from './operations.repo';
import { createOperation, findVisibleOperation, updateOperation } from './operations.service';
import { phaseGate, advancePhase, recordFinalReport } from './phases.service';
import type { GateCriterion } from './phase-gates';
import { GATE_CRITERION_KEYS, type GateCriterionKey } from '@jointops/shared/operations';
import { signedIn } from '../../graphql/signed-in';

export const ProgrammeEnum = builder.enumType('Programme', { values: PROGRAMMES });
export const ParticipationRoleEnum = builder.enumType('ParticipationRole', { values: PARTICIPATION_ROLES });
export const MemberRoleEnum = builder.enumType('MemberRole', { values: MEMBER_ROLES });

/** Named as the enum's values, holding the keys events and audit rows store (shared/src/operations.ts). */
export const GateCriterionKeyEnum = builder.enumType('GateCriterionKey', {
  description: 'A criterion of a phase gate; GATE_CRITERIA in shared/ lists them gate by gate, in checklist order.',
  values: Object.fromEntries(Object.entries(GATE_CRITERION_KEYS).map(([name, stored]) => [name, { value: stored }])) as Record<
    GateCriterionKey,
    { value: (typeof GATE_CRITERION_KEYS)[GateCriterionKey] }
  >,
});

const GateCriterionType = builder.objectRef<GateCriterion>('GateCriterion').implement({
  description: 'An unmet criterion of a phase gate: `key` names it, the rest say what it waits for.',
  fields: (t) => ({
    key: t.expose('key', { type: GateCriterionKeyEnum }),
    description: t.exposeString('description', { description: 'In English; clients word the criterion from its key and details.' }),
    agencies: t.stringList({ description: 'The agencies it still waits for, by name.', resolve: (criterion) => criterion.agencies ?? [] }),
    phases: t.field({
      type: [PhaseEnum],
      description: 'The phases still without planned dates.',
      resolve: (criterion) => criterion.phases ?? [],
    }),
    count: t.int({
      nullable: true,
      description: 'How many are left, where the criterion counts.',
      resolve: (criterion) => criterion.count ?? null,
    }),
  }),
});

builder.objectType(PhaseGateError, {
  name: 'PhaseGateError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ unmetCriteria: t.field({ type: [GateCriterionType], resolve: (error) => error.unmetCriteria }) }),
});

builder.objectType(PhaseRuleError, {
  name: 'PhaseRuleError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ phase: t.field({ type: PhaseEnum, resolve: (error) => error.phase }) }),
});

export const PhasePlanType = builder.drizzleObject('operationPhases', {
  name: 'PhasePlan',
  fields: (t) => ({
    phase: t.expose('phase', { type: PhaseEnum }),
    plannedStartsAt: t.expose('plannedStartsAt', { type: 'DateTime', nullable: true }),
    plannedEndsAt: t.expose('plannedEndsAt', { type: 'DateTime', nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
  }),
});

const AcknowledgementDeadlineType = builder.objectRef<{ severity: AlertSeverity; minutes: number }>('AcknowledgementDeadline').implement({
  description: 'How long a recipient agency has to acknowledge an alert of this severity.',
  fields: (t) => ({
    severity: t.field({ type: AlertSeverityEnum, resolve: (deadline) => deadline.severity }),
    minutes: t.exposeInt('minutes'),
  }),
});

const AcknowledgementDeadlineInput = builder.inputType('AcknowledgementDeadlineInput', {
  fields: (t) => ({ severity: t.field({ type: AlertSeverityEnum, required: true }), minutes: t.int({ required: true }) }),
});

const ESCALATION_FACTOR =
  "The second escalation level: a recipient agency still silent at this many times its acknowledgement deadline (counted from the alert being raised) is escalated to the coordinating agency's coordinators (ALERT_OVERDUE at level 2).";

export const OperationType = builder.drizzleNode('operations', {
  name: 'Operation',
  id: { column: (operation) => operation.id },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    programme: t.expose('programme', { type: ProgrammeEnum }),
    objectives: t.exposeString('objectives', { nullable: true }),
    region: t.exposeString('region', { nullable: true }),
    phase: t.expose('phase', { type: PhaseEnum }),
    exercise: t.exposeBoolean('exercise', { description: 'A rehearsal: its data never counts in results.' }),
    referenceTimeZone: t.exposeString('referenceTimeZone'),
    catalogueVersion: t.exposeString('catalogueVersion'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finalReport: t.exposeString('finalReport', { nullable: true }),
    finalReportRecordedAt: t.expose('finalReportRecordedAt', { type: 'DateTime', nullable: true }),
    acknowledgementDeadlines: t.field({
      type: [AcknowledgementDeadlineType],
      description: 'Most severe first. A change applies to alerts raised after it.',
      select: { columns: { acknowledgementMinutes: true } },
      resolve: (operation) =>
        [...ALERT_SEVERITIES].reverse().map((severity) => ({ severity, minutes: operation.acknowledgementMinutes[severity] })),
    }),
    coordinatorEscalationFactor: t.exposeInt('coordinatorEscalationFactor', {
      nullable: true,
      description:
        ESCALATION_FACTOR +
        ' Null: no second level. A change applies, from the next escalation run, to every recipient not escalated to the coordinators yet.',
    }),
    targetCommodities: t.relation('targetCommodities', { type: CommodityType, query: { orderBy: { code: 'asc' } } }),
    plannedPhases: t.relation('phases'),
    participations: t.relation('participations', { query: { orderBy: { invitedAt: 'asc', id: 'asc' } } }),
    members: t.relation('members', { query: { where: { removedAt: { isNull: true } }, orderBy: { assignedAt: 'asc', id: 'asc' } } }),
    myRole: t.field({
      type: MemberRoleEnum,
      nullable: true,
      select: { columns: { id: true } },
      resolve: async (operation, _args, ctx) => (await standingIn(ctx, operation.id))?.standing.memberRole ?? null,
    }),
    phaseGate: t.field({
      type: [GateCriterionType],
      description: 'Unmet criteria for moving to `to`; empty when it may go.',
      args: { to: t.arg({ type: PhaseEnum, required: true }) },
      select: { columns: { id: true, phase: true, finalReportRecordedAt: true } },
      resolve: (operation, args, ctx) => phaseGate(ctx, operation, args.to),
    }),
  }),
});

registerNodeLoader('Operation', findVisibleOperation);

const PlannedPhaseInput = builder.inputType('PlannedPhaseInput', {
  fields: (t) => ({
    phase: t.field({ type: PhaseEnum, required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', required: true }),
  }),
});

const CreateOperationInput = builder.inputType('CreateOperationInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    programme: t.field({ type: ProgrammeEnum, required: true }),
    objectives: t.string(),
    region: t.string(),
    targetCommodityIds: t.idList({ required: true }),
    referenceTimeZone: t.string({ required: true }),
    exercise: t.boolean(),
    plannedPhases: t.field({ type: [PlannedPhaseInput] }),
    acknowledgementDeadlines: t.field({
      type: [AcknowledgementDeadlineInput],
      description: 'Severities not given keep the defaults: CRITICAL 15 min, HIGH 60, MEDIUM 240, LOW 1440.',
    }),
    coordinatorEscalationFactor: t.int({
      description: `${ESCALATION_FACTOR} A whole number from 2 to 10; left out: 2; null: no second level.`,
    }),
  }),
});

const UpdateOperationInput = builder.inputType('UpdateOperationInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    name: t.string(),
    objectives: t.string(),
    region: t.string(),
    targetCommodityIds: t.idList(),
    referenceTimeZone: t.string(),
    plannedPhases: t.field({ type: [PlannedPhaseInput] }),
    acknowledgementDeadlines: t.field({ type: [AcknowledgementDeadlineInput], description: 'Severities not given keep their deadline.' }),
    coordinatorEscalationFactor: t.int({
      description: `${ESCALATION_FACTOR} A whole number from 2 to 10; left out: unchanged; null: the second level switched off.`,
    }),
  }),
});

const AdvancePhaseInput = builder.inputType('AdvancePhaseInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    to: t.field({ type: PhaseEnum, required: true }),
    overrideJustification: t.string({
      description: 'Overrides unmet criteria (coordinators; at least 20 characters); audited and on the timeline.',
    }),
  }),
});

const RecordFinalReportInput = builder.inputType('RecordFinalReportInput', {
  fields: (t) => ({ operationId: t.id({ required: true }), report: t.string({ required: true }) }),
});

builder.queryFields((t) => ({
  operations: t.drizzleConnection(
    {
      type: 'operations',
      authScopes: { authenticated: true },
      description: 'Operations the viewer is a member of (of an agency that accepted); newest first.',
      args: { phase: t.arg({ type: PhaseEnum }), programme: t.arg({ type: ProgrammeEnum }), search: t.arg.string() },
      resolve: (query, _root, args, ctx) => {
        const { viewer } = signedIn(ctx);
        const term = args.search?.trim();
        const pattern = term ? `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
        return ctx.db.query.operations.findMany(
          query({
            where: {
              RAW: (table) => visibleTo(viewer, table.id),
              ...(args.phase ? { phase: args.phase } : {}),
              ...(args.programme ? { programme: args.programme } : {}),
              ...(pattern ? { OR: [{ code: { ilike: pattern } }, { name: { ilike: pattern } }] } : {}),
            },
            orderBy: { createdAt: 'desc', id: 'desc' },
          }),
        );
      },
    },
    { name: 'OperationConnection' },
    { name: 'OperationEdge' },
  ),
  operation: t.drizzleField({
    type: OperationType,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const { viewer } = signedIn(ctx);
      const id = uuidFromGlobalId(String(args.id), 'Operation');
      if (!id) return null;
      const where = { id, RAW: (table: { id: typeof operationsTable.id }) => visibleTo(viewer, table.id) };
      return (await ctx.db.query.operations.findFirst(query({ where }))) ?? null;
    },
  }),
  operationByCode: t.drizzleField({
    type: OperationType,
    nullable: true,
    authScopes: { authenticated: true },
    description: 'The operation with this code, for addresses people can read and share; null exactly as for a code that does not exist.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const { viewer } = signedIn(ctx);
      const where = {
        code: args.code.trim().toUpperCase(),
        RAW: (table: { id: typeof operationsTable.id }) => visibleTo(viewer, table.id),
      };
      return (await ctx.db.query.operations.findFirst(query({ where }))) ?? null;
    },
  }),
}));

builder.mutationFields((t) => ({
  createOperation: t.field({
    type: OperationType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CreateOperationInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => createOperation(ctx, input),
  }),
  updateOperation: t.field({
    type: OperationType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: UpdateOperationInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PhaseRuleError] },
    resolve: (_root, { input }, ctx) => updateOperation(ctx, input),
  }),
  advancePhase: t.field({
    type: OperationType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: AdvancePhaseInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PhaseGateError, PhaseRuleError, ConflictError] },
    resolve: (_root, { input }, ctx) => advancePhase(ctx, input),
  }),
  recordFinalReport: t.field({
    type: OperationType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RecordFinalReportInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PhaseRuleError] },
    resolve: (_root, { input }, ctx) => recordFinalReport(ctx, input),
  }),
}));
