import { buildByShape, shapeCounts } from '@jointops/server/db/statements-by-shape';
import { agencies, users } from '@jointops/server/db/schema/accounts';
import { eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '@jointops/server/db/client';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';

// A relational read is built once per shape and run with each asker's values. The conditions below
// stand for need-to-know ones: closures over a viewer (here a country, an e-mail address, the
// time), called again for every read. Two askers with the same shape share one statement and each
// still reads only what their own values select; a value of anything but a condition keys its own
// statement; whatever the shape cannot account for is built as before, every time.

let database: TestDatabase;
let db: TestDatabase['db'];
let createdBetween: { before: Date; after: Date };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  buildByShape(db);
  const before = new Date(Date.now() - 60_000);
  const [malaysia, thailand] = await db
    .insert(agencies)
    .values([
      { name: 'Royal Malaysian Customs', kind: 'CUSTOMS', countryCode: 'MY' },
      { name: 'Thai Customs', kind: 'CUSTOMS', countryCode: 'TH' },
    ])
    .returning({ id: agencies.id });
  await db.insert(users).values([
    { email: 'ncp@customs.my.test', displayName: 'Aminah', agencyId: malaysia!.id, passwordHash: 'x' },
    { email: 'analyst@customs.my.test', displayName: 'Farid', agencyId: malaysia!.id, passwordHash: 'x' },
    { email: 'ncp@customs.th.test', displayName: 'Somchai', agencyId: thailand!.id, passwordHash: 'x' },
  ]);
  createdBetween = { before, after: new Date(Date.now() + 60_000) };
});
afterAll(() => database?.destroy());

/** What the relational reads made while `run` ran did: built a statement for a new shape, or reused one. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; built: number; reused: number }> {
  const before = { ...shapeCounts };
  const result = await run();
  return { result, built: shapeCounts.built - before.built, reused: shapeCounts.reused - before.reused };
}

/** The agencies a viewer of `country` may see, with those of their people `email` matches. */
const seenFrom = (country: string, email: string) =>
  db.query.agencies.findMany({
    columns: { name: true },
    where: { RAW: (table) => sql`${table.countryCode} = ${country}` },
    orderBy: { name: 'asc' },
    with: {
      users: { columns: { displayName: true }, where: { RAW: (table) => sql`${table.email} like ${email}` }, orderBy: { email: 'asc' } },
    },
  });

