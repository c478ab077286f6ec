import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '@jointops/server/db/client';
import { environment } from './environment';
import { databaseUrlFor } from './global-setup';

export interface TestDatabase extends Database {
  /** The PostgreSQL URL of this database; null on PGlite, where only this process can reach it. */
  url: string | null;
  /** Closes and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

/**
 * A migrated, empty database of its own: PGlite from the snapshot by default, a copy of the
 * template on the PostgreSQL server when DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('postgresTemplate');
  if (environment.databaseUrl && template) {
    const name = `jointops_t_${randomBytes(6).toString('hex')}`;
    await maintenance(`create database ${name} template ${template}`);
    const url = databaseUrlFor(name);
    const database = openPostgres(url, 10);
    return {
      ...database,
      url,
      async destroy() {
        await database.close();
        await maintenance(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const snapshot = await readFile(inject('pgliteSnapshot'));
  const database = openPglite({ loadDataDir: new Blob([snapshot]) });
  return { ...database, url: null, destroy: () => database.close() };
}

/** An empty database on the PostgreSQL server, not migrated: for start-up tests. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jointops_e_${randomBytes(6).toString('hex')}`;
  await maintenance(`create database ${name}`);
  return { url: databaseUrlFor(name), drop: () => maintenance(`drop database if exists ${name} with (force)`) };
}

async function maintenance(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: environment.databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
