import type { Locale, QuantityUnit } from '@jointops/shared/domain';
import type { CommodityRow } from '../catalogue/catalogue.repo';
import type { SeizureGroup } from './seizure-figures.repo';

/** One line of a results table: a group of seizures and their quantity in one base unit. */
export interface ResultRow {
  key: string;
  label: string;
  countryCode: string | null;
  commodity: CommodityRow | null;
  commodityClass: string | null;
  detectionMethod: string | null;
  transportMode: string | null;
  quantity: number;
  unit: QuantityUnit;
  seizures: number;
  arrests: number;
}

export type RowTable =
  | 'byCountryAndCommodity'
  | 'byCommodity'
  | 'byDetectionMethod'
  | 'byTransportMode'
  | 'byCommodityClass'
  | 'bonusByClass';

const OTHER_COMMODITIES = { en: 'Other commodities', fr: 'Autres marchandises' } as const;

/** `X_RAY_BACKSCATTER` → `X ray backscatter`: coded values read as words in a table. */
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');

const commodityName = (commodity: CommodityRow | null, locale: Locale) =>
  commodity ? (locale === 'fr' ? commodity.nameFr : commodity.nameEn) : OTHER_COMMODITIES[locale];

/** What each table groups by: its key (stable, for machines) and its label (for people). */
const DESCRIBE: Record<RowTable, (group: SeizureGroup, locale: Locale) => [string, string]> = {
  byCountryAndCommodity: (group, locale) => [
    `${group.countryCode}:${group.commodity?.code ?? 'OTHER'}`,
    `${group.countryCode} · ${commodityName(group.commodity, locale)}`,
  ],
  byCommodity: (group, locale) => [group.commodity?.code ?? 'OTHER', commodityName(group.commodity, locale)],
  byDetectionMethod: (group) => [group.detectionMethod!, words(group.detectionMethod!)],
  byTransportMode: (group) => [group.transportMode!, words(group.transportMode!)],
  byCommodityClass: (group) => [group.commodityClass!, words(group.commodityClass!)],
  bonusByClass: (group) => [group.commodityClass!, words(group.commodityClass!)],
};

/**
 * The rows of a table, one per group and base unit (a group with kilograms and pieces has two),
 * sorted by country and commodity code for the country table, else by seizures, most first.
 */
export function resultRows(table: RowTable, groups: SeizureGroup[], locale: Locale): ResultRow[] {
  const rows = groups.map((group): ResultRow => {
    const [key, label] = DESCRIBE[table](group, locale);
    return {
      key: `${key}:${group.unit}`,
      label,
      countryCode: table === 'byCountryAndCommodity' ? group.countryCode : null,
      commodity: group.commodity,
      commodityClass: table === 'byCommodityClass' || table === 'bonusByClass' ? group.commodityClass : null,
      detectionMethod: group.detectionMethod,
      transportMode: group.transportMode,
      quantity: group.quantity,
      unit: group.unit,
      seizures: group.seizures,
      arrests: group.arrests,
    };
  });
  const byKey = (a: ResultRow, b: ResultRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return rows.sort(table === 'byCountryAndCommodity' ? byKey : (a, b) => b.seizures - a.seizures || byKey(a, b));
}
