import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import french from '../../../lang/fr/results.json';
import codesFrench from '../../../lang/fr/codes.json';
import type { ResultRow } from './results-documents';
import { rowTable } from './results-tables';

const nitrate = { id: 'c1', code: 'AMMONIUM_NITRATE', nameEn: 'Ammonium nitrate', nameFr: 'Nitrate d’ammonium' };
const row = (fields: Partial<ResultRow>): ResultRow => ({
  key: 'MY:AMMONIUM_NITRATE:KG',
  countryCode: 'MY',
  commodity: nitrate,
  commodityClass: null,
  quantity: 24_500,
  unit: 'KG',
  seizures: 2,
  arrests: 2,
  ...fields,
});

describe('a results table in the reader’s language', () => {
  it('names each row from its codes, its quantity in the base unit with its symbol', () => {
    const intl = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB' });
    const table = rowTable(intl, 'byCountryAndCommodity', [
      row({}),
      row({ key: 'TH:OTHER:PIECES', countryCode: 'TH', commodity: null, quantity: 40, unit: 'PIECES' }),
    ]);
    expect(table.lines.map((line) => line.cells)).toEqual([
      ['Malaysia · Ammonium nitrate', '24,500\u00a0kg', '2', '2'],
      ['Thailand · Other commodities', '40\u00a0pieces', '2', '2'],
    ]);
    // Bars count seizures, never quantities: 24,500 kg and 40 pieces on one axis would compare nothing.
    expect(table.bars?.map((bar) => bar.value)).toEqual([2, 2]);
  });

  it('says it in French whatever language the account has, detection methods included', () => {
    const intl = createIntl({ locale: 'fr-FR', defaultLocale: 'en-GB', messages: { ...codesFrench, ...french } });
    const byCountry = rowTable(intl, 'byCountryAndCommodity', [row({})]);
    expect(byCountry.lines[0]!.cells).toEqual(['Malaisie · Nitrate d’ammonium', '24\u202f500\u00a0kg', '2', '2']);
    expect(byCountry.columns.map((column) => column.header)).toEqual(['Pays et marchandise', 'Quantité', 'Saisies', 'Arrestations']);
    const byMethod = rowTable(intl, 'byDetectionMethod', [row({ key: 'CANINE:KG', quantity: 500 })]);
    expect(byMethod.lines[0]!.cells.slice(0, 2)).toEqual([codesFrench['code.detectionMethod.CANINE'], '500\u00a0kg']);
    const byClass = rowTable(intl, 'byCommodityClass', [row({ key: 'PRECURSOR_CHEMICAL:KG', commodityClass: 'PRECURSOR_CHEMICAL' })]);
    expect(byClass.lines[0]!.cells[0]).toBe('Précurseurs chimiques');
  });
});
