import { type SQL, sql } from 'drizzle-orm';
import type { Marking, SeizureStatus } from '@jointops/shared/domain';
import type { Db } from '../../db/client';
import { alerts } from '../../db/schema/alerts';
import type { Viewer } from '../../service-context';
import { alertVisibleTo } from '../alerts/alerts.repo';
import { visibleTo } from '../operations/operations.repo';
import { baseQuantitySql, baseUnitSql } from './seizure-figures.repo';

export type SeizureListRow = Record<string, string | number | boolean | null>;

/**
 * An instant as ISO 8601 in UTC, `2026-04-30T22:00:00.000Z`, as the API writes a DateTime: the
 * database's own text (`2026-04-30 22:00:00+00`) depends on the session's time zone, and neither
 * the seizure import nor a spreadsheet reads it as an instant. Every date an export carries goes
 * through it.
 */
export const isoInstantSql = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A list cell as the import reads one back: items separated by `;`. */
const listSql = (column: SQL) => sql`array_to_string(${column}, ';')`;

/**
 * The seizure reports the results count, for the export, oldest first. Reports carry no marking
 * of their own: once submitted they are the agency's word to the whole operation, so they are
 * exported to those who may see the results. What may be marked is the alert data in them: only
 * the references of linked alerts the viewer may see and marked at most as `markings` allow.
 * Officers are named by their agency only, and no alert subject (a passenger's identity) is read.
 */
export async function seizureList(
  db: Db,
  viewer: Viewer,
  operationId: string,
  statuses: SeizureStatus[],
  markings: Marking[],
): Promise<SeizureListRow[]> {
  const counted = sql.join(
    statuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const allowed = sql.join(
    markings.map((marking) => sql`${marking}`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    select s.reference, s.status, ${isoInstantSql(sql`s.seized_at`)} as seized_at, s.country_code, s.place, s.location_type,
      s.latitude, s.longitude, c.code as commodity_code,
      ${viewer.locale === 'fr' ? sql`c.name_fr` : sql`c.name_en`} as commodity_name, s.commodity_description,
      s.quantity, s.unit, ${baseQuantitySql(sql`s.quantity`, sql`s.unit`)}::float8 as base_quantity, ${baseUnitSql(sql`s.unit`)} as base_unit,
      s.bonus,
      s.detection_method, s.concealment, s.transport_mode, s.conveyance, s.origin_country_code,
      ${listSql(sql`s.transit_country_codes`)} as transit_country_codes, s.destination_country_code, s.arrests,
      (select string_agg((a.e->>'nationality') || ':' || (a.e->>'count'), ';' order by a.i)
        from jsonb_array_elements(s.arrests_by_nationality) with ordinality as a(e, i)) as arrests_by_nationality,
      ${isoInstantSql(sql`s.interpol_notified_at`)} as interpol_notified_at, ncb.name as interpol_ncb,
      (select string_agg((n.e->>'type') || ':' || (n.e->>'reference'), ';' order by n.i)
        from jsonb_array_elements(s.interpol_notices) with ordinality as n(e, i)) as interpol_notices,
      ag.name as reporting_agency,
      (select string_agg(${alerts.reference}, ';' order by ${alerts.number}) from seizure_alert_links l join ${alerts} on ${alerts.id} = l.alert_id
        where l.seizure_id = s.id and ${alerts.marking} in (${allowed}) and ${alertVisibleTo(viewer)}) as linked_alert_references
    from seizures s
    join agencies ag on ag.id = s.reporting_agency_id
    left join agencies ncb on ncb.id = s.interpol_ncb_agency_id
    left join commodities c on c.id = s.commodity_id
    where s.operation_id = ${operationId} and s.status in (${counted}) and ${visibleTo(viewer, sql`${operationId}::uuid`)}
    order by s.number`)) as { rows: SeizureListRow[] };
  return result.rows;
}
