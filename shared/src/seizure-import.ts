import { DETECTION_METHODS, LOCATION_TYPES, QUANTITY_UNITS, TRANSPORT_MODES } from './domain';
import { csvRecord, type CsvSeparator } from './csv';
import { namesOfColumn, type CsvColumnKey } from './csv-columns';
import { textProblem } from './validation';

// The seizure import template: the file a national team fills in, one seizure per row under a
// header row. Its columns are reportSeizure's fields in the domain's words; the catalogue is named
// by its codes and alerts by their references, never by internal ids.

export type ColumnKind = 'text' | 'number' | 'integer' | 'dateTime' | 'choice' | 'list' | 'counts' | 'notices';

export interface TemplateColumn {
  name: CsvColumnKey;
  /** The ReportSeizureInput field the cell fills. */
  field: string;
  /** Whether the header must hold the column (its cells may still be blank when the field is optional). */
  required: boolean;
  kind: ColumnKind;
  accepts: string;
  choices?: readonly string[];
}

const list = 'several separated by `;` or `|`';

export const SEIZURE_IMPORT_COLUMNS: readonly TemplateColumn[] = [
  {
    name: 'seized_at',
    field: 'seizedAt',
    required: true,
    kind: 'dateTime',
    accepts: 'date and time with its zone: `2026-05-01T06:00+08:00` or `2026-05-01 06:00Z`',
  },
  {
    name: 'country_code',
    field: 'countryCode',
    required: true,
    kind: 'text',
    accepts: 'ISO 3166-1 alpha-2 code of the country of seizure (`MY`)',
  },
  { name: 'place', field: 'place', required: true, kind: 'text', accepts: 'port, airport, border crossing… (300 characters)' },
  {
    name: 'location_type',
    field: 'locationType',
    required: true,
    kind: 'choice',
    choices: LOCATION_TYPES,
    accepts: LOCATION_TYPES.join(', '),
  },
  { name: 'latitude', field: 'latitude', required: false, kind: 'number', accepts: 'decimal degrees, with longitude or neither' },
  { name: 'longitude', field: 'longitude', required: false, kind: 'number', accepts: 'decimal degrees' },
  {
    name: 'commodity_code',
    field: 'commodityId',
    required: false,
    kind: 'text',
    accepts: "a code of the operation's commodity catalogue (`AMMONIUM_NITRATE`)",
  },
  {
    name: 'commodity_description',
    field: 'commodityDescription',
    required: false,
    kind: 'text',
    accepts: 'required without a commodity code',
  },
  { name: 'quantity', field: 'quantity', required: true, kind: 'number', accepts: 'more than zero; no thousands separators' },
  {
    name: 'unit',
    field: 'unit',
    required: true,
    kind: 'choice',
    choices: QUANTITY_UNITS,
    accepts: `${QUANTITY_UNITS.join(', ')}; of the commodity's dimension`,
  },
  {
    name: 'detection_method',
    field: 'detectionMethod',
    required: true,
    kind: 'choice',
    choices: DETECTION_METHODS,
    accepts: DETECTION_METHODS.join(', '),
  },
  { name: 'concealment', field: 'concealment', required: false, kind: 'text', accepts: 'how it was hidden' },
  {
    name: 'transport_mode',
    field: 'transportMode',
    required: true,
    kind: 'choice',
    choices: TRANSPORT_MODES,
    accepts: TRANSPORT_MODES.join(', '),
  },
  { name: 'conveyance', field: 'conveyance', required: false, kind: 'text', accepts: 'vessel, flight, vehicle or parcel details' },
  { name: 'origin_country_code', field: 'originCountryCode', required: false, kind: 'text', accepts: 'ISO alpha-2 code' },
  { name: 'transit_country_codes', field: 'transitCountryCodes', required: false, kind: 'list', accepts: `ISO alpha-2 codes, ${list}` },
  { name: 'destination_country_code', field: 'destinationCountryCode', required: false, kind: 'text', accepts: 'ISO alpha-2 code' },
  {
    name: 'arrests',
    field: 'arrests',
    required: false,
    kind: 'integer',
    accepts: 'a whole number; blank = 0, or the sum of arrests_by_nationality',
  },
  {
    name: 'linked_alert_references',
    field: 'linkedAlertIds',
    required: false,
    kind: 'list',
    accepts: `alert references (\`PGS-APAC-2026-01/A-0003\`), ${list}`,
  },
  {
    name: 'arrests_by_nationality',
    field: 'arrestsByNationality',
    required: false,
    kind: 'counts',
    accepts: 'nationality (ISO alpha-2) and count, `FR:2;DE:1`: each nationality once; arrests, when given, is their sum',
  },
  {
    name: 'interpol_notified_at',
    field: 'interpolNotifiedAt',
    required: false,
    kind: 'dateTime',
    accepts: 'when the INTERPOL NCB was notified, as seized_at; required by the next two columns',
  },
  {
    name: 'interpol_ncb',
    field: 'interpolNcbAgencyId',
    required: false,
    kind: 'text',
    accepts: 'the name of the NCB notified, as in the directory (`INTERPOL NCB Manila`)',
  },
  {
    name: 'interpol_notices',
    field: 'interpolNotices',
    required: false,
    kind: 'notices',
    accepts: `type and reference of each notice or diffusion issued, \`PURPLE:2026/12345;DIFFUSION:D-77/2026\`, ${list}`,
  },
];

