import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import { builder } from '../../graphql/builder';
import { AlertOutcomeEnum } from '../../graphql/enums';
import { connectionPage, pageSize } from '../../graphql/pagination';
import { signedIn } from '../../graphql/signed-in';
import { UserType } from '../accounts/accounts.graphql';
import { AgencyType } from '../agencies/agencies.graphql';
import { eventType } from '../timeline/operation-event.graphql';
import { awaitingFeedbackPage } from './alert-feedback.repo';
import { awaitingOperation, awaitingOperationArgument } from './awaiting-operation';
import { AlertRecipientType, AlertType } from './alerts.graphql';
import { findAlertById } from './alerts.repo';
import { feedbackCursor } from './feedback-cursor';

// Feedback is read only through an alert's recipients, and an alert only through paths that
// applied need-to-know: whoever sees the alert sees what each recipient said came of it.

const AlertFeedbackType = builder.drizzleObject('alertFeedback', {
  name: 'AlertFeedback',
  description: 'What one recipient agency said came of an alert.',
  fields: (t) => ({
    agency: t.relation('agency', { type: AgencyType }),
    outcome: t.expose('outcome', { type: AlertOutcomeEnum }),
    note: t.exposeString('note', { nullable: true }),
    givenBy: t.relation('givenByUser', { type: UserType }),
    givenAt: t.expose('givenAt', { type: 'DateTime' }),
    supersededAt: t.expose('supersededAt', {
      type: 'DateTime',
      nullable: true,
      description: "When the agency's next feedback replaced it; null for its current one.",
    }),
  }),
});

builder.drizzleObjectFields(AlertRecipientType, (t) => ({
  feedback: t.field({
    type: AlertFeedbackType,
    nullable: true,
    description: "The agency's current feedback; null until it gives one.",
    select: (_args, _ctx, nestedSelection) => ({
      with: { feedbacks: nestedSelection({ where: { supersededAt: { isNull: true } }, limit: 1 }) },
    }),
    resolve: (recipient) => recipient.feedbacks[0] ?? null,
  }),
  feedbackHistory: t.relation('feedbacks', {
    type: AlertFeedbackType,
    description: 'Every feedback the agency gave on the alert, newest (its current one) first.',
    query: { orderBy: { givenAt: 'desc', id: 'desc' } },
  }),
}));

// On Query, like awaitingMyAcknowledgement: a contact point's work runs across operations.
builder.queryField('awaitingMyFeedback', (t) =>
  t.connection(
    {
      type: AlertType,
      authScopes: { authenticated: true },
      description:
        "The alerts sent to the viewer's agency that it acknowledged and has given no feedback on yet, in every operation the viewer may see (or in one), oldest first. TEST alerts (the readiness test) aside: there is nothing to report on them; withdrawn alerts aside: they take no feedback.",
      args: { operationId: t.arg.id(awaitingOperationArgument) },
      resolve: async (_root, args, ctx) => {
        const after = args.after ? feedbackCursor.decode(args.after) : null;
        if (after === undefined) throw new GraphQLError('Not a feedback cursor.', { extensions: { code: ERROR_CODES.VALIDATION } });
        const first = pageSize(args.first);
        const operationId = awaitingOperation(args.operationId);
        const rows = operationId === null ? [] : await awaitingFeedbackPage(ctx.db, signedIn(ctx).viewer, after, first + 1, operationId);
        return connectionPage(rows, first, (alert) => feedbackCursor.encode({ raisedAt: alert.raisedAt, alertId: alert.id }), args.after);
      },
    },
    { name: 'AwaitingFeedbackConnection' },
    { name: 'AwaitingFeedbackEdge' },
  ),
);

// Its audience is the alert's (events.audience_agency_ids): whoever receives it may see the alert.
eventType('AlertFeedbackGivenEvent', ['ALERT_FEEDBACK_GIVEN'], (t) => ({
  alert: t.field({ type: AlertType, resolve: async (event, _args, ctx) => (await findAlertById(ctx.db, event.data.alertId))! }),
  outcome: t.field({
    type: AlertOutcomeEnum,
    description: 'The outcome this feedback gave.',
    resolve: (event) => event.data.outcome,
  }),
  agency: t.field({
    type: AgencyType,
    nullable: true,
    description: 'The recipient agency whose feedback it is (null for feedback given before it was kept per agency).',
    resolve: async (event, _args, ctx) =>
      event.data.agencyId ? ((await ctx.db.query.agencies.findFirst({ where: { id: event.data.agencyId } })) ?? null) : null,
  }),
  amended: t.boolean({
    description: "It replaced the agency's earlier feedback, which stays in the recipient's feedbackHistory.",
    resolve: (event) => event.data.amended ?? false,
  }),
  feedback: t.field({
    type: AlertFeedbackType,
    nullable: true,
    description: 'The feedback it recorded (null for feedback given before it was kept per agency).',
    resolve: async (event, _args, ctx) =>
      event.data.feedbackId ? ((await ctx.db.query.alertFeedback.findFirst({ where: { id: event.data.feedbackId } })) ?? null) : null,
  }),
}));
