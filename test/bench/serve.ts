import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import pg from 'pg';
import { buildApp } from '@jointops/server/app';
import { systemClock } from '@jointops/server/clock';
import { openPostgres } from '@jointops/server/db/client';
import { parseConfig } from '@jointops/server/env';
import { createLogger } from '@jointops/server/logger';
import { openPubSub } from '@jointops/server/pubsub';
import { serveControl } from './child-process';

// The hub as a bench's child process: the real app over an already seeded PostgreSQL database
// (BENCH_DATABASE_URL), configured from the environment like the real server, on a free port.
// It counts the SQL statements it sends (every pg client's, the pool's included) and answers the
// count on its control port (`/statements`), for the benches whose figure is statements per event.

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

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
  // `/statements` for the live results bench; the fan-out bench's --heap-snapshot: what the idle hub
  // holds, to be opened in DevTools.
  async (path) => {
    if (path === '/statements') return String(statements);
    const asked = /^\/heap-snapshot\?dir=(.+)$/.exec(path);
    return asked ? writeHeapSnapshot(join(decodeURIComponent(asked[1]!), `hub-${process.pid}.heapsnapshot`)) : undefined;
  },
);
