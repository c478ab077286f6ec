import type { CheckedDatabase, QuantityUnit } from '@jointops/shared/domain';
import { calendarDateIn } from '@jointops/shared/validation';
import { recordDatabaseChecks, recordLicitShipmentsChecked } from '../modules/checks/checks.service';
import type { DemoAlertCast } from './alerts';

// What the demo's contact points recorded of their first full day: the licit shipments of
// precursors they checked and let go, and their checks against the databases, with the hits —
// the other half of a results release, next to the seizures.

const LICIT: [agency: string, commodity: string, shipments: number, quantity: number, unit: QuantityUnit][] = [
  ['customs.my', 'AMMONIUM_NITRATE', 42, 1_260, 'T'],
  ['customs.ph', 'AMMONIUM_NITRATE', 17, 510, 'T'],
  ['customs.th', 'POTASSIUM_CHLORATE', 12, 85_000, 'KG'],
  ['customs.vn', 'NITRIC_ACID', 9, 210_000, 'L'],
  ['customs.in', 'DETONATOR', 6, 48_000, 'PIECES'],
];

const DATABASES: [agency: string, database: CheckedDatabase, checks: number, hits: number][] = [
  ['ncb.my', 'INTERPOL_SLTD', 1_840, 3],
  ['ncb.th', 'INTERPOL_NOMINALS', 620, 1],
  ['ncb.in', 'INTERPOL_VEHICLES', 310, 0],
  ['customs.ph', 'WCO_CEN', 95, 4],
  ['customs.id', 'NATIONAL', 400, 2],
];

export async function seedDemoChecks(
  { operationId, as, at }: Pick<DemoAlertCast, 'operationId' | 'as' | 'at'>,
  now: Date,
  commodityId: (code: string) => string,
) {
  at(4);
  // The day that ended in Bangkok, the operation's reference time zone.
  const checkedOn = calendarDateIn('Asia/Bangkok', new Date(now.getTime() - 20 * 3_600_000));
  for (const [agency, commodity, shipments, quantity, unit] of LICIT) {
    await recordLicitShipmentsChecked(as(`ncp@${agency}.demo`), {
      operationId,
      checkedOn,
      commodityId: commodityId(commodity),
      shipments,
      quantity,
      unit,
    });
  }
  for (const [agency, database, checks, hits] of DATABASES) {
    await recordDatabaseChecks(as(`ncp@${agency}.demo`), { operationId, checkedOn, database, checks, hits });
  }
}
