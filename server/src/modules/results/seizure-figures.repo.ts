import { sql, type SQL } from 'drizzle-orm';
import { QUANTITY_UNITS, type DetectionMethod, type QuantityUnit, type SeizureStatus, type TransportMode } from '@jointops/shared/domain';
import { BASE_UNIT, TO_BASE_UNIT, UNIT_DIMENSION } from '@jointops/shared/seizures';
import type { Db } from '../../db/client';
import { executePlannedOnce } from '../../db/prepared';
import type { CommodityRow } from '../catalogue/catalogue.repo';

// The seizure side of the results, one statement per request: a single scan of the counted
// reports, summed first by every column a table groups by (a few thousand groups however many
// reports), then that small set grouped by several grouping sets at once. Quantities are converted
// to their dimension's base unit in SQL and grouped by that base unit, so 500 g, 2 t and 3 kg add
// up to 2,003.5 kg while 40 detonators stay 40 pieces beside them: unlike units are never added.

/** `case unit when 'G' then 'KG' …`: the base unit of each reported unit, from the shared tables. */
export const baseUnitSql = (unit: SQL): SQL =>
  sql.join([sql`(case ${unit}`, ...QUANTITY_UNITS.map((u) => sql` when ${u} then ${BASE_UNIT[UNIT_DIMENSION[u]]}`), sql` end)`], sql``);

/** The quantity in its base unit, in exact numeric arithmetic (0.001 is not exact in binary). */
export const baseQuantitySql = (quantity: SQL, unit: SQL): SQL =>
  sql.join(
    [
      sql`(${quantity}::numeric * case ${unit}`,
      ...QUANTITY_UNITS.map((u) => sql` when ${u} then ${String(TO_BASE_UNIT[u])}::numeric`),
      sql` end)`,
    ],
    sql``,
  );

/** Class of a bonus seizure: the catalogue category of its commodity, or OTHER for a described one. */
export const OTHER_CLASS = 'OTHER';

export interface SeizureGroup {
  countryCode: string | null;
  commodity: CommodityRow | null;
  detectionMethod: DetectionMethod | null;
  transportMode: TransportMode | null;
  commodityClass: string | null;
  unit: QuantityUnit;
  quantity: number;
  seizures: number;
  arrests: number;
}

export interface SeizureFigures {
  seizures: number;
  arrests: number;
  bonusSeizures: number;
  /** Reports whose INTERPOL National Central Bureau was notified. */
  interpolFollowUps: number;
  byCountryAndCommodity: SeizureGroup[];
  /** Across countries: what the operations room's tally shows, without a row per country. */
  byCommodity: SeizureGroup[];
  byDetectionMethod: SeizureGroup[];
  byTransportMode: SeizureGroup[];
  byCommodityClass: SeizureGroup[];
  bonusByClass: SeizureGroup[];
}

// grouping(country, commodity, method, mode, class, bonus_class): a bit is 1 where that column is not grouped.
const SETS = {
  byCountryAndCommodity: 0b001111,
  byCommodity: 0b101111,
  byDetectionMethod: 0b110111,
  byTransportMode: 0b111011,
  byCommodityClass: 0b111101,
  bonusByClass: 0b111110,
} as const;
const ALL = 0b111111;
const TABLE_OF_SET = new Map<number, keyof typeof SETS>(Object.entries(SETS).map(([table, set]) => [set, table as keyof typeof SETS]));

export interface SeizureScope {
  /** Which reports of `seizures s` count, need-to-know included: their operations, mainly. */
  where: SQL;
  statuses: SeizureStatus[];
  seizedFrom?: Date | null;
  seizedTo?: Date | null;
}

/** The statuses results count: VERIFIED, and SUBMITTED too when unverified reports are asked for. */
export const countedStatuses = (includeUnverified: boolean): SeizureStatus[] =>
  includeUnverified ? ['VERIFIED', 'SUBMITTED'] : ['VERIFIED'];

