import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import { ConflictError, NotFoundError, PhaseRuleError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { connectionPage, numericCursor, pageSize } from '../../graphql/pagination';
import { UserType } from '../accounts/accounts.graphql';
import { AgencyType } from '../agencies/agencies.graphql';
import { CommodityType } from '../catalogue/catalogue.graphql';
import type { StoredEvent } from '../../journal/event-catalogue';
import { eventType } from '../timeline/operation-event.graphql';
import { OperationType } from '../operations/operations.graphql';
import type { Db } from '../../db/client';
import { AlertCategoryEnum, AlertOutcomeEnum, AlertSeverityEnum, DistributionKindEnum, MarkingEnum } from '../../graphql/enums';
import { type AlertFilter, type AlertRow, awaitingAcknowledgementPage, findVisibleAlert, visibleAlertsPage } from './alerts.repo';
import { awaitingCursor } from './awaiting-cursor';
import { awaitingOperation, awaitingOperationArgument } from './awaiting-operation';
import { uuidFromGlobalId } from '../../global-id';
import { acknowledgeAlert, awaitingAcknowledgementCount, commentOnAlert, raiseAlert } from './alerts.service';
import { giveAlertFeedback } from './alert-feedback.service';
import { signedIn } from '../../graphql/signed-in';
import { parseQueryArguments } from '../../graphql/query-arguments';
import { alertFilterInput } from '@jointops/shared/alerts';
import { AlertSubjectInput, AlertSubjectUnion } from './alert-subjects.graphql';

export const AlertRecipientType = builder.drizzleObject('alertRecipients', {
  name: 'AlertRecipient',
  fields: (t) => ({
    agency: t.relation('agency', { type: AgencyType }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true }),
    acknowledgedBy: t.relation('acknowledgedByUser', { type: UserType, nullable: true }),
    overdue: t.boolean({
      description: 'Not acknowledged, and its deadline has passed.',
      select: { columns: { acknowledgedAt: true, dueAt: true } },
      resolve: (recipient, _args, ctx) => recipient.acknowledgedAt === null && ctx.clock.now() > recipient.dueAt,
    }),
  }),
});

