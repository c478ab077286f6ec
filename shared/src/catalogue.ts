import { z } from 'zod';
import type { QuantityUnit } from './domain';
import { DIMENSIONS } from './seizures';
import { globalId, requiredText } from './validation';

// The Programme Global Shield commodity catalogue, in versioned lists. Each version adds items to
// the one before; an operation picks its targets from the version current when it was planned.
// The 14 precursors are triangulated from national PGS training material (WCO publishes no list);
// HS codes are those of HS 2022 and are editable reference data once seeded: only ammonium nitrate,
// acetic anhydride and drones are confirmed by published sources (see DOMAIN-RESEARCH.md 1.4).

export const COMMODITY_CATEGORIES = ['PRECURSOR_CHEMICAL', 'DETONATOR', 'FUSE', 'COMPONENT', 'UAV'] as const;
export type CommodityCategory = (typeof COMMODITY_CATEGORIES)[number];

export interface CatalogueItem {
  /** Stable key used in references, CSV templates and imports. */
  code: string;
  /** The list version that introduced it. */
  version: CatalogueVersion;
  category: CommodityCategory;
  name: { en: string; fr: string };
  defaultUnit: QuantityUnit;
  hsCode: string | null;
}

export const CATALOGUE_VERSIONS = ['PGS-2010', 'PGS-2015', 'PGS-2023'] as const;
export type CatalogueVersion = (typeof CATALOGUE_VERSIONS)[number];
export const CURRENT_CATALOGUE_VERSION: CatalogueVersion = 'PGS-2023';

const chemical = (code: string, en: string, fr: string, defaultUnit: QuantityUnit, hsCode: string): CatalogueItem => ({
  code,
  version: 'PGS-2010',
  category: 'PRECURSOR_CHEMICAL',
  name: { en, fr },
  defaultUnit,
  hsCode,
});

export const CATALOGUE: readonly CatalogueItem[] = [
  chemical('AMMONIUM_NITRATE', 'Ammonium nitrate', 'Nitrate d’ammonium', 'KG', '3102.30'),
  chemical('CALCIUM_AMMONIUM_NITRATE', 'Calcium ammonium nitrate', 'Nitrate d’ammonium calcaire', 'KG', '3102.40'),
  chemical('POTASSIUM_CHLORATE', 'Potassium chlorate', 'Chlorate de potassium', 'KG', '2829.19'),
  chemical('SODIUM_CHLORATE', 'Sodium chlorate', 'Chlorate de sodium', 'KG', '2829.11'),
  chemical('POTASSIUM_PERCHLORATE', 'Potassium perchlorate', 'Perchlorate de potassium', 'KG', '2829.90'),
  chemical('POTASSIUM_NITRATE', 'Potassium nitrate', 'Nitrate de potassium', 'KG', '2834.21'),
  chemical('SODIUM_NITRATE', 'Sodium nitrate', 'Nitrate de sodium', 'KG', '3102.50'),
  chemical('NITRIC_ACID', 'Nitric acid', 'Acide nitrique', 'L', '2808.00'),
  chemical('HYDROGEN_PEROXIDE', 'Hydrogen peroxide', 'Peroxyde d’hydrogène', 'L', '2847.00'),
  chemical('NITROMETHANE', 'Nitromethane', 'Nitrométhane', 'L', '2904.20'),
  chemical('UREA', 'Urea', 'Urée', 'KG', '3102.10'),
  chemical('ALUMINIUM_POWDER', 'Aluminium powder', 'Poudre d’aluminium', 'KG', '7603.10'),
  chemical('ACETONE', 'Acetone', 'Acétone', 'L', '2914.11'),
  chemical('ACETIC_ANHYDRIDE', 'Acetic anhydride', 'Anhydride acétique', 'L', '2915.24'),
  // June 2015: detonators and fuses joined the list.
  {
    code: 'SAFETY_FUSE',
    version: 'PGS-2015',
    category: 'FUSE',
    name: { en: 'Safety fuse', fr: 'Mèche de sûreté' },
    defaultUnit: 'M',
    hsCode: '3603.10',
  },
  {
    code: 'DETONATING_CORD',
    version: 'PGS-2015',
    category: 'FUSE',
    name: { en: 'Detonating cord', fr: 'Cordeau détonant' },
    defaultUnit: 'M',
    hsCode: '3603.20',
  },
  {
    code: 'DETONATOR',
    version: 'PGS-2015',
    category: 'DETONATOR',
    name: { en: 'Detonator (percussion or detonating cap)', fr: 'Détonateur (amorce ou capsule détonante)' },
    defaultUnit: 'PIECES',
    hsCode: '3603.40',
  },
  {
    code: 'IGNITER',
    version: 'PGS-2015',
    category: 'DETONATOR',
    name: { en: 'Igniter', fr: 'Allumeur' },
    defaultUnit: 'PIECES',
    hsCode: '3603.50',
  },
  {
    code: 'ELECTRIC_DETONATOR',
    version: 'PGS-2015',
    category: 'DETONATOR',
    name: { en: 'Electric detonator', fr: 'Détonateur électrique' },
    defaultUnit: 'PIECES',
    hsCode: '3603.60',
  },
  // Later operations (ARENA, GATEWAY, SECURE HORIZON) also targeted remote-initiation components.
  {
    code: 'TRANSMITTER',
    version: 'PGS-2023',
    category: 'COMPONENT',
    name: { en: 'Radio transmitting device', fr: 'Appareil émetteur radio' },
    defaultUnit: 'PIECES',
    hsCode: '8526.92',
  },
  {
    code: 'UAV',
    version: 'PGS-2023',
    category: 'UAV',
    name: { en: 'Unmanned aerial vehicle (drone)', fr: 'Aéronef sans pilote (drone)' },
    defaultUnit: 'PIECES',
    hsCode: '8806.21',
  },
  {
    code: 'UAV_PARTS',
    version: 'PGS-2023',
    category: 'UAV',
    name: { en: 'UAV parts and camera modules', fr: 'Pièces et modules caméra de drones' },
    defaultUnit: 'PIECES',
    hsCode: '8525.80',
  },
  {
    code: 'ALUMINIUM_PASTE_FLAKES',
    version: 'PGS-2023',
    category: 'PRECURSOR_CHEMICAL',
    name: { en: 'Aluminium paste or flakes', fr: 'Pâte ou paillettes d’aluminium' },
    defaultUnit: 'KG',
    hsCode: '7603.20',
  },
];

