import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { toCsv } from '@jointops/server/modules/results/results-csv';
import { parseCsv, type ResultRowSeen } from '../testkit/results';
import { PASSENGER_FLIGHT, seededResults } from './results.seed';

// The CSV export of the results of the operation seeded in results.seed.ts: the same figures as
// the API, alert references only up to the marking asked for and only those the viewer may see,
// no passenger data anywhere, and cells a spreadsheet would run defused.

const seeded = seededResults(it);

const ROW_TABLES = ['byCountryAndCommodity', 'byDetectionMethod', 'byTransportMode', 'byCommodityClass', 'bonusByClass'] as const;
const ALL_TABLES = ['totals', ...ROW_TABLES, 'alertOutcomes', 'licitShipmentsChecked', 'databaseChecks', 'seizures'];

/** A CSV table as objects keyed by its columns' keys. */
async function table(viewer = seeded.world.malaysia, name: string, options: { maxMarking?: string; includeUnverified?: boolean } = {}) {
  const { text, error } = await seeded.results.csv(viewer, seeded.world.operation.id, name, { ...options, header: 'KEYS' });
  expect(error).toBeUndefined();
  const [header, ...records] = parseCsv(text!);
  return records.map((record) => Object.fromEntries(header!.map((column, i) => [column, record[i]!])));
}

describe('the CSV export', () => {
  it('gives every results table the same figures as the API, for VERIFIED reports and with SUBMITTED ones', async () => {
    for (const includeUnverified of [false, true]) {
      const { data } = await seeded.results.results(seeded.world.malaysia, seeded.world.operation.id, { includeUnverified });
      for (const name of ROW_TABLES) {
        const exported = await table(seeded.world.malaysia, name, { includeUnverified });
        expect(exported.map((row) => [row.key, Number(row.quantity), row.unit, Number(row.seizures), Number(row.arrests)])).toEqual(
          data[name].map((row: ResultRowSeen) => [row.key, row.quantity, row.unit, row.seizures, row.arrests]),
        );
      }
      const totals = await table(seeded.world.malaysia, 'totals', { includeUnverified });
      expect(Object.fromEntries(totals.map((row) => [row.figure, row.value === '' ? null : Number(row.value)]))).toEqual(data.totals);
      const outcomes = await table(seeded.world.malaysia, 'alertOutcomes', { includeUnverified });
      expect(outcomes.map((row) => ({ outcome: row.outcome, count: Number(row.alerts) }))).toEqual(data.alertOutcomes);
      expect((await table(seeded.world.malaysia, 'seizures', { includeUnverified })).length).toBe(data.totals.seizures);
    }
  });

  it('lists the counted reports with quantities in their own unit and in the base unit', async () => {
    const list = await table(seeded.world.malaysia, 'seizures');
    expect(list.map((row) => [row.reference, row.quantity, row.unit, row.base_quantity, row.base_unit, row.bonus])).toEqual([
      [`${seeded.world.operation.code}/S-0001`, '500', 'G', '0.5', 'KG', 'false'],
      [`${seeded.world.operation.code}/S-0002`, '2', 'T', '2000', 'KG', 'false'],
      [`${seeded.world.operation.code}/S-0003`, '3', 'KG', '3', 'KG', 'false'],
      [`${seeded.world.operation.code}/S-0004`, '40', 'PIECES', '40', 'PIECES', 'false'],
      [`${seeded.world.operation.code}/S-0005`, '150', 'M', '150', 'M', 'false'],
      [`${seeded.world.operation.code}/S-0006`, '1.5', 'KG', '1.5', 'KG', 'true'],
      [`${seeded.world.operation.code}/S-0007`, '3', 'PIECES', '3', 'PIECES', 'true'],
    ]);
    expect(list[5]).toMatchObject({ commodity_code: '', commodity_description: 'Cocaine', country_code: 'TH' });
  });

  it('leaves out linked alerts above the marking asked for (AMBER by default), and those the viewer may not see', async () => {
    const linked = async (viewer: typeof seeded.world.malaysia, maxMarking?: string) =>
      (await table(viewer, 'seizures', { maxMarking })).slice(0, 2).map((row) => row.linked_alert_references);
    const { a1 } = seeded.world.alerts;
    expect(await linked(seeded.world.malaysia)).toEqual([a1.reference, '']);
    // A3 is RED: no further sharing, so not in a file passed on, even for its originator asking for RED.
    expect(await linked(seeded.world.malaysia, 'RED')).toEqual([a1.reference, '']);
    expect(await linked(seeded.world.malaysia, 'CLEAR')).toEqual(['', '']);
    // The WCO is not named on the restricted A3: not even its reference reaches the coordinator.
    expect(await linked(seeded.world.planner, 'RED')).toEqual([a1.reference, '']);
  });

  it('carries no passenger data and names no officer, whatever the marking', async () => {
    for (const name of ALL_TABLES) {
      const { text } = await seeded.results.csv(seeded.world.thailand, seeded.world.operation.id, name, {
        maxMarking: 'RED',
        includeUnverified: true,
      });
      expect(text).not.toContain(PASSENGER_FLIGHT);
      expect(text).not.toContain(seeded.world.malaysia.email);
    }
  });

  it('refuses an unknown table before anything runs (a ResultsTable), and answers an outsider as for an unknown operation', async () => {
    expect(await seeded.results.csv(seeded.world.malaysia, seeded.world.operation.id, 'passengers')).toEqual({
      text: null,
      // A variable of no ResultsTable value is refused as a request error, with no domain code.
      error: undefined,
    });
    expect(await seeded.results.csv(seeded.world.outsider, seeded.world.operation.id, 'seizures')).toEqual({
      text: null,
      error: 'NOT_FOUND',
    });
  });
});

describe('CSV cells', () => {
  it('are quoted as RFC 4180 says, and a cell a spreadsheet would run as a formula is defused', () => {
    const csv = toCsv(
      ['place', 'quantity'],
      [
        ['=HYPERLINK("http://x")', -3],
        ['+1', 2],
        ['-cmd', 0],
        ['@SUM(A1)', 1],
        ['Port Klang, "West"\nquay', null],
      ],
    );
    expect(csv).toBe(
      'place,quantity\r\n"\'=HYPERLINK(""http://x"")",-3\r\n\'+1,2\r\n\'-cmd,0\r\n\'@SUM(A1),1\r\n"Port Klang, ""West""\nquay",\r\n',
    );
    expect(parseCsv(csv)[5]).toEqual(['Port Klang, "West"\nquay', '']);
  });
});
