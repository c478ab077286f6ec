import type { Db } from '../../db/client';
import { findAlertById } from '../alerts/alerts.repo';
import { AlertType } from '../alerts/alerts.graphql';
import type { EventRow } from '../../journal/events.repo';
import { eventType } from '../timeline/timeline.graphql';
import { SeizureType } from './seizures.graphql';
import { findSeizureById } from './seizures.repo';

// A seizure's events carry its audience (its agency while a draft, then everyone), and an alert
// reconciled from a seizure carries the alert's: whoever receives one may see what it names.

const dataOf = <T>(event: EventRow) => event.data as T;
const seizureOf = (event: EventRow, ctx: { db: Db }) =>
  findSeizureById(ctx.db, dataOf<{ seizureId: string }>(event).seizureId).then((seizure) => seizure!);

const seizureEvent = (name: string, type: string) =>
  eventType(name, [type], (t) => ({ seizure: t.field({ type: SeizureType, resolve: (event, _args, ctx) => seizureOf(event, ctx) }) }));

seizureEvent('SeizureReportedEvent', 'SEIZURE_REPORTED');
seizureEvent('SeizureSubmittedEvent', 'SEIZURE_SUBMITTED');
seizureEvent('SeizureVerifiedEvent', 'SEIZURE_VERIFIED');
eventType('SeizureCorrectedEvent', ['SEIZURE_CORRECTED'], (t) => ({
  seizure: t.field({ type: SeizureType, resolve: (event, _args, ctx) => seizureOf(event, ctx) }),
  resubmitted: t.boolean({
    description: 'A rejected report, corrected and sent back to the reviewers.',
    resolve: (event) => dataOf<{ resubmitted: boolean }>(event).resubmitted,
  }),
}));
eventType('SeizureRejectedEvent', ['SEIZURE_REJECTED'], (t) => ({
  seizure: t.field({ type: SeizureType, resolve: (event, _args, ctx) => seizureOf(event, ctx) }),
  reason: t.string({ resolve: (event) => dataOf<{ reason: string }>(event).reason }),
}));
eventType('AlertReconciledEvent', ['ALERT_RECONCILED'], (t) => ({
  alert: t.field({
    type: AlertType,
    resolve: async (event, _args, ctx) => (await findAlertById(ctx.db, dataOf<{ alertId: string }>(event).alertId))!,
  }),
  seizure: t.field({
    type: SeizureType,
    description: 'The submitted report that gave the alert its SEIZED outcome.',
    resolve: (event, _args, ctx) => seizureOf(event, ctx),
  }),
}));
