import { ConflictError, NotFoundError, PhaseRuleError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { AlertSeverityEnum } from '../../graphql/enums';
import type { StoredEvent } from '../../journal/event-catalogue';
import { UserType } from '../accounts/accounts.graphql';
import { findUserById } from '../accounts/users.repo';
import { AgencyType } from '../agencies/agencies.graphql';
import { findAgencyById } from '../agencies/agencies.repo';
import { CommodityType } from '../catalogue/catalogue.graphql';
import { findCommoditiesByIds } from '../catalogue/catalogue.repo';
import { eventType } from '../timeline/operation-event.graphql';
import { AlertSubjectInput, AlertSubjectUnion } from './alert-subjects.graphql';
import { AlertType } from './alerts.graphql';
import { findAlertById } from './alerts.repo';
import { amendAlert, withdrawAlert } from './alert-versions.service';
import type { ClearedAcknowledgement } from '../../db/schema/alert-versions';

// Amending and withdrawing an alert. Versions are fields of the alert, so they are reached only
// through the paths that already applied the alert's need-to-know: whoever sees the alert sees
// how it read before, and nobody else does.

const ClearedAcknowledgementType = builder.objectRef<ClearedAcknowledgement>('AlertClearedAcknowledgement').implement({
  description: 'An acknowledgement a graver amendment took back: the agency had to acknowledge the alert again.',
  fields: (t) => ({
    agency: t.field({ type: AgencyType, resolve: async (ack, _args, ctx) => (await findAgencyById(ctx.db, ack.agencyId))! }),
    acknowledgedAt: t.field({ type: 'DateTime', resolve: (ack) => new Date(ack.acknowledgedAt) }),
    acknowledgedBy: t.field({
      type: UserType,
      nullable: true,
      resolve: (ack, _args, ctx) => (ack.acknowledgedBy ? findUserById(ctx.db, ack.acknowledgedBy) : null),
    }),
  }),
});

const AlertVersionType = builder.drizzleObject('alertVersions', {
  name: 'AlertVersion',
  description: 'What an alert said before an amendment replaced it.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    severity: t.expose('severity', { type: AlertSeverityEnum }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    language: t.exposeString('language', { nullable: true }),
    subject: t.field({
      type: AlertSubjectUnion,
      nullable: true,
      description: 'Typed by the alert’s category, which no amendment changes.',
      select: { columns: { subject: true, alertId: true } },
      resolve: async (version, _args, ctx) =>
        version.subject ? { category: (await findAlertById(ctx.db, version.alertId))!.category, subject: version.subject } : null,
    }),
    commodities: t.field({
      type: [CommodityType],
      select: { columns: { commodityIds: true } },
      resolve: async (version, _args, ctx) =>
        (await findCommoditiesByIds(ctx.db, version.commodityIds)).sort((a, b) => a.code.localeCompare(b.code)),
    }),
    madeBy: t.relation('madeByUser', { type: UserType, description: 'Who wrote this version: the originator for version 1.' }),
    madeAt: t.expose('madeAt', { type: 'DateTime' }),
    supersededAt: t.expose('supersededAt', { type: 'DateTime', description: 'When the next version replaced it.' }),
    clearedAcknowledgements: t.field({
      type: [ClearedAcknowledgementType],
      description: 'The acknowledgements of this version that the next, graver one cleared.',
      select: { columns: { clearedAcknowledgements: true } },
      resolve: (version) => version.clearedAcknowledgements,
    }),
  }),
});

builder.drizzleObjectFields(AlertType, (t) => ({
  version: t.exposeInt('version', { description: '1 as raised; each amendment adds one.' }),
  versions: t.relation('versions', {
    type: AlertVersionType,
    description: 'Every earlier version, newest first; the alert itself is the current one.',
    query: { orderBy: { version: 'desc' } },
  }),
  amendedBy: t.relation('amendedByUser', { type: UserType, nullable: true, description: 'Who wrote the current version, if amended.' }),
  amendedAt: t.expose('amendedAt', { type: 'DateTime', nullable: true }),
  withdrawnBy: t.relation('withdrawnByUser', { type: UserType, nullable: true }),
  withdrawnAt: t.expose('withdrawnAt', {
    type: 'DateTime',
    nullable: true,
    description: 'A withdrawn alert stays readable, but is no longer escalated, acknowledged, answered or amended.',
  }),
  withdrawalReason: t.exposeString('withdrawalReason', { nullable: true }),
}));