/** The items a version holds: its own and all earlier versions'. */
export function catalogueItems(version: CatalogueVersion): CatalogueItem[] {
  const upTo = CATALOGUE_VERSIONS.indexOf(version);
  return CATALOGUE.filter((item) => CATALOGUE_VERSIONS.indexOf(item.version) <= upTo);
}

/** An HS code as customs write it: 4 to 10 digits, dotted or not (3102.30, 310230). */
export const hsCode = z
  .string()
  .trim()
  .regex(/^[0-9]{4}(\.?[0-9]{2}){0,3}$/, { error: 'Use a Harmonized System code of 4 to 10 digits, e.g. 3102.30' });

export const UNKNOWN_DIMENSION_MESSAGE = `Unknown dimension: use one of ${DIMENSIONS.join(', ')}`;
export const UNKNOWN_CATEGORY_MESSAGE = `Unknown category: use one of ${COMMODITY_CATEGORIES.join(', ')}`;

/**
 * A commodity one operation needs beyond the reference lists. Its code is written like theirs
 * (capitals, digits, _), because CSV imports name commodities by code; its dimension sets the
 * units it is counted in, its base unit being the default.
 */
export const addOperationCommodityInput = z.object({
  operationId: globalId,
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, { error: 'Use 2 to 40 letters, digits or _, starting with a letter, e.g. SODIUM_AZIDE' }),
  nameEn: requiredText(200),
  nameFr: requiredText(200),
  hsCode: hsCode.nullish().transform((value) => value ?? null),
  dimension: z.enum(DIMENSIONS, { error: UNKNOWN_DIMENSION_MESSAGE }),
  category: z.enum(COMMODITY_CATEGORIES, { error: UNKNOWN_CATEGORY_MESSAGE }),
});
export type AddOperationCommodityInput = z.infer<typeof addOperationCommodityInput>;
