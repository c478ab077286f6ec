import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { sharedReadCounts, sharedReads } from './shared-reads';

// Identical reads sent at once go once, and each caller gets rows of its own; a read with other
// values, a statement that is not a read, or a read sent once the first was answered, goes itself.

const database = openPglite();
afterAll(() => database.close());

/** What the reads sent while `run` ran did: sent, or answered with another's rows. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; sent: number; shared: number }> {
  const before = { ...sharedReadCounts };
  const result = await run();
  return { result, sent: sharedReadCounts.sent - before.sent, shared: sharedReadCounts.shared - before.shared };
}

const agencyRead = (agency: string) => sql`select ${agency}::text as agency, json_build_object('seen', ${agency}::text) as detail`;
/** The first row of a raw answer (drizzle leaves its type to the driver). */
const firstRow = (answer: unknown) => (answer as { rows: { agency: string; detail: { seen: string } }[] }).rows[0]!;

describe('shared reads', () => {
  it('sends identical reads in flight once, each answered with rows of its own', async () => {
    const reads = sharedReads(database.db);
    const { result, sent, shared } = await counted(() => Promise.all([1, 2, 3].map(() => reads.execute(agencyRead('MY')))));
    expect({ sent, shared }).toEqual({ sent: 1, shared: 2 });
    const [first, second] = result.map(firstRow);
    expect(second).toEqual(first);
    first!.detail.seen = 'changed by its reader';
    expect(second!.detail.seen).toBe('MY');
  });

  it('sends a read with other values, or once the first was answered, itself', async () => {
    const reads = sharedReads(database.db);
    const { result, sent, shared } = await counted(() => Promise.all([reads.execute(agencyRead('MY')), reads.execute(agencyRead('TH'))]));
    expect({ sent, shared }).toEqual({ sent: 2, shared: 0 });
    expect(result.map((answer) => firstRow(answer).agency)).toEqual(['MY', 'TH']);
    expect((await counted(() => reads.execute(agencyRead('MY')))).sent).toBe(1);
  });

  it('shares no statement that is not a plain read', async () => {
    const reads = sharedReads(database.db);
    const twice = () => Promise.all([1, 2].map(() => reads.execute(sql`with agency as (select 'MY' as code) select code from agency`)));
    expect(await counted(twice)).toMatchObject({ sent: 0, shared: 0 });
  });
});
