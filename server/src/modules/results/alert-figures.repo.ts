import { sql } from 'drizzle-orm';
import { ALERT_OUTCOMES, type AlertOutcome, type SeizureStatus } from '@jointops/shared/domain';
import type { Db } from '../../db/client';
import { executePlannedOnce } from '../../db/prepared';
import { alerts } from '../../db/schema/alerts';
import type { Viewer } from '../../service-context';
import { alertVisibleTo } from '../alerts/alerts.repo';

export interface AlertFigures {
  alertsRaised: number;
  alertsAcknowledged: number;
  alertsOverdue: number;
  deadlinesMissed: number;
  medianMinutesToAcknowledge: number | null;
  alertsWithFeedback: number;
  alertsWithSeizure: number;
  alertDeliveries: number;
  recipientsWithFeedback: number;
  controlsPerformed: number;
  alertsWithRecipientFeedback: number;
  alertsWithRecipientSeizure: number;
  outcomes: { outcome: AlertOutcome; count: number }[];
}

/** The statement's one row, as the drivers may give it: the median and the outcomes are read defensively below. */
interface AlertFiguresRow {
  raised: number;
  acknowledged: number;
  overdue: number;
  missed: number;
  median: number | string | null;
  with_feedback: number;
  with_seizure: number;
  deliveries: number;
  recipients_with_feedback: number;
  controls: number;
  alerts_answered: number;
  alerts_answered_seized: number;
  outcomes: string | Partial<Record<AlertOutcome, number>>;
}

/**
 * The alert side of the results, in one statement, over the alerts of the operation the viewer
 * may see (a RESTRICTED alert counts only for its originator's and named agencies, the OCU
 * included only when named). TEST alerts are left out: the readiness test checks the channel
 * before the operation goes live, it is not a warning about goods, and counting its
 * acknowledgements would flatter every figure. Withdrawn alerts are left out too: their
 * originator took them back, so nobody was asked to act on them any more, and a seizure linked
 * before the withdrawal still counts as a seizure, not as a hit of the alert.
 *
 * - acknowledged: at least one recipient agency acknowledged it;
 * - deadlines missed: recipient deadlines acknowledged after `due_at`, or still unacknowledged
 *   once `due_at` has passed (`now`); overdue alerts: alerts with at least one of them;
 * - median minutes to acknowledge: over every recipient acknowledgement, from raising;
 * - with feedback: any outcome but PENDING (NOT_CONTROLLED is feedback too: the agency answered);
 *   with a seizure: of those, linked to a seizure report counted in these results.
 *
 * Per recipient agency (its current feedback; a PENDING one is no word):
 * - deliveries: one per alert and recipient agency; with feedback: those the agency answered;
 * - controls performed: answered SEIZED or NOTHING_FOUND (NOT_CONTROLLED says nobody looked);
 * - alerts with recipient feedback: at least one recipient answered; with a recipient seizure: of
 *   those, a recipient answered SEIZED or a seizure report counted here is linked.
 */
export async function alertFigures(
  db: Db,
  viewer: Viewer,
  operationId: string,
  statuses: SeizureStatus[],
  now: Date,
): Promise<AlertFigures> {
  const counted = sql.join(
    statuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const result = await executePlannedOnce<AlertFiguresRow>(
    db,
    sql`
    with visible as (
      select ${alerts.id} as id, ${alerts.outcome} as outcome, ${alerts.raisedAt} as raised_at from ${alerts}
      where ${alerts.operationId} = ${operationId} and ${alerts.category} <> 'TEST' and ${alerts.withdrawnAt} is null
        and ${alertVisibleTo(viewer)}
    ),
    deadlines as (
      select v.id, r.due_at, r.acknowledged_at, v.raised_at,
        (r.acknowledged_at > r.due_at or (r.acknowledged_at is null and r.due_at < ${now.toISOString()})) as missed
      from visible v join alert_recipients r on r.alert_id = v.id
    ),
    answers as (
      select r.alert_id, f.outcome from visible v join alert_recipients r on r.alert_id = v.id
      left join alert_feedback f on f.alert_id = r.alert_id and f.agency_id = r.agency_id
        and f.superseded_at is null and f.outcome <> 'PENDING'
    ),
    linked as (
      select distinct l.alert_id from seizure_alert_links l join seizures s on s.id = l.seizure_id
      where l.alert_id in (select id from visible) and s.status in (${counted})
    )
    select
      (select count(*)::int from visible) as raised,
      (select count(distinct id)::int from deadlines where acknowledged_at is not null) as acknowledged,
      (select count(distinct id)::int from deadlines where missed) as overdue,
      (select count(*)::int from deadlines where missed) as missed,
      (select percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - raised_at)::float8 / 60)
        from deadlines where acknowledged_at is not null) as median,
      (select count(*)::int from visible where outcome <> 'PENDING') as with_feedback,
      (select count(*)::int from visible where outcome <> 'PENDING' and id in (select alert_id from linked)) as with_seizure,
      (select count(*)::int from answers) as deliveries,
      (select count(outcome)::int from answers) as recipients_with_feedback,
      (select count(*)::int from answers where outcome in ('SEIZED', 'NOTHING_FOUND')) as controls,
      (select count(distinct alert_id)::int from answers where outcome is not null) as alerts_answered,
      (select count(distinct alert_id)::int from answers where outcome is not null
        and (alert_id in (select alert_id from answers where outcome = 'SEIZED') or alert_id in (select alert_id from linked))) as alerts_answered_seized,
      (select coalesce(jsonb_object_agg(outcome, n), '{}'::jsonb) from (select outcome, count(*)::int as n from visible group by outcome) o) as outcomes
  `,
  );
  const row = result.rows[0]!;
  const outcomes = (typeof row.outcomes === 'string' ? JSON.parse(row.outcomes) : row.outcomes) as Partial<Record<AlertOutcome, number>>;
  return {
    alertsRaised: row.raised,
    alertsAcknowledged: row.acknowledged,
    alertsOverdue: row.overdue,
    deadlinesMissed: row.missed,
    medianMinutesToAcknowledge: row.median === null ? null : Number(row.median),
    alertsWithFeedback: row.with_feedback,
    alertsWithSeizure: row.with_seizure,
    alertDeliveries: row.deliveries,
    recipientsWithFeedback: row.recipients_with_feedback,
    controlsPerformed: row.controls,
    alertsWithRecipientFeedback: row.alerts_answered,
    alertsWithRecipientSeizure: row.alerts_answered_seized,
    outcomes: ALERT_OUTCOMES.map((outcome) => ({ outcome, count: outcomes[outcome] ?? 0 })),
  };
}
