import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { pipelineTransactions } from './pipelined-transactions';
import { relations } from './relations';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** The database as every repository sees it; a transaction is one too, so repos take either. */
export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations; safe to call from many processes at once. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// Any constant works as long as every jointops process uses the same one: it names the lock that
// serialises migrations, because drizzle's migrator takes none and servers starting together race.
const MIGRATION_LOCK_KEY = 7_274_250_301;

export function openPostgres(url: string, poolSize = 10): Database {
  // Pipelined: a statement may be sent before the answer to the one before it has come back, which
  // transactions use for `begin` and `commit` (pipelined-transactions.ts); everything else awaits
  // each answer before sending its next statement, as it would without.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, pipeline: true });
  // An idle client that loses its server emits 'error'; without a listener that kills the process.
  pool.on('error', () => undefined);
  // So does a checked-out client between two queries of a transaction (its backend terminated, the
  // server restarted), and the pool listens only to idle ones. The transaction's next query fails
  // instead, and the pool discards the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    pipelineTransactions(client);
  });
  resendReadsOnLostConnection(pool);
  const db = drizzlePg({ client: pool, relations });
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lock.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

// A terminated backend, a server shutting down or restarting, a socket reset or refused.
const CONNECTION_LOST_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
const READ_ATTEMPTS = 3;

function connectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_LOST_CODES.has(code) || code.startsWith('08'))) return true;
  // What pg says of a socket that closed under it, or of a client whose socket already had.
  return /^Connection terminated|is not queryable$/.test(error.message);
}

/**
 * A SELECT that lost its connection is sent again on another one. Without it, a mutation that
 * committed could still answer with an error, because the fields of its result are read after the
 * commit: the client, told it failed, would retry, and a write without an idempotency key (a
 * comment) would be made twice. Only single statements outside a transaction pass here (a
 * transaction runs on a checked-out client), and only reads: a write whose connection dropped may
 * have been applied, so it is never repeated.
 */
function resendReadsOnLostConnection(pool: pg.Pool): void {
  const send = pool.query.bind(pool) as (config: unknown, values?: unknown, callback?: unknown) => Promise<unknown>;
  const isRead = (config: unknown) =>
    /^\s*select\b/i.test(typeof config === 'string' ? config : ((config as { text?: string }).text ?? ''));
  pool.query = (async (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof values === 'function' || typeof callback === 'function') return send(config, values, callback);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await send(config, values);
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !isRead(config) || !connectionLost(error)) throw error;
        // The pool drops the broken clients as their sockets close; give it a moment to.
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }) as typeof pool.query;
}

/** Embedded PostgreSQL (WebAssembly). `dataDir` undefined keeps it in memory. */
export function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Database {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite({ client, relations });
  return {
    db,
    kind: 'pglite',
    // One process owns an embedded data folder, so there is nobody to race with.
    async migrate() {
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

export function openDatabase(config: { databaseUrl?: string | undefined; dataDir: string; databasePoolSize?: number }): Database {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize);
  return openPglite({ dataDir: join(resolve(config.dataDir), 'pglite') });
}
