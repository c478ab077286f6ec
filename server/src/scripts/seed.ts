import { openDatabase } from '../db/client';
import { seedDemo } from '../demo/seed';
import { loadConfigOrExit } from '../env';
import { openPubSub } from '../pubsub';
import { createLogger } from '../logger';
import { syncCatalogue } from '../modules/catalogue/catalogue.repo';

// `pnpm db:seed`: loads the demo into the configured database, PostgreSQL included. Re-running it
// adds only what is missing.
const config = loadConfigOrExit();
const database = openDatabase(config);
await database.migrate();
await syncCatalogue(database.db);
const pubSub = openPubSub(undefined);
const result = await seedDemo({ db: database.db, config, logger: createLogger(config.logLevel), pubSub: pubSub.pubSub }, new Date());
await database.close();
process.stdout.write(`demo loaded: ${result.agencies} agencies, ${result.users} users in the directory\n`);