/**
 * The seizure list's columns that the system derives (the report's reference and status, names
 * and base quantities from the catalogue, the reporting agency, the bonus): an exported list is
 * imported again with these columns in it, and their cells are read past.
 */
export const SEIZURE_EXPORT_ONLY_COLUMNS = [
  'reference',
  'status',
  'commodity_name',
  'base_quantity',
  'base_unit',
  'bonus',
  'reporting_agency',
] as const satisfies readonly CsvColumnKey[];

/**
 * The empty template: the header row alone. CSV has no comments, and an example row left in
 * would be imported as a seizure; the README documents each column instead.
 */
export const seizureImportTemplate = (): string => `${csvRecord(SEIZURE_IMPORT_COLUMNS.map((column) => column.name))}\r\n`;

export interface RowProblem {
  /** 0 for the header, 1 for the first row under it. */
  row: number;
  column: string | null;
  message: string;
}

/** `Seized at`, `SEIZED-AT` and ` seized_at ` all name the column `seized_at`. */
const normalisedName = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A column's key under each name it may be headed by: the key, or its label in any language, as an export writes it. */
const COLUMN_OF_NAME = new Map(
  [...SEIZURE_IMPORT_COLUMNS.map((column) => column.name), ...SEIZURE_EXPORT_ONLY_COLUMNS].flatMap((key) =>
    namesOfColumn(key).map((name) => [normalisedName(name), key] as const),
  ),
);

