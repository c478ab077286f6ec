import { buildApp, type App } from '@jointops/server/app';
import { parseConfig, type Config } from '@jointops/server/env';
import { openPubSub, type PubSubHandle } from '@jointops/server/pubsub';
import { createLogger, type DestinationStream } from '@jointops/server/logger';
import { ManualClock } from './clock';
import { createTestDatabase, type TestDatabase } from './database';
import { environment } from './environment';
import { createGraphQLCaller, type GraphQLCaller } from './graphql';

export interface TestApp {
  app: App;
  database: TestDatabase;
  clock: ManualClock;
  config: Config;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  graphql: GraphQLCaller;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Share a database between apps (two "processes" of one deployment); created when absent. */
  database?: TestDatabase;
  clock?: ManualClock;
  /** Use Redis pubsub (REDIS_URL) instead of the in-process one. */
  redis?: boolean;
  /** Environment variables as the server would read them. */
  env?: Record<string, string>;
  /** Where the server's log lines go, for a test that reads them (with LOG_LEVEL in `env`). */
  logDestination?: DestinationStream;
}

/** A real server on a free loopback port, on its own database unless one is given. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const clock = options.clock ?? new ManualClock();
  if (options.redis && !environment.redisUrl) throw new Error('this test needs REDIS_URL');
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // Tests move the clock themselves; escalation runs when a test calls it, never behind its back.
    ESCALATION_INTERVAL_MS: '600000',
    // Suites make hundreds of changes in seconds as one person; mutation-rate.test.ts sets its own.
    MUTATION_RATE_PER_MINUTE: '1000000',
    MUTATION_BURST: '1000000',
    ...(options.redis ? { REDIS_URL: environment.redisUrl } : {}),
    ...options.env,
  });
  const pubSubHandle: PubSubHandle = openPubSub(config.redisUrl, config.redisChannelPrefix);
  const app = buildApp({
    db: database.db,
    clock,
    config,
    logger: createLogger(config.logLevel, options.logDestination),
    pubSub: pubSubHandle.pubSub,
    database,
    pubSubHandle,
  });
  const port = await app.start(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  // Browsers on the app's own origin are allowed; the port is only known now.
  config.allowedOrigins.push(url, `http://localhost:${port}`);
  return {
    app,
    database,
    clock,
    config,
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    graphql: createGraphQLCaller(url),
    async stop() {
      await app.stop();
      await pubSubHandle.close();
      if (ownsDatabase) await database.destroy();
    },
  };
}