const AlertCommentType = builder.drizzleObject('alertComments', {
  name: 'AlertComment',
  fields: (t) => ({
    author: t.relation('author', { type: UserType }),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

// Reached only through paths that already applied need-to-know: the operation's alerts, node,
// the events the viewer's agency is in the audience of, and the results of the caller's own actions.
export const AlertType = builder.drizzleNode('alerts', {
  name: 'Alert',
  // Only what the document asks for is read (a page of 50 read 28 columns for the 5 a list shows);
  // the id always, as fields added in other modules (attachments, linked seizures) look up by it.
  select: { columns: { id: true } },
  id: { column: (alert) => alert.id },
  fields: (t) => ({
    reference: t.exposeString('reference', { description: '`<operation code>/A-0001`, numbered per operation without gaps.' }),
    category: t.expose('category', { type: AlertCategoryEnum }),
    severity: t.expose('severity', { type: AlertSeverityEnum }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    language: t.exposeString('language', { nullable: true }),
    subject: t.field({
      type: AlertSubjectUnion,
      nullable: true,
      description:
        'The subject, typed by the category: ShipmentSubject, PassengerSubject, ConveyanceSubject, or FreeSubject (INTELLIGENCE, TEST); null when none was given.',
      select: { columns: { category: true, subject: true } },
      resolve: (alert) => (alert.subject ? { category: alert.category, subject: alert.subject } : null),
    }),
    marking: t.expose('marking', {
      type: MarkingEnum,
      description: 'How far its readers may pass it on; a RED alert is always RESTRICTED.',
    }),
    distribution: t.expose('distribution', { type: DistributionKindEnum }),
    raisedBy: t.relation('raisedByUser', { type: UserType }),
    raisedByAgency: t.relation('raisedByAgency', { type: AgencyType }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
    recipients: t.relation('recipients', { type: AlertRecipientType, query: { orderBy: { dueAt: 'asc', agencyId: 'asc' } } }),
    outcome: t.expose('outcome', {
      type: AlertOutcomeEnum,
      description:
        "Derived from the recipients' feedback: SEIZED if any recipient reported a seizure or a submitted seizure report is linked to it; " +
        'otherwise the most informative of their current outcomes, NOTHING_FOUND (controlled, clean) before NOT_CONTROLLED; PENDING without any.',
    }),
    outcomeNote: t.exposeString('outcomeNote', {
      nullable: true,
      deprecationReason: "Only the last note given on the alert, whoever gave it: read each recipient's own in AlertRecipient.feedback.",
    }),
    comments: t.relation('comments', { type: AlertCommentType, query: { orderBy: { createdAt: 'asc', id: 'asc' } } }),
    commodities: t.relation('commodities', { type: CommodityType, query: { orderBy: { code: 'asc' } } }),
  }),
});

registerNodeLoader('Alert', (ctx, id) => (ctx.viewer ? findVisibleAlert(ctx.db, ctx.viewer, id) : Promise.resolve(null)));

const alertCursor = numericCursor('alert');

/** The alert number a cursor stands for: null without one, undefined for a cursor that is not one. */
const decodeAlertCursor = (cursor: string | null | undefined): number | null | undefined =>
  cursor ? (alertCursor.decode(cursor) ?? undefined) : null;

const AcknowledgementStateEnum = builder.enumType('AlertAcknowledgementState', {
  description: "Where an alert stands for the viewer's agency.",
  values: {
    ACKNOWLEDGED: { description: 'Addressed to the agency, and acknowledged by it.' },
    AWAITING: { description: 'Addressed to the agency, not yet acknowledged by it.' },
    NOT_ADDRESSED_TO_US: { description: 'Not addressed to the agency (it raised the alert, or the alert went to others).' },
  } as const,
});

const AlertFilterInput = builder.inputType('AlertFilter', {
  description: 'Narrows the alerts the viewer may see; every field is optional and all given must hold.',
  fields: (t) => ({
    severity: t.field({ type: AlertSeverityEnum }),
    category: t.field({ type: AlertCategoryEnum }),
    raisedByAgencyId: t.id({ description: 'The originating agency.' }),
    raisedInCountry: t.string({
      description: 'Raised by an agency of this country (ISO 3166-1 alpha-2), whichever of its agencies: the room map chooses a country.',
    }),
    acknowledgement: t.field({ type: AcknowledgementStateEnum, description: "For the viewer's agency." }),
    outcome: t.field({ type: AlertOutcomeEnum }),
    text: t.string({
      description: 'Contained in the title or description, case-insensitively; % and _ are taken literally. At most 200 characters.',
    }),
  }),
});

/** What a page of an operation's alerts asks for, read from the field's arguments; a GraphQLError if they are not valid. */
function alertsPageArguments(args: {
  first?: number | null;
  after?: string | null;
  filter?: (Omit<AlertFilter, 'raisedByAgencyId'> & { raisedByAgencyId?: string | number | null }) | null;
}) {
  const before = decodeAlertCursor(args.after);
  if (before === undefined) throw new GraphQLError('Not an alerts cursor.', { extensions: { code: ERROR_CODES.VALIDATION } });
  const { raisedByAgencyId, ...rest } = args.filter ?? {};
  // Asked twice per page (to plan its load, then to resolve it): without text or country there is nothing to parse.
  const parsed =
    rest.text == null && rest.raisedInCountry == null
      ? { text: rest.text, raisedInCountry: null }
      : parseQueryArguments(alertFilterInput, { filter: { text: rest.text, raisedInCountry: rest.raisedInCountry } }).filter;
  const filter: AlertFilter = {
    ...rest,
    text: parsed.text,
    raisedInCountry: parsed.raisedInCountry ?? null,
    raisedByAgencyId: raisedByAgencyId ? uuidFromGlobalId(String(raisedByAgencyId), 'Agency') : null,
  };
  // An originator that is no agency's id raised nothing: an empty page, not every alert.
  return { before, first: pageSize(args.first), filter, nothing: Boolean(raisedByAgencyId && !filter.raisedByAgencyId) };
}

builder.drizzleObjectField(OperationType, 'alerts', (t) =>
  t.connection(
    {
      type: AlertType,
      description: 'The alerts the viewer may see, newest first, narrowed by the filter if given.',
      args: { filter: t.arg({ type: AlertFilterInput }) },
      // The page loads with the operation, in its statement, with what its nodes ask for. Arguments
      // that are not valid, or no viewer, plan nothing here: the resolver refuses them as before.
      select: (args, ctx, nestedSelection) => {
        let page: ReturnType<typeof alertsPageArguments>;
        try {
          page = alertsPageArguments(args);
        } catch {
          return {};
        }
        if (!ctx.viewer || page.nothing) return {};
        const query = visibleAlertsPage(ctx.viewer, page.before, page.first + 1, page.filter);
        return { with: { alerts: nestedSelection(query, ['edges', 'node']) } };
      },
      resolve: (operation, args, ctx) => {
        const { first, nothing } = alertsPageArguments(args);
        signedIn(ctx);
        if (nothing) return connectionPage([], first, () => '', args.after);
        // Typed as whole rows, as the plugin types every row of a type: the plan loaded what the nodes' fields read.
        const page = (operation as { alerts?: AlertRow[] }).alerts;
        if (!page) throw new Error('Operation.alerts: the page was not loaded with the operation');
        return connectionPage(page, first, (alert) => alertCursor.encode(alert.number), args.after);
      },
    },
    { name: 'AlertConnection' },
    { name: 'AlertEdge' },
  ),
);

const AwaitingAcknowledgementCountType = builder.objectRef<{ alerts: number; critical: number }>('AwaitingAcknowledgementCount').implement({
  description: "The alerts of an operation that wait for the viewer's agency to acknowledge them (withdrawn ones ask nothing more).",
  fields: (t) => ({
    alerts: t.exposeInt('alerts', { description: 'How many there are.' }),
    critical: t.exposeInt('critical', { description: 'How many of them are CRITICAL.' }),
  }),
});

builder.objectField(OperationType, 'awaitingMyAcknowledgementCount', (t) =>
  t.field({
    type: AwaitingAcknowledgementCountType,
    description:
      "How many of the operation's alerts the viewer may see wait for their own agency's acknowledgement: the room's count, without fetching the alerts.",
    resolve: (operation, _args, ctx) => awaitingAcknowledgementCount(signedIn(ctx), operation),
  }),
);

// On Query, not on Operation: a contact point's work runs across every operation their agency takes part in.
builder.queryField('awaitingMyAcknowledgement', (t) =>
  t.connection(
    {
      type: AlertType,
      authScopes: { authenticated: true },
      description:
        "The alerts sent to the viewer's agency that it has not acknowledged yet, in every operation the viewer may see (or in one), oldest deadline first.",
      args: { operationId: t.arg.id(awaitingOperationArgument) },
      resolve: async (_root, args, ctx) => {
        const after = args.after ? awaitingCursor.decode(args.after) : null;
        if (after === undefined) throw new GraphQLError('Not an acknowledgement cursor.', { extensions: { code: ERROR_CODES.VALIDATION } });
        const first = pageSize(args.first);
        const operationId = awaitingOperation(args.operationId);
        const rows =
          operationId === null ? [] : await awaitingAcknowledgementPage(ctx.db, signedIn(ctx).viewer, after, first + 1, operationId);
        return connectionPage(rows, first, (alert) => awaitingCursor.encode({ dueAt: alert.dueAt, alertId: alert.id }), args.after);
      },
    },
    { name: 'AwaitingAcknowledgementConnection' },
    { name: 'AwaitingAcknowledgementEdge' },
  ),
);

// The events of an alert carry its audience (events.audience_agency_ids): whoever receives one may see the alert.
type AlertEventType = 'ALERT_RAISED' | 'ALERT_ACKNOWLEDGED' | 'ALERT_OVERDUE' | 'ALERT_COMMENTED';
/**
 * The event's alert as the document asks for it (a drizzle plugin query), in one statement: a row
 * read on its own is read again by the plugin for the relations asked (its agency, its
 * recipients), and every audience of every alert event resolves this.
 */
const alertOf = <Q extends AlertQuery>(db: Db, query: (selection: { where: { id: string } }) => Q, event: StoredEvent<AlertEventType>) =>
  db.query.alerts.findFirst(query({ where: { id: event.data.alertId } })).then((alert) => alert!);
type AlertQuery = Parameters<Db['query']['alerts']['findFirst']>[0];

eventType('AlertRaisedEvent', ['ALERT_RAISED'], (t) => ({
  alert: t.drizzleField({ type: AlertType, resolve: (query, event, _args, ctx) => alertOf(ctx.db, query, event) }),
}));
/** An alert event about one recipient agency: acknowledged by it, or overdue at it. */
const recipientEvent = (name: string, type: 'ALERT_ACKNOWLEDGED' | 'ALERT_OVERDUE') =>
  eventType(name, [type], (t) => ({
    alert: t.drizzleField({ type: AlertType, resolve: (query, event, _args, ctx) => alertOf(ctx.db, query, event) }),
    agency: t.field({
      type: AgencyType,
      resolve: async (event, _args, ctx) => (await ctx.db.query.agencies.findFirst({ where: { id: event.data.agencyId } }))!,
    }),
  }));
recipientEvent('AlertAcknowledgedEvent', 'ALERT_ACKNOWLEDGED');
// AlertOverdueEvent, with its level and its moments: escalation-events.graphql.ts; AlertFeedbackGivenEvent: alert-feedback.graphql.ts.
eventType('AlertCommentedEvent', ['ALERT_COMMENTED'], (t) => ({
  alert: t.drizzleField({ type: AlertType, resolve: (query, event, _args, ctx) => alertOf(ctx.db, query, event) }),
}));

const RaiseAlertInput = builder.inputType('RaiseAlertInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    idempotencyKey: t.string({ required: true, description: 'A retry with the same key returns the first alert.' }),
    category: t.field({ type: AlertCategoryEnum, required: true }),
    severity: t.field({ type: AlertSeverityEnum, required: true }),
    title: t.string({ required: true }),
    description: t.string(),
    language: t.string(),
    commodityIds: t.idList(),
    subject: t.field({
      type: 'JSON',
      deprecationReason: 'Use typedSubject, checked by the same rules; giving both is a ValidationError on typedSubject.',
    }),
    typedSubject: t.field({
      type: AlertSubjectInput,
      description: 'The subject, one kind, which must suit the category; bad fields are named `typedSubject.<kind>.<field>`.',
    }),
    marking: t.field({ type: MarkingEnum, required: true, description: 'RED requires RESTRICTED distribution (named recipients only).' }),
    distribution: t.field({
      type: DistributionKindEnum,
      required: true,
      description: 'ALL_PARTICIPANTS is refused for a RED alert (a ValidationError on this field).',
    }),
    recipientAgencyIds: t.idList({ description: 'Required and non-empty when RESTRICTED.' }),
  }),
});
const AcknowledgeAlertInput = builder.inputType('AcknowledgeAlertInput', { fields: (t) => ({ alertId: t.id({ required: true }) }) });
const answerIdempotencyKey = (what: string) =>
  `A key the client chose for this ${what}: a retry with the same key (same user, same alert) returns the alert with no second ${what} and no second event; the same key with other content is a ConflictError. Without a key, every call is a new ${what}.`;
const GiveAlertFeedbackInput = builder.inputType('GiveAlertFeedbackInput', {
  fields: (t) => ({
    alertId: t.id({ required: true }),
    outcome: t.field({ type: AlertOutcomeEnum, required: true }),
    note: t.string(),
    idempotencyKey: t.string({ description: answerIdempotencyKey('feedback') }),
  }),
});
const CommentOnAlertInput = builder.inputType('CommentOnAlertInput', {
  fields: (t) => ({
    alertId: t.id({ required: true }),
    body: t.string({ required: true }),
    idempotencyKey: t.string({ description: answerIdempotencyKey('comment') }),
  }),
});

// ConflictError: the alert was withdrawn, or an idempotency key came back with other content.
const answerErrors = { types: [ValidationError, NotFoundError, PhaseRuleError, ConflictError] };

builder.mutationFields((t) => ({
  raiseAlert: t.field({
    type: AlertType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RaiseAlertInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PhaseRuleError, ConflictError] },
    resolve: (_root, args, ctx) => raiseAlert(ctx, args.input),
  }),
  acknowledgeAlert: t.field({
    type: AlertType,
    authScopes: { authenticated: true },
    description: "Acknowledges the alert for the caller's agency; again, changes nothing.",
    args: { input: t.arg({ type: AcknowledgeAlertInput, required: true }) },
    errors: answerErrors,
    resolve: (_root, args, ctx) => acknowledgeAlert(ctx, args.input),
  }),
  giveAlertFeedback: t.field({
    type: AlertType,
    description:
      "Records the caller's agency's feedback on an alert sent to it; giving it again amends it, the earlier one kept as history.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: GiveAlertFeedbackInput, required: true }) },
    errors: answerErrors,
    resolve: (_root, args, ctx) => giveAlertFeedback(ctx, args.input),
  }),
  commentOnAlert: t.field({
    type: AlertType,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CommentOnAlertInput, required: true }) },
    errors: answerErrors,
    resolve: (_root, args, ctx) => commentOnAlert(ctx, args.input),
  }),
}));
