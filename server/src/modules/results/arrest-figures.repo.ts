import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SeizureScope } from './seizure-figures.repo';

/** Persons arrested of one nationality, and the reports that name them; `nationality` null for arrests reported without one. */
export interface NationalityArrests {
  nationality: string | null;
  arrests: number;
  seizures: number;
}

/**
 * Arrests per country of nationality over the counted reports, need-to-know in the scope as for
 * every figure. A report gives its arrests by nationality in full or not at all (the total is then
 * the breakdown's sum), so a report without a breakdown counts in the row without a nationality.
 */
export async function arrestsByNationality(db: Db, scope: SeizureScope): Promise<NationalityArrests[]> {
  const statuses = sql.join(
    scope.statuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    with counted as (
      select s.arrests, s.arrests_by_nationality from seizures s
      where ${scope.where} and s.status in (${statuses}) and s.arrests > 0
        ${scope.seizedFrom ? sql`and s.seized_at >= ${scope.seizedFrom.toISOString()}` : sql``}
        ${scope.seizedTo ? sql`and s.seized_at < ${scope.seizedTo.toISOString()}` : sql``}
    )
    select n.nationality, sum(n.count)::int as arrests, count(*)::int as seizures
    from counted c cross join jsonb_to_recordset(c.arrests_by_nationality) as n(nationality text, count int)
    group by n.nationality
    union all
    select null, sum(c.arrests)::int, count(*)::int from counted c where jsonb_array_length(c.arrests_by_nationality) = 0
    having count(*) > 0
    order by 1 nulls last`)) as { rows: NationalityArrests[] };
  return result.rows;
}
