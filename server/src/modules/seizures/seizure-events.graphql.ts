import type { Db } from '../../db/client';
import { findAlertById } from '../alerts/alerts.repo';
import { AlertType } from '../alerts/alerts.graphql';
import type { StoredEvent } from '../../journal/event-catalogue';
import { eventType } from '../timeline/operation-event.graphql';
import { SeizureType } from './seizures.graphql';
import { findSeizureById } from './seizures.repo';

// A seizure's events carry its audience (its agency while a draft, then everyone), and an alert
// reconciled from a seizure carries the alert's: whoever receives one may see what it names.

type SeizureEventType =
  | 'SEIZURE_REPORTED'
  | 'SEIZURE_SUBMITTED'
  | 'SEIZURE_VERIFIED'
  | 'SEIZURE_CORRECTED'
  | 'SEIZURE_REJECTED'
  | 'ALERT_RECONCILED';
const seizureOf = (event: StoredEvent<SeizureEventType>, ctx: { db: Db }) =>
  findSeizureById(ctx.db, event.data.seizureId).then((seizure) => seizure!);

const seizureEvent = (name: string, type: SeizureEventType) =>
  eventType(name, [type], (t) => ({ seizure: t.field({ type: SeizureType, resolve: (event, _args, ctx) => seizureOf(event, ctx) }) }));

seizureEvent('SeizureReportedEvent', 'SEIZURE_REPORTED');
seizureEvent('SeizureSubmittedEvent', 'SEIZURE_SUBMITTED');
seizureEvent('SeizureVerifiedEvent', 'SEIZURE_VERIFIED');
eventType('SeizureCorrectedEvent', ['SEIZURE_CORRECTED'], (t) => ({
  seizure: t.field({ type: SeizureType, resolve: (event, _args, ctx) => seizureOf(event, ctx) }),
  resubmitted: t.boolean({
    description: 'A rejected report, corrected and sent back to the reviewers.',
    resolve: (event) => event.data.resubmitted,
  }),
}));
eventType('SeizureRejectedEvent', ['SEIZURE_REJECTED'], (t) => ({
  seizure: t.field({ type: SeizureType, resolve: (event, _args, ctx) => seizureOf(event, ctx) }),
  reason: t.string({ resolve: (event) => event.data.reason }),
}));
eventType('AlertReconciledEvent', ['ALERT_RECONCILED'], (t) => ({
  alert: t.field({
    type: AlertType,
    resolve: async (event, _args, ctx) => (await findAlertById(ctx.db, event.data.alertId))!,
  }),
  seizure: t.field({
    type: SeizureType,
    description: 'The submitted report that gave the alert its SEIZED outcome.',
    resolve: (event, _args, ctx) => seizureOf(event, ctx),
  }),
}));
