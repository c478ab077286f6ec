import { describe, expect, it } from 'vitest';
import { CSV_COLUMN_LABELS, csvHeaderRow, namesOfColumn, type CsvColumnKey } from './csv-columns';
import { LOCALES } from './domain';
import { readHeader, SEIZURE_EXPORT_ONLY_COLUMNS, SEIZURE_IMPORT_COLUMNS } from './seizure-import';

// The import finds a column by its key or by its label in any language, so no two columns may be
// named alike in any language, and no label may hold the separators the import tells apart.

const KEYS = Object.keys(CSV_COLUMN_LABELS) as CsvColumnKey[];
const SEIZURE_LIST: CsvColumnKey[] = [...SEIZURE_IMPORT_COLUMNS.map((column) => column.name), ...SEIZURE_EXPORT_ONLY_COLUMNS];

describe('CSV column names', () => {
  it('name one column each, whatever the language', () => {
    const owner = new Map<string, CsvColumnKey>();
    for (const key of KEYS) {
      for (const name of namesOfColumn(key)) {
        const alike = name.toLowerCase().replace(/[\s-]+/g, '_');
        expect([key, undefined]).toContain(owner.get(alike));
        owner.set(alike, key);
      }
    }
  });

  it('hold neither of the separators', () => {
    for (const name of KEYS.flatMap(namesOfColumn)) expect(name).not.toMatch(/[,;]/);
  });

  it('are read back by the seizure import, as keys and as labels in each language', () => {
    for (const header of ['KEYS', 'LABELS'] as const) {
      for (const locale of LOCALES) {
        const { columns, problems } = readHeader(csvHeaderRow(SEIZURE_LIST, header, locale));
        expect(problems).toEqual([]);
        expect(columns.map((column) => column?.name ?? null)).toEqual(
          SEIZURE_LIST.map((key) => ((SEIZURE_EXPORT_ONLY_COLUMNS as readonly string[]).includes(key) ? null : key)),
        );
      }
    }
  });
});
