import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Db } from './client';
import { relations } from './relations';
import { buildOnce } from './shared-builds';

// Reads shared by work that runs at once over the same moment of the data: the executions of one
// live event for its audiences (live/shared-delivery.ts). Each audience executes the event itself,
// and need-to-know is decided for it as for anyone, in its resolvers and in the SQL they send; but
// most of what they send is the same statement (the alert, its agency, its recipients, the actor),
// thirteen times for thirteen agencies. Here a statement sent while the same one is unanswered is
// not sent again: it gets the first one's rows, as a copy of its own. "The same" is the same text
// with the same values, and such a statement reads the same rows whoever sends it; a read made for
// a viewer names the viewer in its values (their agency, their operation), so a read of another
// audience's is never the same statement. Nothing is kept once answered: a statement sent later is
// sent again.

/** Reads sent, and reads answered with another's rows, since the process started. */
export const sharedReadCounts = { sent: 0, shared: 0 };

interface Answer {
  rows: unknown[];
}

/**
 * A copy of the arrays and plain objects, which drizzle fills in place (it decodes relational rows
 * into the objects it was given); what it never changes (a Buffer) is not copied.
 */
function copied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copied);
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copied((value as Record<string, unknown>)[key]);
  return copy;
}

const answerCopy = <A extends Answer>(answer: A): A => ({ ...answer, rows: copied(answer.rows) as unknown[] });

/** Only reads are shared, and only when their values say plainly what they are: a Date or a Buffer is sent alone. */
function statementKey(text: string, values: readonly unknown[] | undefined, rowMode: string | undefined): string | null {
  if (!/^\s*select\b/i.test(text)) return null;
  for (const value of values ?? []) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
  }
  return JSON.stringify([rowMode ?? null, text, values ?? []]);
}

/** The statements in flight, each with its answer's promise. */
class InFlight {
  private readonly sent = new Map<string, Promise<Answer>>();

  share<A extends Answer>(key: string | null, send: () => Promise<A>): Promise<A> {
    if (key === null) return send();
    let answer = this.sent.get(key) as Promise<A> | undefined;
    if (answer) sharedReadCounts.shared += 1;
    else {
      sharedReadCounts.sent += 1;
      answer = send();
      this.sent.set(key, answer);
      const answered = () => void this.sent.delete(key);
      answer.then(answered, answered);
    }
    return answer.then(answerCopy);
  }
}

/** The pool as drizzle's node-postgres session uses it: `query(config, values)`. */
class SharedPoolReads {
  private readonly inFlight = new InFlight();

  constructor(private readonly pool: pg.Pool) {}

  query(config: pg.QueryConfig & { rowMode?: string }, values?: unknown[]): Promise<pg.QueryResult> {
    return this.inFlight.share(statementKey(config.text, values, config.rowMode), () => this.pool.query(config, values));
  }
}

/** PGlite as drizzle's pglite session uses it: `query(text, values, options)`. */
class SharedPgliteReads {
  private readonly inFlight = new InFlight();

  constructor(private readonly pglite: PGlite) {}

  query(text: string, values?: unknown[], options?: QueryOptions) {
    return this.inFlight.share(statementKey(text, values, options?.rowMode), () => this.pglite.query(text, values, options));
  }
}

/**
 * `db`'s connection, its identical reads in flight at once sent once, and each plain relational
 * query built once (shared-builds.ts). A transaction on it is one of `db`'s own, shared with
 * nothing. A `db` that is not a whole pool or PGlite (a transaction) is answered as is.
 */
export function sharedReads(db: Db): Db {
  const client = (db as { $client?: unknown }).$client;
  let shared: Db;
  if (client instanceof pg.Pool) shared = drizzlePg({ client: new SharedPoolReads(client) as unknown as pg.Pool, relations });
  else if (client instanceof PGlite) shared = drizzlePglite({ client: new SharedPgliteReads(client) as unknown as PGlite, relations });
  else return db;
  buildOnce(shared);
  return Object.assign(shared, { transaction: db.transaction.bind(db) });
}
