import type { Locale } from './domain';

// Every column of every CSV export, by its stable key, with the label a person reads in each
// language. A key never changes and means the same in every language: scripts and the seizure
// import go by it. A label is for the spreadsheet user and may be reworded. Labels hold neither
// `,` nor `;`, since the import takes the separator from the header line.

export const CSV_COLUMN_LABELS = {
  // The seizure list: the import template's columns and what the system derives from them.
  reference: { en: 'Reference', fr: 'Référence' },
  status: { en: 'Status', fr: 'Statut' },
  seized_at: { en: 'Seized at', fr: 'Date et heure de saisie' },
  country_code: { en: 'Country code', fr: 'Code pays' },
  place: { en: 'Place', fr: 'Lieu' },
  location_type: { en: 'Location type', fr: 'Type de lieu' },
  latitude: { en: 'Latitude', fr: 'Latitude' },
  longitude: { en: 'Longitude', fr: 'Longitude' },
  commodity_code: { en: 'Commodity code', fr: 'Code de la marchandise' },
  commodity_name: { en: 'Commodity', fr: 'Marchandise' },
  commodity_description: { en: 'Commodity description', fr: 'Description de la marchandise' },
  quantity: { en: 'Quantity', fr: 'Quantité' },
  unit: { en: 'Unit', fr: 'Unité' },
  base_quantity: { en: 'Quantity in base unit', fr: 'Quantité en unité de base' },
  base_unit: { en: 'Base unit', fr: 'Unité de base' },
  bonus: { en: 'Bonus', fr: 'Saisie bonus' },
  detection_method: { en: 'Detection method', fr: 'Méthode de détection' },
  concealment: { en: 'Concealment', fr: 'Dissimulation' },
  transport_mode: { en: 'Transport mode', fr: 'Mode de transport' },
  conveyance: { en: 'Conveyance', fr: 'Moyen de transport' },
  origin_country_code: { en: 'Country of origin', fr: "Pays d'origine" },
  transit_country_codes: { en: 'Transit countries', fr: 'Pays de transit' },
  destination_country_code: { en: 'Country of destination', fr: 'Pays de destination' },
  arrests: { en: 'Arrests', fr: 'Arrestations' },
  arrests_by_nationality: { en: 'Arrests by nationality', fr: 'Arrestations par nationalité' },
  interpol_notified_at: { en: 'INTERPOL NCB notified at', fr: 'BCN INTERPOL avisé le' },
  interpol_ncb: { en: 'INTERPOL NCB', fr: 'BCN INTERPOL' },
  interpol_notices: { en: 'INTERPOL notices', fr: 'Notices INTERPOL' },
  reporting_agency: { en: 'Reporting agency', fr: 'Service déclarant' },
  linked_alert_references: { en: 'Linked alerts', fr: 'Alertes liées' },
  // The results tables.
  key: { en: 'Key', fr: 'Clé' },
  label: { en: 'Label', fr: 'Libellé' },
  commodity_class: { en: 'Commodity class', fr: 'Catégorie de marchandise' },
  seizures: { en: 'Seizures', fr: 'Saisies' },
  figure: { en: 'Figure', fr: 'Indicateur' },
  value: { en: 'Value', fr: 'Valeur' },
  outcome: { en: 'Outcome', fr: 'Résultat' },
  alerts: { en: 'Alerts', fr: 'Alertes' },
  shipments: { en: 'Shipments checked', fr: 'Envois contrôlés' },
  database: { en: 'Database', fr: 'Base de données' },
  checks: { en: 'Checks', fr: 'Consultations' },
  hits: { en: 'Hits', fr: 'Concordances' },
  nationality: { en: 'Nationality', fr: 'Nationalité' },
} as const satisfies Record<string, Record<Locale, string>>;

export type CsvColumnKey = keyof typeof CSV_COLUMN_LABELS;

/** What heads each column: its key, for scripts, or its label in the reader's language, for people. */
export type CsvHeader = 'KEYS' | 'LABELS';

export const csvHeaderRow = (keys: readonly CsvColumnKey[], header: CsvHeader, locale: Locale): string[] =>
  header === 'KEYS' ? [...keys] : keys.map((key) => CSV_COLUMN_LABELS[key][locale]);

/** Every name a column may be headed by: its key and its label in each language. */
export const namesOfColumn = (key: CsvColumnKey): string[] => [key, ...Object.values(CSV_COLUMN_LABELS[key])];
