import { openDatabase } from '../db/client';
import { loadConfigOrExit } from '../env';
import { syncCatalogue } from '../modules/catalogue/catalogue.repo';

// `pnpm db:migrate`: applies pending migrations and reference data to the configured database.
const config = loadConfigOrExit();
const database = openDatabase(config);
await database.migrate();
await syncCatalogue(database.db);
await database.close();
process.stdout.write(`migrated the ${database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database\n`);