/** The template column under each header cell; every unknown, repeated or missing column is a problem of row 0. */
export function readHeader(cells: readonly string[]): { columns: (TemplateColumn | null)[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const columns = cells.map((cell) => {
    const name = COLUMN_OF_NAME.get(normalisedName(cell)) ?? normalisedName(cell);
    const column = SEIZURE_IMPORT_COLUMNS.find((candidate) => candidate.name === name) ?? null;
    const derived = (SEIZURE_EXPORT_ONLY_COLUMNS as readonly string[]).includes(name);
    // The unknown name is echoed back to the reader, never a control character in it.
    if (!column && !derived)
      problems.push({
        row: 0,
        // biome-ignore lint/suspicious/noControlCharactersInRegex: a header's control characters are named as U+FFFD.
        column: cell.trim().replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD'),
        message: 'Not a column of the seizure template',
      });
    else if (seen.has(name)) problems.push({ row: 0, column: name, message: 'This column appears twice' });
    seen.add(name);
    return column;
  });
  for (const column of SEIZURE_IMPORT_COLUMNS) {
    if (column.required && !seen.has(column.name)) problems.push({ row: 0, column: column.name, message: 'Required column missing' });
  }
  if (!seen.has('commodity_code') && !seen.has('commodity_description')) {
    problems.push({ row: 0, column: 'commodity_code', message: 'Give a commodity_code or a commodity_description column, or both' });
  }
  return { columns, problems };
}

const listItems = (cell: string): string[] =>
  cell
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter(Boolean);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * One cell as its field's value, or the reason it cannot be one. A decimal comma is read only in
 * `;`-separated files, where it is what the spreadsheet wrote; thousands separators never are,
 * since `1.000` means one in one country and a thousand in the next.
 */
function cellValue(column: TemplateColumn, cell: string, separator: CsvSeparator): { value: unknown } | { problem: string } {
  switch (column.kind) {
    case 'text':
      // The apostrophe an export puts before a cell a spreadsheet would run is taken off again.
      return { value: cell.replace(/^'(?=[=+\-@])/, '') };
    case 'choice':
      return { value: cell.toUpperCase().replace(/[\s-]+/g, '_') };
    case 'list':
      return { value: listItems(cell) };
    case 'integer':
      return /^[+-]?\d+$/.test(cell) ? { value: Number(cell) } : { problem: 'A whole number' };
    case 'counts': {
      const items = listItems(cell).map((item) => /^([A-Za-z]{2})\s*:\s*([+-]?\d+)$/.exec(item));
      return items.every((match) => match)
        ? { value: items.map((match) => ({ nationality: match![1], count: Number(match![2]) })) }
        : { problem: 'Each as a country code and a count, like FR:2;DE:1' };
    }
    case 'notices': {
      const items = listItems(cell).map((item) => /^([A-Za-z_ -]+?)\s*:\s*(.+)$/.exec(item));
      return items.every((match) => match)
        ? { value: items.map((match) => ({ type: match![1]!.toUpperCase().replace(/[\s-]+/g, '_'), reference: match![2] })) }
        : { problem: 'Each as a type and a reference, like PURPLE:2026/12345' };
    }
    case 'number': {
      const decimal = separator === ';' ? /^[+-]?\d+([.,]\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
      return decimal.test(cell)
        ? { value: Number(cell.replace(',', '.')) }
        : { problem: 'Not a number: write it like 2.5, without thousands separators' };
    }
    case 'dateTime':
      return DATE_TIME.test(cell)
        ? { value: cell.replace(' ', 'T') }
        : { problem: 'A date and time with its zone, like 2026-05-01T06:00+08:00 or 2026-05-01T06:00Z' };
  }
}

export interface RowFields {
  /** ReportSeizureInput content fields; the commodity still as its catalogue code, linked alerts as references. */
  fields: Record<string, unknown>;
  problems: RowProblem[];
}

/** A data row's cells as report fields: blank cells are left out, so optional fields take their defaults. */
export function rowFields(
  row: number,
  cells: readonly string[],
  columns: readonly (TemplateColumn | null)[],
  separator: CsvSeparator,
): RowFields {
  const fields: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  if (cells.length !== columns.length) problems.push({ row, column: null, message: `${cells.length} cells for ${columns.length} columns` });
  columns.forEach((column, index) => {
    const cell = cells[index]?.trim() ?? '';
    if (!column || cell === '') return;
    // Quoted cells may hold line breaks and tabs; whether its field takes them is the field's rule.
    const problem = textProblem(cell, { multiline: true });
    if (problem) {
      problems.push({ row, column: column.name, message: problem });
      return;
    }
    const read = cellValue(column, cell, separator);
    if ('problem' in read) problems.push({ row, column: column.name, message: read.problem });
    else fields[column.field] = read.value;
  });
  return { fields, problems };
}

/** The column a field of ReportSeizureInput comes from. */
export const columnOfField = (field: string): string | null =>
  SEIZURE_IMPORT_COLUMNS.find((column) => column.field === field)?.name ?? null;

/** A row with nothing in it, such as the `;;;;` rows spreadsheets leave at the end. */
export const isBlankRecord = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');
