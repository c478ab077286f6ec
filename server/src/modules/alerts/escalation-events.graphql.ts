import { AgencyType } from '../agencies/agencies.graphql';
import { eventType } from '../timeline/operation-event.graphql';
import { AlertType } from './alerts.graphql';
import { findAlertById } from './alerts.repo';
import { recipientDueAt } from './escalation.repo';

// An overdue event is written by the escalator, sometimes long after the deadline it is about (a
// server starting on a backlog): it says both moments itself, and `occurredAt` stays the moment it
// was recorded, so the log's time only moves forward with its sequence (retention prunes by it).

eventType(
  'AlertOverdueEvent',
  ['ALERT_OVERDUE'],
  (t) => ({
    alert: t.field({ type: AlertType, resolve: async (event, _args, ctx) => (await findAlertById(ctx.db, event.data.alertId))! }),
    agency: t.field({
      type: AgencyType,
      description: 'The recipient agency that has not acknowledged the alert.',
      resolve: async (event, _args, ctx) => (await ctx.db.query.agencies.findFirst({ where: { id: event.data.agencyId } }))!,
    }),
    level: t.int({
      description:
        "1: the agency's acknowledgement deadline passed (told to the originator and the coordinators who may see the alert). 2: the operation's coordinatorEscalationFactor times that deadline passed too (told to the coordinating agency, where it may see the alert, and to the silent agency itself).",
      resolve: (event) => event.data.level ?? 1,
    }),
    dueAt: t.field({
      type: 'DateTime',
      description: 'When the deadline of this level passed: the moment the alert became overdue at this level.',
      resolve: async (event, _args, ctx) =>
        event.data.dueAt ? new Date(event.data.dueAt) : ((await recipientDueAt(ctx.db, event.data)) ?? event.occurredAt),
    }),
    detectedAt: t.field({
      type: 'DateTime',
      description: 'When the server noticed the passed deadline and recorded this event; the same moment as occurredAt.',
      resolve: (event) => (event.data.detectedAt ? new Date(event.data.detectedAt) : event.occurredAt),
    }),
  }),
  'A recipient agency has not acknowledged an alert in time. occurredAt is when the server recorded it (detectedAt), which may be long after dueAt when the server was not running at the deadline; the timeline and the stream keep the order of recording (sequence).',
);
