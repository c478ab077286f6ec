import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executePlannedOnce } from '../../db/prepared';
import { agencies } from '../../db/schema/accounts';
import { alerts } from '../../db/schema/alerts';
import type { Viewer } from '../../service-context';
import { alertVisibleTo } from '../alerts/alerts.repo';
import type { SeizureGroup } from './seizure-figures.repo';

/** What one country's agencies brought to the operation, as the room's map shows it. */
export interface CountryFigures {
  countryCode: string;
  alertsRaised: number;
  seizures: number;
}

/**
 * Alerts raised per country of the raising agency, over the alerts the viewer may see: the same
 * audience rule as the other alert figures, TEST alerts aside (the readiness test warns of
 * nothing), withdrawn ones aside (their originator took them back). International organisations
 * have no country and are counted nowhere here.
 */
export async function alertsRaisedByCountry(db: Db, viewer: Viewer, operationId: string): Promise<Map<string, number>> {
  // Planned once per connection (db/prepared.ts): asked at every results read and every live tick.
  const result = await executePlannedOnce<{ country_code: string; n: number }>(
    db,
    sql`
    select ${agencies.countryCode} as country_code, count(*)::int as n
    from ${alerts} join ${agencies} on ${agencies.id} = ${alerts.raisedByAgencyId}
    where ${alerts.operationId} = ${operationId} and ${alerts.category} <> 'TEST' and ${alerts.withdrawnAt} is null
      and ${agencies.countryCode} is not null and ${alertVisibleTo(viewer)}
    group by ${agencies.countryCode}`,
  );
  return new Map(result.rows.map((row) => [row.country_code, row.n]));
}

/**
 * Alerts and seizure reports per country, by country code. Seizures come from the per-country
 * rows the seizure side already computed: a report has one commodity and one unit, so it sits in
 * exactly one of them and their counts add up without counting a report twice.
 */
export function countryFigures(alertsRaised: Map<string, number>, byCountryAndCommodity: SeizureGroup[]): CountryFigures[] {
  const seizures = new Map<string, number>();
  for (const group of byCountryAndCommodity) {
    if (group.countryCode) seizures.set(group.countryCode, (seizures.get(group.countryCode) ?? 0) + group.seizures);
  }
  return [...new Set([...alertsRaised.keys(), ...seizures.keys()])]
    .sort()
    .map((countryCode) => ({ countryCode, alertsRaised: alertsRaised.get(countryCode) ?? 0, seizures: seizures.get(countryCode) ?? 0 }));
}
