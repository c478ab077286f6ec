import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '@jointops/server/db/client';
import { syncCatalogue } from '@jointops/server/modules/catalogue/catalogue.repo';
import { environment, missing } from './environment';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string | null;
  }
}

/** The URL of another database on the server DATABASE_URL points at. */
export function databaseUrlFor(name: string): string {
  const url = new URL(environment.databaseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

// Migrating costs seconds; it happens once here, and each test file starts from a copy: a PGlite
// data-dir snapshot, or a PostgreSQL template database.
export default async function setup(project: TestProject) {
  const reasons = missing(['postgres', 'redis', 'chromium']);
  const lines = [
    `database: ${environment.databaseUrl ? `PostgreSQL (${new URL(environment.databaseUrl).host})` : 'embedded PGlite'}`,
    `redis: ${environment.redisUrl ? 'yes' : 'no — cross-process suites skipped'}`,
    `chromium: ${environment.chromiumPath ?? 'no — browser suites skipped'}`,
    ...(process.env.JOINTOPS_WEB_COMPONENTS_ELSEWHERE === '1'
      ? ['web component tests: skipped here (they use no database; the PostgreSQL pass runs them)']
      : []),
    ...(process.env.JOINTOPS_BROWSER_SUITES_ELSEWHERE === '1'
      ? ['browser suites (test/e2e): skipped here, whatever the machine has (the PostgreSQL pass runs them)']
      : []),
  ];
  process.stdout.write(`\njointops test environment\n${lines.map((line) => `  ${line}`).join('\n')}\n\n`);
  if (environment.requireAll && reasons.length) {
    throw new Error(`JOINTOPS_REQUIRE_ALL_SUITES=1 but: ${reasons.join('; ')}`);
  }

  const embedded = openPglite();
  await embedded.migrate();
  await syncCatalogue(embedded.db);
  // Each project runs this setup: names carry the project's, so no project drops another's copy.
  const snapshot = join(tmpdir(), `jointops-pglite-${process.pid}-${project.name}.tar`);
  const client = (embedded.db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
  await writeFile(snapshot, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await embedded.close();
  project.provide('pgliteSnapshot', snapshot);

  let template: string | null = null;
  if (environment.databaseUrl) {
    // A database name is an identifier: a project's name may hold a hyphen.
    template = `jointops_tpl_${process.pid}_${project.name.replace(/[^a-z0-9_]/gi, '_')}`;
    const admin = new pg.Client({ connectionString: environment.databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const migrating = openPostgres(databaseUrlFor(template), 2);
    await migrating.migrate();
    await syncCatalogue(migrating.db);
    await migrating.close();
    await admin.end();
  }
  project.provide('postgresTemplate', template);

  return async () => {
    await rm(snapshot, { force: true });
    if (template) {
      const admin = new pg.Client({ connectionString: environment.databaseUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}
