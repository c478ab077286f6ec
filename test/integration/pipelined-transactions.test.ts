import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastStatement } from '@jointops/server/db/pipelined-transactions';
import { createTestDatabase, type TestDatabase } from '../testkit/database';

// On PostgreSQL a transaction's `begin` travels with its first statement and, through
// `lastStatement`, its `commit` with its last (pipelined-transactions.ts); on PGlite both are as
// drizzle sends them. Either way a transaction commits all or nothing, a failure is told, and the
// connection is left fit for whatever comes next.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table pipelined_notes (id int primary key, note text not null)`);
});
afterAll(() => database.destroy());

/** What a statement answers on either driver, as far as these tests read it. */
type Rows<T> = { rows: T[] };

const notes = async () =>
  ((await database.db.execute(sql`select id, note from pipelined_notes order by id`)) as Rows<{ id: number; note: string }>).rows;

describe('a transaction whose last statement takes the commit with it', () => {
  it('commits every statement and answers with the last one', async () => {
    const answer = await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into pipelined_notes values (1, 'first')`);
      return lastStatement(
        tx,
        async () => (await tx.execute(sql`insert into pipelined_notes values (2, 'second') returning id`)) as Rows<{ id: number }>,
      );
    });
    expect(answer.rows).toEqual([{ id: 2 }]);
    expect(await notes()).toEqual([
      { id: 1, note: 'first' },
      { id: 2, note: 'second' },
    ]);
  });

  it('keeps nothing when the last statement fails, and says so', async () => {
    const failing = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into pipelined_notes values (3, 'third')`);
      return lastStatement(tx, () => tx.execute(sql`insert into pipelined_notes values (1, 'a duplicate')`));
    });
    await expect(failing).rejects.toThrow();
    expect((await notes()).map((row) => row.id)).toEqual([1, 2]);
  });

  it('leaves the connections fit for the next transactions and single statements', async () => {
    for (let id = 10; id < 30; id += 1) {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await lastStatement(tx, () => tx.execute(sql`insert into pipelined_notes values (${id}, 'again')`));
      });
      // A transaction that ends before its first statement, and one refused by its work.
      await database.db.transaction(async () => undefined);
      await expect(
        database.db.transaction(async () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
    }
    const again = await Promise.all(
      Array.from(
        { length: 12 },
        async () => (await database.db.execute(sql`select count(*)::int as n from pipelined_notes`)) as Rows<{ n: number }>,
      ),
    );
    expect(again.map((result) => result.rows[0]!.n)).toEqual(Array(12).fill(22));
  });
});
