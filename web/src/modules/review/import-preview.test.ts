import { describe, expect, it } from 'vitest';
import { previewImport, type PreviewProblem } from './import-preview';

// A national team's file read in the browser as the server reads it: every row, and every
// problem by row and column, before anything is sent.

const catalogue = { version: 'PGS-2026', ids: new Map([['AMMONIUM_NITRATE', 'Q29tbW9kaXR5OjE']]) };
const header = 'seized_at,country_code,place,location_type,commodity_code,quantity,unit,detection_method,transport_mode';
const line = (place: string, overrides: Partial<Record<'country' | 'code' | 'quantity' | 'unit', string>> = {}) =>
  [
    '2026-05-01T06:00+08:00',
    overrides.country ?? 'MY',
    place,
    'SEAPORT',
    overrides.code ?? 'AMMONIUM_NITRATE',
    overrides.quantity ?? '1250.5',
    overrides.unit ?? 'KG',
    'X_RAY',
    'SEA',
  ].join(',');
const where = (problems: readonly PreviewProblem[]) => problems.map(({ row, column }) => [row, column]);

describe('the preview of a seizure import', () => {
  it('reads a good file into its rows, with no problem', () => {
    const preview = previewImport([header, line('Port Klang'), line('Penang')].join('\r\n'), catalogue);
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((row) => [row.row, row.cells.place, row.problems])).toEqual([
      [1, 'Port Klang', 0],
      [2, 'Penang', 0],
    ]);
  });

  it('names every bad cell by row and column, in the server’s order', () => {
    const csv = [
      header,
      line('Port Klang'),
      line('Penang', { quantity: 'lots' }),
      line('Johor', { unit: 'KGS' }),
      line('Kuantan', { country: 'Malaysia', code: 'NOT_A_CODE' }),
    ].join('\n');
    const preview = previewImport(csv, catalogue);
    expect(where(preview.problems)).toEqual([
      [2, 'quantity'],
      [3, 'unit'],
      [4, 'commodity_code'],
      [4, 'country_code'],
    ]);
    expect(preview.rows.map((row) => row.problems)).toEqual([0, 1, 1, 2]);
    // Known sentences come worded for the reader; the catalogue's names its version.
    const unknownCode = preview.problems.find((problem) => problem.column === 'commodity_code')!.problem;
    expect(typeof unknownCode === 'object' && unknownCode.values).toEqual({ version: 'PGS-2026' });
  });

  it('refuses a header without the template’s required columns before reading any row', () => {
    const preview = previewImport('place;quantity\nPort Klang;12', catalogue);
    expect(preview.problems.every((problem) => problem.row === 0)).toBe(true);
    expect(where(preview.problems)).toContainEqual([0, 'seized_at']);
    expect(preview.rows).toHaveLength(1);
  });

  it('says that a file without rows has nothing to import', () => {
    expect(where(previewImport(`${header}\r\n,,,,\r\n`, catalogue).problems)).toEqual([[1, null]]);
  });
});
