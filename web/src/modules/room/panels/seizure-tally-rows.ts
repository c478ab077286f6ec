import { QUANTITY_UNITS, type QuantityUnit } from '@jointops/shared/domain';
import type { CommodityRow } from './room-results';

export interface TallyQuantity {
  unit: QuantityUnit;
  quantity: number;
}

/** One commodity across every country: its seizures, and its quantity per unit. */
export interface TallyRow {
  /** The commodity's id, or null for the other (unlisted) commodities together. */
  commodityId: string | null;
  commodity: CommodityRow['commodity'];
  seizures: number;
  /** One per unit, in the order of the units list: 2 t of a chemical and 40 drums of it are never one number. */
  quantities: TallyQuantity[];
}

/**
 * Result rows gathered per commodity: the room's rows per commodity (one per unit), or the final
 * report's per country and commodity, added up across countries. The server gives each row in
 * its dimension's base unit (kg, L, m, pieces), so rows of one commodity and one unit add up;
 * rows of one commodity in two units stay two quantities side by side. Most seizures first, then
 * by commodity code, the other commodities last.
 */
export function tallyByCommodity(rows: readonly CommodityRow[]): TallyRow[] {
  const byCommodity = new Map<string, TallyRow>();
  for (const row of rows) {
    const id = row.commodity?.id ?? null;
    const key = id ?? '';
    let tally = byCommodity.get(key);
    if (!tally) {
      tally = { commodityId: id, commodity: row.commodity, seizures: 0, quantities: [] };
      byCommodity.set(key, tally);
    }
    tally.seizures += row.seizures;
    const same = tally.quantities.find((quantity) => quantity.unit === row.unit);
    if (same) same.quantity += row.quantity;
    else tally.quantities.push({ unit: row.unit, quantity: row.quantity });
  }
  const rank = (row: TallyRow) => (row.commodity ? 0 : 1);
  return [...byCommodity.values()]
    .map((row) => ({ ...row, quantities: row.quantities.sort((a, b) => QUANTITY_UNITS.indexOf(a.unit) - QUANTITY_UNITS.indexOf(b.unit)) }))
    .sort((a, b) => rank(a) - rank(b) || b.seizures - a.seizures || (a.commodity?.code ?? '').localeCompare(b.commodity?.code ?? ''));
}
