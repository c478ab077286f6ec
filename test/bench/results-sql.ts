import type pg from 'pg';
import { QUANTITY_UNITS } from '@jointops/shared/domain';
import { BASE_UNIT, TO_BASE_UNIT, UNIT_DIMENSION } from '@jointops/shared/seizures';

// The baseline of bench:results: the figures `operationResults` answers, computed by SQL written
// by hand the plain way — one GROUP BY per table, one statement for the alerts — through one `pg`
// client, with the same need-to-know as the API (the viewer is a member for an agency that takes part; a RESTRICTED
// alert counts only for its originator and its recipients). No GraphQL, no ORM, no policy module:
// what the API costs on top of its SQL is the ratio.

/** What both sides answer, reduced to what can be compared exactly. */
export interface ComparableResults {
  seizures: number;
  arrests: number;
  bonusSeizures: number;
  alertsRaised: number;
  alertsAcknowledged: number;
  alertsOverdue: number;
  /** Per table: rows, seizures summed, and quantity summed per base unit (rounded to a gram, a millilitre…). */
  tables: Record<string, { rows: number; seizures: number; quantity: Record<string, number> }>;
}

const units = QUANTITY_UNITS.map((unit) => `('${unit}', '${BASE_UNIT[UNIT_DIMENSION[unit]]}', ${TO_BASE_UNIT[unit]}::numeric)`).join(', ');

const counted = `from seizures s join (values ${units}) u(unit, base_unit, factor) on u.unit = s.unit::text
  where s.operation_id = $1 and s.status::text = any($2::text[])
    and exists (select 1 from operation_members m join participations p on p.operation_id = m.operation_id and p.agency_id = m.agency_id
      where m.operation_id = $1 and m.user_id = $3 and m.removed_at is null and p.status = 'ACCEPTED')`;

const TABLES = {
  byCountryAndCommodity: `select s.country_code, s.commodity_id, u.base_unit, count(*)::int as seizures,
    sum(s.quantity::numeric * u.factor)::float8 as quantity ${counted} group by 1, 2, 3`,
  byDetectionMethod: `select s.detection_method, u.base_unit, count(*)::int as seizures,
    sum(s.quantity::numeric * u.factor)::float8 as quantity ${counted} group by 1, 2`,
  byTransportMode: `select s.transport_mode, u.base_unit, count(*)::int as seizures,
    sum(s.quantity::numeric * u.factor)::float8 as quantity ${counted} group by 1, 2`,
  bonusByClass: `select coalesce(c.category::text, 'OTHER') as class, u.base_unit, count(*)::int as seizures,
    sum(s.quantity::numeric * u.factor)::float8 as quantity ${counted.replace('where', 'left join commodities c on c.id = s.commodity_id where')}
    and s.bonus group by 1, 2`,
};

const TOTALS = `select count(*)::int as seizures, coalesce(sum(s.arrests), 0)::int as arrests,
  (count(*) filter (where s.bonus))::int as bonus ${counted}`;

const ALERTS = `with visible as (
    select a.id, a.outcome, a.raised_at from alerts a
    where a.operation_id = $1 and a.category <> 'TEST' and a.withdrawn_at is null
      and exists (select 1 from operation_members m join participations p on p.operation_id = m.operation_id and p.agency_id = m.agency_id
      where m.operation_id = $1 and m.user_id = $4 and m.removed_at is null and p.status = 'ACCEPTED')
      and (a.distribution = 'ALL_PARTICIPANTS' or a.raised_by_agency_id = $3
        or exists (select 1 from alert_recipients r where r.alert_id = a.id and r.agency_id = $3))),
  deadlines as (
    select v.id, r.due_at, r.acknowledged_at, v.raised_at,
      (r.acknowledged_at > r.due_at or (r.acknowledged_at is null and r.due_at < $5)) as missed
    from visible v join alert_recipients r on r.alert_id = v.id)
  select (select count(*)::int from visible) as raised,
    (select count(distinct id)::int from deadlines where acknowledged_at is not null) as acknowledged,
    (select count(distinct id)::int from deadlines where missed) as overdue,
    (select percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - raised_at) / 60)
      from deadlines where acknowledged_at is not null) as median,
    (select count(*)::int from visible where outcome <> 'PENDING') as with_feedback,
    (select count(*)::int from visible v where v.outcome <> 'PENDING' and exists (select 1 from seizure_alert_links l
      join seizures s on s.id = l.seizure_id where l.alert_id = v.id and s.status::text = any($2::text[]))) as with_seizure,
    (select json_object_agg(outcome, n) from (select outcome, count(*)::int as n from visible group by outcome) o) as outcomes`;

/** How many statements one hand-written answer takes. */
export const HAND_WRITTEN_STATEMENTS = 2 + Object.keys(TABLES).length;

/** The operation's results for a viewer (a user of an agency), the hand-written way. */
export async function handWrittenResults(
  db: pg.Client,
  operationId: string,
  viewer: { userId: string; agencyId: string },
  includeUnverified: boolean,
  now: Date,
): Promise<ComparableResults> {
  const statuses = includeUnverified ? ['VERIFIED', 'SUBMITTED'] : ['VERIFIED'];
  // Seizures: $1 operation, $2 statuses, $3 the viewer; alerts: their agency in $3, the viewer in $4, now in $5.
  const parameters = [operationId, statuses, viewer.userId];
  const totals = (await db.query(TOTALS, parameters)).rows[0];
  const alerts = (await db.query(ALERTS, [operationId, statuses, viewer.agencyId, viewer.userId, now])).rows[0];
  const tables: ComparableResults['tables'] = {};
  for (const [name, text] of Object.entries(TABLES)) {
    const rows = (await db.query(text, parameters)).rows as { base_unit: string; seizures: number; quantity: number }[];
    tables[name] = summarise(rows.map((row) => ({ unit: row.base_unit, seizures: row.seizures, quantity: row.quantity })));
  }
  return {
    seizures: totals.seizures,
    arrests: totals.arrests,
    bonusSeizures: totals.bonus,
    alertsRaised: alerts.raised,
    alertsAcknowledged: alerts.acknowledged,
    alertsOverdue: alerts.overdue,
    tables,
  };
}

/** Rows of one table reduced to their count and sums, as both sides are compared. */
export function summarise(rows: { unit: string; seizures: number; quantity: number }[]): ComparableResults['tables'][string] {
  const quantity: Record<string, number> = {};
  // Summed in one order on both sides, so that floating-point rounding cannot tell them apart.
  for (const row of [...rows].sort((a, b) => a.quantity - b.quantity)) quantity[row.unit] = (quantity[row.unit] ?? 0) + row.quantity;
  for (const unit of Object.keys(quantity)) quantity[unit] = Math.round(quantity[unit]! * 1000) / 1000;
  return { rows: rows.length, seizures: rows.reduce((sum, row) => sum + row.seizures, 0), quantity };
}
