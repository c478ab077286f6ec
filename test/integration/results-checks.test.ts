import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { calendarDateIn } from '@jointops/shared/validation';
import type { Actor, OperationDriver } from '../testkit/operations';
import type { Fields } from '../testkit/graphql';

// The other half of a results release: the licit shipments the contact points checked and let go,
// and their checks against databases with the hits, summed per country from the register of
// checks, with unlike units never added, in the API and in its CSV alike.

const file = fileHandles(it);
let codes: Map<string, string>;

it.beforeAll(async ({ kit }) => {
  codes = new Map((await kit.catalogue(await kit.actor())).map((item) => [item.code, item.id]));
});

const today = () => calendarDateIn('Asia/Bangkok', file.app.clock.now());

async function record(
  operation: OperationDriver,
  by: Actor,
  mutation: 'recordLicitShipmentsChecked' | 'recordDatabaseChecks',
  figures: Record<string, unknown>,
) {
  const { result } = await file.kit.mutate(by, mutation, { operationId: operation.id, checkedOn: today(), ...figures });
  expect(result?.__typename).not.toMatch(/Error$/);
}

const RESULTS = `query($id: ID!) { operationResults(operationId: $id) {
  totals { licitShipmentsChecked databaseChecks databaseHits }
  licitShipmentsChecked { countryCode shipments quantities { quantity unit } }
  databaseChecks { countryCode database checks hits }
  licitCsv: csv(table: licitShipmentsChecked, header: KEYS) databaseCsv: csv(table: databaseChecks, header: KEYS)
  totalsCsv: csv(table: totals, header: KEYS)
} }`;

describe('results from the register of checks', () => {
  it('sum per country in base units, the same in the API and the CSV, for members only', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    await operation.advanceTo('OPERATIONAL');
    await record(operation, malaysia, 'recordLicitShipmentsChecked', {
      commodityId: codes.get('AMMONIUM_NITRATE'),
      shipments: 12,
      quantity: 2,
      unit: 'T',
    });
    await record(operation, malaysia, 'recordLicitShipmentsChecked', {
      commodityId: codes.get('POTASSIUM_CHLORATE'),
      shipments: 3,
      quantity: 500,
      unit: 'G',
    });
    await record(operation, malaysia, 'recordLicitShipmentsChecked', {
      commodityId: codes.get('DETONATOR'),
      shipments: 1,
      quantity: 400,
      unit: 'PIECES',
    });
    await record(operation, thailand, 'recordLicitShipmentsChecked', {
      commodityId: codes.get('NITRIC_ACID'),
      shipments: 4,
      quantity: 1500,
      unit: 'ML',
    });
    await record(operation, malaysia, 'recordDatabaseChecks', { database: 'INTERPOL_SLTD', checks: 900, hits: 2 });
    await record(operation, thailand, 'recordDatabaseChecks', { database: 'WCO_CEN', checks: 40, hits: 1 });

    const response = await file.app.graphql<{ operationResults: Fields }>(RESULTS, { id: operation.id }, { token: malaysia.token });
    expect(response.errors).toBeUndefined();
    const results = response.data!.operationResults;
    expect(results.totals).toEqual({ licitShipmentsChecked: 20, databaseChecks: 940, databaseHits: 3 });
    expect(results.licitShipmentsChecked).toEqual([
      {
        countryCode: 'MY',
        shipments: 16,
        quantities: [
          { quantity: 2000.5, unit: 'KG' },
          { quantity: 400, unit: 'PIECES' },
        ],
      },
      { countryCode: 'TH', shipments: 4, quantities: [{ quantity: 1.5, unit: 'L' }] },
    ]);
    expect(results.databaseChecks).toEqual([
      { countryCode: 'MY', database: 'INTERPOL_SLTD', checks: 900, hits: 2 },
      { countryCode: 'TH', database: 'WCO_CEN', checks: 40, hits: 1 },
    ]);
    expect(results.licitCsv).toBe('country_code,shipments,quantity,unit\r\nMY,16,2000.5,KG\r\nMY,16,400,PIECES\r\nTH,4,1.5,L\r\n');
    expect(results.databaseCsv).toBe('country_code,database,checks,hits\r\nMY,INTERPOL_SLTD,900,2\r\nTH,WCO_CEN,40,1\r\n');
    expect(results.totalsCsv).toContain('\r\nlicitShipmentsChecked,20\r\ndatabaseChecks,940\r\ndatabaseHits,3\r\n');

    const outsider = await file.kit.actor();
    const refused = await file.app.graphql(RESULTS, { id: operation.id }, { token: outsider.token });
    expect(refused.data).toBeNull();
    expect(JSON.stringify(refused.errors)).toContain('NOT_FOUND');
  });
});
