import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Database } from '@jointops/server/db/client';

/** A fresh database beside the PostgreSQL server at `base`, for one bench run; `drop` removes it. */
export async function scratchPostgres(
  base: string,
  poolSize: number,
): Promise<{ url: string; database: Database; drop: () => Promise<void> }> {
  const name = `jointops_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    database: openPostgres(url.toString(), poolSize),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Benches print figures, one line each. */
export const print = (line: string) => process.stdout.write(`${line}\n`);
