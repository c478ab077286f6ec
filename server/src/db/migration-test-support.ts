import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from './client';

/**
 * A data migration tried on rows as the schema before it stored them: an embedded database is
 * migrated up to the migration named `name` (its folder's name after the timestamp), `before`
 * writes the old rows, then that migration runs. The caller closes the database.
 */
export async function migratedOver(name: string, before: (client: PGlite) => Promise<void>): Promise<PGlite> {
  const names = readdirSync(MIGRATIONS_FOLDER, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const ours = names.findIndex((folderName) => folderName.endsWith(`_${name}`));
  if (ours < 1) throw new Error(`No migration ${name} with one before it in ${MIGRATIONS_FOLDER}`);
  const client = new PGlite();
  const db = drizzle({ client });
  const folder = mkdtempSync(join(tmpdir(), 'jointops-migrations-'));
  try {
    const copy = (folderName: string) => cpSync(join(MIGRATIONS_FOLDER, folderName), join(folder, folderName), { recursive: true });
    names.slice(0, ours).forEach(copy);
    await migrate(db, { migrationsFolder: folder });
    await before(client);
    copy(names[ours]!);
    await migrate(db, { migrationsFolder: folder });
    return client;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