export async function seizureFigures(db: Db, scope: SeizureScope): Promise<SeizureFigures> {
  const statuses = sql.join(
    scope.statuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const result = await executePlannedOnce<FigureRow>(
    db,
    sql`
    with per_group as (
      select s.operation_id, s.country_code, s.commodity_id, s.detection_method, s.transport_mode, s.unit, s.bonus,
        count(*) as seizures, sum(s.arrests) as arrests, sum(s.quantity::numeric) as quantity,
        count(s.interpol_notified_at) as interpol_follow_ups
      from seizures s
      where ${scope.where} and s.status in (${statuses})
        ${scope.seizedFrom ? sql`and s.seized_at >= ${scope.seizedFrom.toISOString()}` : sql``}
        ${scope.seizedTo ? sql`and s.seized_at < ${scope.seizedTo.toISOString()}` : sql``}
      -- In the order of seizures_results_idx, so an index-only scan feeds the sums already grouped: no sort.
      group by s.operation_id, s.status, s.country_code, s.commodity_id, s.unit, s.detection_method, s.transport_mode, s.bonus
    ),
    counted as (
      select g.country_code, g.commodity_id, g.detection_method, g.transport_mode, g.seizures, g.arrests, g.interpol_follow_ups,
        coalesce(c.category::text, ${OTHER_CLASS}) as commodity_class,
        -- The flag stored at report time: targets changed since do not move past results.
        case when g.bonus then coalesce(c.category::text, ${OTHER_CLASS}) end as bonus_class,
        ${baseUnitSql(sql`g.unit`)} as base_unit,
        ${baseQuantitySql(sql`g.quantity`, sql`g.unit`)} as base_quantity
      from per_group g
      left join commodities c on c.id = g.commodity_id
    ),
    grouped as (
      select grouping(country_code, commodity_id, detection_method, transport_mode, commodity_class, bonus_class) as grouping_set,
        country_code, commodity_id, detection_method, transport_mode, commodity_class, bonus_class, base_unit,
        coalesce(sum(seizures), 0)::int as seizures, coalesce(sum(arrests), 0)::int as arrests,
        coalesce(sum(seizures) filter (where bonus_class is not null), 0)::int as bonus_seizures,
        coalesce(sum(interpol_follow_ups), 0)::int as interpol_follow_ups,
        sum(base_quantity)::float8 as quantity
      from counted
      group by grouping sets ((country_code, commodity_id, base_unit), (commodity_id, base_unit), (detection_method, base_unit),
        (transport_mode, base_unit), (commodity_class, base_unit), (bonus_class, base_unit), ())
    )
    select g.*, c.id as "c_id", c.code as "c_code", c.version as "c_version", c.category as "c_category", c.name_en as "c_nameEn",
      c.name_fr as "c_nameFr", c.default_unit as "c_defaultUnit", c.hs_code as "c_hsCode", c.operation_id as "c_operationId", c.created_at as "c_createdAt"
    from grouped g left join commodities c on c.id = g.commodity_id`,
  );

  const figures: SeizureFigures = {
    seizures: 0,
    arrests: 0,
    bonusSeizures: 0,
    interpolFollowUps: 0,
    byCountryAndCommodity: [],
    byCommodity: [],
    byDetectionMethod: [],
    byTransportMode: [],
    byCommodityClass: [],
    bonusByClass: [],
  };
  for (const row of result.rows) {
    if (row.grouping_set === ALL) {
      Object.assign(figures, {
        seizures: row.seizures,
        arrests: row.arrests,
        bonusSeizures: row.bonus_seizures,
        interpolFollowUps: row.interpol_follow_ups,
      });
      continue;
    }
    const table = TABLE_OF_SET.get(row.grouping_set)!;
    // Reports of the targets fall in a null class of the bonus grouping set: they are not bonus.
    if (table === 'bonusByClass' && row.bonus_class === null) continue;
    figures[table].push({
      countryCode: row.country_code,
      commodity: row.c_id ? commodityOf({ ...row, c_id: row.c_id }) : null,
      detectionMethod: row.detection_method,
      transportMode: row.transport_mode,
      commodityClass: row.bonus_class ?? row.commodity_class,
      unit: row.base_unit,
      quantity: row.quantity,
      seizures: row.seizures,
      arrests: row.arrests,
    });
  }
  return figures;
}

/** One row of the grouped statement: a grouping set's group, with its commodity's columns prefixed `c_`. */
interface FigureRow {
  grouping_set: number;
  seizures: number;
  arrests: number;
  bonus_seizures: number;
  interpol_follow_ups: number;
  country_code: string | null;
  detection_method: DetectionMethod | null;
  transport_mode: TransportMode | null;
  commodity_class: string | null;
  bonus_class: string | null;
  base_unit: QuantityUnit;
  quantity: number;
  c_id: string | null;
  c_code: CommodityRow['code'];
  c_version: CommodityRow['version'];
  c_category: CommodityRow['category'];
  c_nameEn: CommodityRow['nameEn'];
  c_nameFr: CommodityRow['nameFr'];
  c_defaultUnit: CommodityRow['defaultUnit'];
  c_hsCode: CommodityRow['hsCode'];
  c_operationId: CommodityRow['operationId'];
  c_createdAt: string | Date;
}

const commodityOf = (row: FigureRow & { c_id: string }): CommodityRow => ({
  id: row.c_id,
  code: row.c_code,
  version: row.c_version,
  category: row.c_category,
  nameEn: row.c_nameEn,
  nameFr: row.c_nameFr,
  defaultUnit: row.c_defaultUnit,
  hsCode: row.c_hsCode,
  operationId: row.c_operationId,
  createdAt: new Date(row.c_createdAt),
});
