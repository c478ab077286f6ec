import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { agencies } from './schema/accounts';
import { sharedBuildCounts } from './shared-builds';
import { sharedReads } from './shared-reads';

// One event's executions build each plain relational query once, and each still reads what its
// own configuration asks: another value (another viewer's agency) is another query.

const database = openPglite();
let malaysia: string;
let thailand: string;

beforeAll(async () => {
  await database.migrate();
  const rows = await database.db
    .insert(agencies)
    .values([
      { name: 'Royal Malaysian Customs', kind: 'CUSTOMS', countryCode: 'MY' },
      { name: 'Thai Customs', kind: 'CUSTOMS', countryCode: 'TH' },
    ])
    .returning({ id: agencies.id });
  [malaysia, thailand] = rows.map((row) => row.id) as [string, string];
});
afterAll(() => database.close());

/** What the relational queries built while `run` ran did: built, or answered with one built before. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; built: number; shared: number }> {
  const before = { ...sharedBuildCounts };
  const result = await run();
  return { result, built: sharedBuildCounts.built - before.built, shared: sharedBuildCounts.shared - before.shared };
}

const agencyOf = (db: typeof database.db, id: string) => db.query.agencies.findFirst({ columns: { name: true }, where: { id } });

describe('shared builds', () => {
  it('builds a plain query asked again once, each asker reading its own rows', async () => {
    const reads = sharedReads(database.db);
    const { result, built, shared } = await counted(() => Promise.all([1, 2, 3].map(() => agencyOf(reads, malaysia))));
    expect({ built, shared }).toEqual({ built: 1, shared: 2 });
    expect(result).toEqual([1, 2, 3].map(() => ({ name: 'Royal Malaysian Customs' })));
    expect(result[0]).not.toBe(result[1]);
  });

  it('builds a query with other values, columns in another order or another mode apart', async () => {
    const reads = sharedReads(database.db);
    const { result, built, shared } = await counted(() =>
      Promise.all([
        agencyOf(reads, malaysia),
        agencyOf(reads, thailand),
        reads.query.agencies.findFirst({ columns: { countryCode: true, name: true }, where: { id: thailand } }),
        reads.query.agencies.findFirst({ columns: { name: true, countryCode: true }, where: { id: thailand } }),
        reads.query.agencies.findMany({ columns: { name: true }, where: { id: thailand } }),
      ]),
    );
    expect({ built, shared }).toEqual({ built: 5, shared: 0 });
    expect(result).toEqual([
      { name: 'Royal Malaysian Customs' },
      { name: 'Thai Customs' },
      { countryCode: 'TH', name: 'Thai Customs' },
      { name: 'Thai Customs', countryCode: 'TH' },
      [{ name: 'Thai Customs' }],
    ]);
    expect(Object.keys(result[2]!)).toEqual(['countryCode', 'name']);
    expect(Object.keys(result[3]!)).toEqual(['name', 'countryCode']);
  });

  it('builds a query holding anything but plain values every time, and shares nothing between connections', async () => {
    const reads = sharedReads(database.db);
    const byRawCondition = () =>
      reads.query.agencies.findFirst({ columns: { name: true }, where: { RAW: (table) => sql`${table.id} = ${thailand}` } });
    expect(await counted(() => Promise.all([byRawCondition(), byRawCondition()]))).toMatchObject({ built: 0, shared: 0 });
    const elsewhere = sharedReads(database.db);
    expect(await counted(() => Promise.all([agencyOf(reads, malaysia), agencyOf(elsewhere, malaysia)]))).toMatchObject({
      built: 2,
      shared: 0,
    });
    expect(await counted(() => agencyOf(database.db, malaysia))).toMatchObject({ built: 0, shared: 0 });
  });
});
