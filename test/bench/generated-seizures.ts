import type pg from 'pg';
import { QUANTITY_UNITS } from '@jointops/shared/domain';
import { UNIT_DIMENSION } from '@jointops/shared/seizures';

// Seizure reports generated straight into the database, for the benches that need an operation
// with many of them (results.ts, results-page.ts): a million in under a minute, where the API
// would take hours.

/**
 * `count` seizure reports in the operation, in one statement: 70 % verified, 20 % submitted, 10 %
 * rejected; every catalogue commodity in every unit of its dimension, 5 % other commodities; the
 * first 13 contact points of the operation (or of `reportersOf`, for an operation that has none)
 * reporting in turn. Then `vacuum analyze`, as a
 * database that grew over weeks would be.
 */
export async function generateSeizures(db: pg.Client, operationId: string, count: number, reportersOf = operationId): Promise<void> {
  const units = QUANTITY_UNITS.map((unit) => `('${unit}', '${UNIT_DIMENSION[unit]}')`).join(', ');
  const dimension = `case c.default_unit ${QUANTITY_UNITS.map((unit) => `when '${unit}' then '${UNIT_DIMENSION[unit]}'`).join(' ')} end`;
  await db.query(
    `with reporter as (
       select m.user_id, m.agency_id, a.country_code from operation_members m join agencies a on a.id = m.agency_id
       where m.operation_id = $3 and m.role = 'CONTACT_POINT' and m.removed_at is null order by m.assigned_at limit 13),
     reporters as (select row_number() over () - 1 as k, * from reporter),
     combos as (select row_number() over (order by c.code, u.unit) - 1 as k, c.id as commodity_id, u.unit
       from commodities c join (values ${units}) u(unit, dimension) on u.dimension = ${dimension}),
     start as (select coalesce(max(number), 0) as n from seizures where operation_id = $1)
     insert into seizures (operation_id, number, reference, idempotency_key, content_hash, status, reporting_agency_id, reported_by,
       reported_at, submitted_at, updated_at, seized_at, country_code, place, location_type, commodity_id, commodity_description,
       quantity, unit, detection_method, transport_mode, arrests, rejection_reason)
     select $1, start.n + g, 'BENCH/S-' || (start.n + g), 'bench-' || (start.n + g), 'bench',
       (case when g % 10 < 7 then 'VERIFIED' when g % 10 < 9 then 'SUBMITTED' else 'REJECTED' end)::seizure_status,
       r.agency_id, r.user_id, now(), now(), now(), now() - (g % 20000) * interval '1 minute', coalesce(r.country_code, 'MY'),
       'Generated', 'SEAPORT', case when g % 20 = 0 then null else c.commodity_id end, case when g % 20 = 0 then 'Generated other goods' end,
       1 + g % 500, c.unit::quantity_unit, (enum_range(null::detection_method))[1 + g % 10], (enum_range(null::transport_mode))[1 + g % 8],
       g % 3, case when g % 10 = 9 then 'Generated' end
     from generate_series(1, $2::int) g, start
     join combos c on true join reporters r on true
     where c.k = g % (select count(*) from combos) and r.k = g % (select count(*) from reporters)`,
    [operationId, count, reportersOf],
  );
  await db.query('vacuum analyze seizures');
}
