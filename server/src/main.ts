import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { systemClock } from './clock';
import { openDatabase } from './db/client';
import { databaseIsEmpty, seedDemo } from './demo/seed';
import { loadConfigOrExit } from './env';
import { openPubSub } from './pubsub';
import { createLogger } from './logger';
import { syncCatalogue } from './modules/catalogue/catalogue.repo';

// Composition root: configuration → database → pubsub → app, and the way back down on shutdown.

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
const builtWeb = fileURLToPath(new URL('../../web/dist', import.meta.url));
if (!config.webDistDir && existsSync(builtWeb)) config.webDistDir = builtWeb;

const startedAt = performance.now();
const database = openDatabase(config);
await database.migrate();
await syncCatalogue(database.db);

// The demo goes only into a fresh embedded database; a PostgreSQL deployment gets it only from an
// explicit `pnpm db:seed`, so a production database never fills with fictional people by accident.
const pubSubHandle = openPubSub(config.redisUrl, config.redisChannelPrefix);
let seeded = false;
if (database.kind === 'pglite' && config.seedDemo === 'auto' && (await databaseIsEmpty(database.db))) {
  const result = await seedDemo({ db: database.db, config, logger, pubSub: pubSubHandle.pubSub }, systemClock.now());
  logger.info(result, 'demo directory loaded');
  seeded = true;
}

const app = buildApp({
  db: database.db,
  clock: systemClock,
  config,
  logger,
  pubSub: pubSubHandle.pubSub,
  database,
  pubSubHandle,
});
const port = await app.start();
logger.info(
  {
    port,
    database: database.kind,
    redis: Boolean(config.redisUrl),
    web: config.webDistDir ?? null,
    readyMs: Math.round(performance.now() - startedAt),
  },
  'jointops ready',
);

// Said on stderr: stdout carries only the JSON log, one object per line, for whatever ships it.
if (database.kind === 'pglite') {
  const host = `http://localhost:${port}`;
  process.stderr.write(
    [
      '',
      `  jointops is running at ${host}  (GraphiQL: ${host}/graphql)`,
      `  Embedded database in ${config.dataDir}${seeded ? ' — demo data loaded' : ''}`,
      `  Sign in as planner@wco.demo (WCO coordinator) or admin@jointops.demo (administrator),`,
      `  password: the DEMO_PASSWORD setting (default "jointops-demo").`,
      '',
    ]
      .map((line) => `${line}\n`)
      .join(''),
  );
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await app.stop();
    await pubSubHandle.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'unclean shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
