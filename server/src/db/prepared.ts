import { createHash } from 'node:crypto';
import type { Query, SQL } from 'drizzle-orm';
import type { Db } from './client';

/** What drizzle's query builders answer to `.prepare(name)`, as far as a reused statement needs it. */
interface PreparedByDrizzle<T> {
  getQuery(): Query;
  readonly mode: 'arrays' | 'objects' | 'raw';
  execute(values?: Record<string, unknown>): Promise<T>;
}

interface Built {
  query: Query;
  mode: 'arrays' | 'objects' | 'raw';
  /** Turns the driver's rows into the builder's result (drizzle keeps it on the prepared query, unexported). */
  mapper: ((rows: unknown[]) => unknown) | undefined;
  name: string;
}

/**
 * A statement written with drizzle's builders, `sql.placeholder` standing for every value that
 * changes between calls, whose SQL text is built once and then run on whatever database or
 * transaction each call is given. Building the text walks the builder's whole tree on every call
 * (drizzle's `is`, `collectSQL`): on the raise path that was about a quarter of the CPU the
 * service spent. The text must not depend on the values, so lists go in as one array parameter
 * (`unnest`), not as a row each.
 *
 * On PostgreSQL it is also a named prepared statement: each pooled connection parses and plans it
 * once, then binds only the values. PGlite's driver ignores the name. The text depends on the
 * driver (its codecs add casts), not on the connection, so it is kept per driver; the name carries
 * a digest of the text, so that two texts can never meet under one name on a connection.
 */
export function preparedStatement<T>(
  name: string,
  build: (db: Db) => { prepare(name: string): PreparedByDrizzle<T> },
): (db: Db, values: Record<string, unknown>) => Promise<T> {
  const byDriver = new WeakMap<object, Built>();
  return (db, values) => {
    const session = db._.session;
    const driver = Object.getPrototypeOf(session) as object;
    let built = byDriver.get(driver);
    if (!built) {
      const prepared = build(db).prepare(name);
      const query = prepared.getQuery();
      const digest = createHash('sha256').update(query.sql).digest('hex').slice(0, 12);
      built = {
        query,
        mode: prepared.mode,
        mapper: (prepared as unknown as { mapper?: Built['mapper'] }).mapper,
        name: `${name}_${digest}`,
      };
      byDriver.set(driver, built);
    }
    return session.prepareQuery(built.query, built.mode, built.name, built.mapper).execute(values) as Promise<T>;
  };
}

/**
 * Runs a statement written as raw SQL (whose text differs with its shape: one status counted or
 * two, another kind of viewer's need-to-know condition) as a named prepared statement, so that
 * PostgreSQL parses it once per connection and, after a few runs, plans it once too. The results'
 * figures are read for every request and every live tick, and on an operation of a few thousand
 * reports planning the alert side's statement of common table expressions cost more than running
 * it (about 1.2 of its 1.7 ms). The name is drizzle's own, made from the text and the parameters'
 * types, so that two shapes never share one. PGlite ignores the name. Answers as `db.execute`
 * does: `{ rows }`.
 */
export async function executePlannedOnce<Row>(db: Db, statement: SQL): Promise<{ rows: Row[] }> {
  const query = db.execute(statement).getQuery();
  return (await db._.session.prepareQuery(query, 'raw', true).execute()) as { rows: Row[] };
}
