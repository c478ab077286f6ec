import type { QuantityUnit } from '@jointops/shared/domain';
import type { ReportSeizure } from './report-documents';

/** Each unit's measure and its factor to the measure's base unit, as the server counts results. */
const BASE: Record<QuantityUnit, [QuantityUnit, number]> = {
  KG: ['KG', 1],
  G: ['KG', 0.001],
  T: ['KG', 1000],
  L: ['L', 1],
  ML: ['L', 0.001],
  M: ['M', 1],
  PIECES: ['PIECES', 1],
};

export const NOTABLE_SEIZURES = 6;

/**
 * The seizures a release names: the largest of each commodity (a described commodity counts as
 * its own), largest first within each measure. Sizes are compared within one measure only: a
 * tonne of a chemical is not "more" than forty detonators.
 */
export function notableSeizures(seizures: readonly ReportSeizure[]): ReportSeizure[] {
  const largest = new Map<string, { seizure: ReportSeizure; base: number }>();
  for (const seizure of seizures) {
    const [baseUnit, factor] = BASE[seizure.unit];
    const what = `${seizure.commodity?.code ?? `other:${seizure.commodityDescription ?? ''}`}:${baseUnit}`;
    const base = seizure.quantity * factor;
    const kept = largest.get(what);
    if (!kept || base > kept.base) largest.set(what, { seizure, base });
  }
  const measures = Object.keys(BASE);
  return [...largest.values()]
    .sort(
      (a, b) =>
        measures.indexOf(BASE[a.seizure.unit][0]) - measures.indexOf(BASE[b.seizure.unit][0]) ||
        b.base - a.base ||
        a.seizure.reference.localeCompare(b.seizure.reference),
    )
    .slice(0, NOTABLE_SEIZURES)
    .map(({ seizure }) => seizure);
}
