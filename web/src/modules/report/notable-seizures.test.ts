import { describe, expect, it } from 'vitest';
import { notableSeizures } from './notable-seizures';
import type { ReportSeizure } from './report-documents';

const nitrate = { id: 'c1', code: 'AMMONIUM_NITRATE', nameEn: 'Ammonium nitrate', nameFr: 'Nitrate d’ammonium' };
const detonator = { id: 'c2', code: 'DETONATOR', nameEn: 'Detonator', nameFr: 'Détonateur' };
const seizure = (reference: string, fields: Partial<ReportSeizure>): ReportSeizure => ({
  id: reference,
  reference,
  seizedAt: '2026-05-01T00:00:00Z',
  countryCode: 'MY',
  place: 'Port Klang',
  quantity: 1,
  unit: 'KG',
  commodity: nitrate,
  commodityDescription: null,
  detectionMethod: 'X_RAY',
  arrests: 0,
  ...fields,
});

describe('the notable seizures of a release', () => {
  it('keeps the largest of each commodity, comparing tonnes with kilograms but never with pieces', () => {
    const notable = notableSeizures([
      seizure('S-1', { quantity: 900, unit: 'KG' }),
      seizure('S-2', { quantity: 2, unit: 'T' }),
      seizure('S-3', { quantity: 5000, unit: 'PIECES', commodity: detonator }),
      seizure('S-4', { quantity: 3, unit: 'PIECES', commodity: null, commodityDescription: 'Drone' }),
    ]);
    expect(notable.map((kept) => kept.reference)).toEqual(['S-2', 'S-3', 'S-4']);
  });
});
