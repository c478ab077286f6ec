import type { QuantityUnit } from './domain';

// Quantities are counted in the native unit of what was found (tonnes of ammonium nitrate, litres
// of nitromethane, metres of detonating cord, pieces of detonators). Quantities of one dimension
// add up once brought to its base unit; quantities of different dimensions never add up.

export const DIMENSIONS = ['MASS', 'VOLUME', 'LENGTH', 'COUNT'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const UNIT_DIMENSION: Record<QuantityUnit, Dimension> = { KG: 'MASS', G: 'MASS', T: 'MASS', L: 'VOLUME', ML: 'VOLUME', M: 'LENGTH', PIECES: 'COUNT' };

/** The unit results are given in, per dimension. */
export const BASE_UNIT: Record<Dimension, QuantityUnit> = { MASS: 'KG', VOLUME: 'L', LENGTH: 'M', COUNT: 'PIECES' };

/**
 * One unit in its dimension's base unit, as a decimal string: SQL multiplies in exact numeric
 * arithmetic with it, so 500 g + 2 t + 3 kg is 2003.5 kg, not a binary-float neighbour of it.
 */
export const IN_BASE_UNIT: Record<QuantityUnit, string> = { KG: '1', G: '0.001', T: '1000', L: '1', ML: '0.001', M: '1', PIECES: '1' };

export const sameDimension = (a: QuantityUnit, b: QuantityUnit): boolean => UNIT_DIMENSION[a] === UNIT_DIMENSION[b];

/** The units a quantity of the dimension of `unit` may be given in. */
export const unitsLike = (unit: QuantityUnit): QuantityUnit[] =>
  (Object.keys(UNIT_DIMENSION) as QuantityUnit[]).filter((other) => sameDimension(other, unit));
