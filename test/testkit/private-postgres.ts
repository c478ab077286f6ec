import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPostgres } from '@jointops/server/db/client';
import { syncCatalogue } from '@jointops/server/modules/catalogue/catalogue.repo';
import type { TestDatabase } from './database';
import { freePort } from './server-process';

// A PostgreSQL cluster of the test's own, on a free port, that the test may stop and start again
// without disturbing the suites that share the server at DATABASE_URL. initdb refuses to run as
// root, so the cluster belongs to the `postgres` OS user when the tests run as root.

const run = promisify(execFile);

export interface PrivatePostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** A migrated database with the catalogue, as the server expects it, on this cluster. */
  createDatabase(name: string): Promise<TestDatabase>;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: sessions are terminated, open transactions rolled back, then a clean shutdown. */
  stop(): Promise<void>;
  /** Stops it at once and deletes its files. */
  destroy(): Promise<void>;
}

function binaries(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binaries();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'jointops-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const pgTool = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  await pgTool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  // fsync off: a stop is always clean here (fast or immediate), never a power cut, and it is faster.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = false;

  const cluster: PrivatePostgres = {
    port,
    url,
    async start() {
      await pgTool('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
      running = true;
    },
    async stop() {
      running = false;
      await pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
    },
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`).finally(() => admin.end());
      const databaseUrl = `postgres://postgres@127.0.0.1:${port}/${name}`;
      const database = openPostgres(databaseUrl, 10);
      await database.migrate();
      await syncCatalogue(database.db);
      return { ...database, url: databaseUrl, destroy: () => database.close() };
    },
    async destroy() {
      if (running) await pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