describe('statements by shape', () => {
  it('builds a shape once, each asker reading the rows their own values select', async () => {
    const { result, built, reused } = await counted(async () => [
      await seenFrom('MY', '%'),
      await seenFrom('TH', '%.th.test'),
      await seenFrom('MY', 'ncp@%'),
      await seenFrom('VN', '%'),
    ]);
    expect(result).toEqual([
      [{ name: 'Royal Malaysian Customs', users: [{ displayName: 'Farid' }, { displayName: 'Aminah' }] }],
      [{ name: 'Thai Customs', users: [{ displayName: 'Somchai' }] }],
      [{ name: 'Royal Malaysian Customs', users: [{ displayName: 'Aminah' }] }],
      [],
    ]);
    expect({ built, reused }).toEqual({ built: 1, reused: 3 });
  });

  it('reads asked at once share the statement and keep their own values', async () => {
    const { result } = await counted(() => Promise.all(['MY', 'TH', 'MY', 'TH'].map((country) => seenFrom(country, 'ncp@%'))));
    expect(result.map((rows) => rows.map((row) => row.users[0]?.displayName))).toEqual([['Aminah'], ['Somchai'], ['Aminah'], ['Somchai']]);
  });

  it("encodes a condition's values as drizzle does, the clock's too, and reads them again each time", async () => {
    const createdBefore = (moment: Date) =>
      db.query.agencies.findMany({
        columns: { countryCode: true },
        where: { RAW: (table) => lt(table.createdAt, moment) },
        orderBy: { countryCode: 'asc' },
      });
    const { result, built, reused } = await counted(async () => [
      await createdBefore(createdBetween.before),
      await createdBefore(createdBetween.after),
    ]);
    expect(result).toEqual([[], [{ countryCode: 'MY' }, { countryCode: 'TH' }]]);
    expect({ built, reused }).toEqual({ built: 1, reused: 1 });
  });

  it('keeps a condition that writes other text, or another value of anything else, as a shape of its own', async () => {
    const asked = (country: string | null, name: string) =>
      db.query.agencies.findMany({
        columns: { countryCode: true },
        where: { name, RAW: (table) => (country ? sql`${table.countryCode} = ${country}` : sql`true`) },
      });
    const { result, built, reused } = await counted(async () => [
      await asked('TH', 'Thai Customs'),
      await asked(null, 'Thai Customs'),
      await asked('TH', 'Royal Malaysian Customs'),
      await asked(null, 'Royal Malaysian Customs'),
      await asked('MY', 'Royal Malaysian Customs'),
    ]);
    expect(result).toEqual([[{ countryCode: 'TH' }], [{ countryCode: 'TH' }], [], [{ countryCode: 'MY' }], [{ countryCode: 'MY' }]]);
    expect({ built, reused }).toEqual({ built: 4, reused: 1 });
  });

  it('builds a relation filter once, its condition given the table drizzle aliases for it', async () => {
    const withPerson = (email: string) =>
      db.query.agencies.findMany({ columns: { name: true }, where: { users: { RAW: (table) => eq(table.email, email) } } });
    const { result, built, reused } = await counted(async () => [
      await withPerson('ncp@customs.th.test'),
      await withPerson('analyst@customs.my.test'),
      await withPerson('nobody@customs.vn.test'),
    ]);
    expect(result).toEqual([[{ name: 'Thai Customs' }], [{ name: 'Royal Malaysian Customs' }], []]);
    expect({ built, reused }).toEqual({ built: 1, reused: 2 });
  });

  it('takes a condition given as a fragment, made for each read, as one given as a function', async () => {
    const inCountry = (country: string) =>
      db.query.agencies.findMany({ columns: { name: true }, where: { RAW: sql`country_code = ${country}` } });
    const { result, built, reused } = await counted(async () => [await inCountry('MY'), await inCountry('TH')]);
    expect(result).toEqual([[{ name: 'Royal Malaysian Customs' }], [{ name: 'Thai Customs' }]]);
    expect({ built, reused }).toEqual({ built: 1, reused: 1 });
  });

  it('builds anything else every time: an order given as a function, an extra, a Date, a placeholder', async () => {
    const { result, built, reused } = await counted(async () => [
      await db.query.agencies.findMany({ columns: { countryCode: true }, orderBy: (table, { desc }) => desc(table.countryCode) }),
      await db.query.agencies.findMany({
        columns: { countryCode: true },
        extras: { shout: (table) => sql<string>`upper(${table.name})` },
        where: { countryCode: 'TH' },
      }),
      await db.query.agencies.findMany({
        columns: { countryCode: true },
        where: { createdAt: { lt: createdBetween.after } },
        orderBy: { name: 'asc' },
      }),
      await db.query.agencies
        .findMany({ columns: { countryCode: true }, where: { countryCode: sql.placeholder('country') } })
        .execute({ country: 'MY' }),
    ]);
    expect(result).toEqual([
      [{ countryCode: 'TH' }, { countryCode: 'MY' }],
      [{ countryCode: 'TH', shout: 'THAI CUSTOMS' }],
      [{ countryCode: 'MY' }, { countryCode: 'TH' }],
      [{ countryCode: 'MY' }],
    ]);
    expect({ built, reused }).toEqual({ built: 0, reused: 0 });
  });
});

describeWhere(['postgres'], 'statements by shape on PostgreSQL', () => {
  // Planning a page's statement (an operation, its participations and its alerts, each with the
  // need-to-know conditions) cost PostgreSQL 5-7 ms at every bind when it went unnamed: more than
  // the hub's own CPU for the request. Named, a connection parses it once, and after five runs
  // PostgreSQL keeps one plan for every viewer's values.
  it('is a statement each connection prepares once and PostgreSQL plans once', async () => {
    const single = openPostgres(database.url!, 1);
    try {
      buildByShape(single.db);
      const byCountry = (country: string) =>
        single.db.query.agencies.findMany({
          columns: { name: true },
          where: { RAW: (table) => sql`${table.countryCode} = ${country}` },
        });
      const answers = [];
      for (const country of ['MY', 'TH', 'MY', 'VN', 'TH', 'MY', 'TH', 'MY']) answers.push(await byCountry(country));
      expect(answers.map((rows) => rows.map((row) => row.name))).toEqual([
        ['Royal Malaysian Customs'],
        ['Thai Customs'],
        ['Royal Malaysian Customs'],
        [],
        ['Thai Customs'],
        ['Royal Malaysian Customs'],
        ['Thai Customs'],
        ['Royal Malaysian Customs'],
      ]);
      const { rows } = (await single.db.execute(
        sql`select generic_plans, custom_plans from pg_prepared_statements where statement like '%"country_code" = %'`,
      )) as unknown as { rows: { generic_plans: string; custom_plans: string }[] };
      expect(rows).toHaveLength(1);
      const generic = Number(rows[0]!.generic_plans);
      expect(generic + Number(rows[0]!.custom_plans)).toBe(8);
      expect(generic).toBeGreaterThan(0);
    } finally {
      await single.close();
    }
  });
});
