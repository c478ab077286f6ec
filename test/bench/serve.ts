import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { buildApp } from '@jointops/server/app';
import { systemClock } from '@jointops/server/clock';
import { openPostgres } from '@jointops/server/db/client';
import { parseConfig } from '@jointops/server/env';
import { createLogger } from '@jointops/server/logger';
import { openPubSub } from '@jointops/server/pubsub';
import { serveControl } from './child-process';

// The hub as a bench's child process: the real app over an already seeded PostgreSQL database
// (BENCH_DATABASE_URL), configured from the environment like the real server, on a free port.

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('serve.ts needs BENCH_DATABASE_URL');
const config = parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = openPostgres(url, Number(process.env.BENCH_POOL_SIZE ?? 10));
const pubSubHandle = openPubSub(undefined);
const app = buildApp({
  db: database.db,
  clock: systemClock,
  config,
  logger: createLogger('silent'),
  pubSub: pubSubHandle.pubSub,
  database,
  pubSubHandle,
});
const port = await app.start(0, '127.0.0.1');
await serveControl(
  port,
  async () => {
    await app.stop();
    await pubSubHandle.close();
    await database.close();
  },
  // The fan-out bench's --heap-snapshot: what the idle hub holds, to be opened in DevTools.
  async (path) => {
    const asked = /^\/heap-snapshot\?dir=(.+)$/.exec(path);
    return asked ? writeHeapSnapshot(join(decodeURIComponent(asked[1]!), `hub-${process.pid}.heapsnapshot`)) : undefined;
  },
);
