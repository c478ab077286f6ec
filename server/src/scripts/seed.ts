import { openDatabase } from '../db/client';
import { seedDemo } from '../demo/seed';
import { parseConfig } from '../env';
import { syncCatalogue } from '../modules/catalogue/catalogue.repo';

// `pnpm db:seed`: loads the demo into the configured database, PostgreSQL included. Re-running it
// adds only what is missing.
const config = parseConfig(process.env);
const database = openDatabase(config);
await database.migrate();
await syncCatalogue(database.db);
const result = await seedDemo(database.db, config.demoPassword);
await database.close();
process.stdout.write(`demo loaded: ${result.agencies} agencies, ${result.users} users in the directory\n`);