const alertOf = (event: StoredEvent<'ALERT_AMENDED' | 'ALERT_WITHDRAWN'>, ctx: { db: Parameters<typeof findAlertById>[0] }) =>
  findAlertById(ctx.db, event.data.alertId).then((alert) => alert!);

eventType('AlertAmendedEvent', ['ALERT_AMENDED'], (t) => ({
  alert: t.field({ type: AlertType, resolve: (event, _args, ctx) => alertOf(event, ctx) }),
  version: t.int({ description: 'The version the amendment made.', resolve: (event) => event.data.version }),
  changed: t.stringList({ description: 'The fields it corrected, by their input names.', resolve: (event) => event.data.changed }),
  severityRaised: t.boolean({
    description: 'The severity rose: every recipient must acknowledge again, by a new deadline.',
    resolve: (event) => event.data.severityRaised,
  }),
}));
eventType('AlertWithdrawnEvent', ['ALERT_WITHDRAWN'], (t) => ({
  alert: t.field({ type: AlertType, resolve: (event, _args, ctx) => alertOf(event, ctx) }),
}));

const AmendAlertInput = builder.inputType('AmendAlertInput', {
  description:
    'Corrects what an alert says; a field left out keeps its value. Category, marking and distribution cannot be amended: an alert ' +
    'already delivered cannot be un-delivered, so a wider audience is a new alert, and a narrower one would pretend the others never ' +
    'read it. A TEST alert keeps its severity (its acknowledgements prove readiness).',
  fields: (t) => ({
    alertId: t.id({ required: true }),
    expectedVersion: t.int({
      required: true,
      description: 'The version the correction was written against; a ConflictError if the alert was amended since.',
    }),
    severity: t.field({
      type: AlertSeverityEnum,
      description: 'A graver severity clears every acknowledgement and starts the new severity’s deadline from now.',
    }),
    title: t.string(),
    description: t.string({ description: 'null clears it.' }),
    language: t.string({ description: 'null clears it.' }),
    commodityIds: t.idList(),
    subject: t.field({
      type: 'JSON',
      deprecationReason: 'Use typedSubject, checked by the same rules; giving both is a ValidationError on typedSubject.',
    }),
    typedSubject: t.field({
      type: AlertSubjectInput,
      description: 'The subject, one kind, which must suit the alert’s category; bad fields are named `typedSubject.<kind>.<field>`.',
    }),
  }),
});

const WithdrawAlertInput = builder.inputType('WithdrawAlertInput', {
  fields: (t) => ({
    alertId: t.id({ required: true }),
    reason: t.string({ required: true, description: 'Why, for its readers: at most 2000 characters.' }),
  }),
});

const originatorErrors = { types: [ValidationError, NotFoundError, PhaseRuleError, ConflictError] };

builder.mutationFields((t) => ({
  amendAlert: t.field({
    type: AlertType,
    authScopes: { authenticated: true },
    description: "Corrects the alert as its originating agency; a new version, told to the alert's audience.",
    args: { input: t.arg({ type: AmendAlertInput, required: true }) },
    errors: originatorErrors,
    resolve: (_root, args, ctx) => amendAlert(ctx, args.input),
  }),
  withdrawAlert: t.field({
    type: AlertType,
    authScopes: { authenticated: true },
    description: 'Withdraws the alert as its originating agency: still readable, nothing more is asked of its recipients.',
    args: { input: t.arg({ type: WithdrawAlertInput, required: true }) },
    errors: originatorErrors,
    resolve: (_root, args, ctx) => withdrawAlert(ctx, args.input),
  }),
}));
