import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '@jointops/server/db/client';
import { DEMO_AGENCIES } from '@jointops/server/demo/directory';
import { DEMO_USERS } from '@jointops/server/demo/people';
import { createEmptyPostgresDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import { createGraphQLCaller } from '../testkit/graphql';
import { freePort, httpGet, runServerScript, startServerProcess, type ServerProcess } from '../testkit/server-process';
import { execute, openSocket } from '../testkit/ws';
import { reportFigure } from '../testkit/report';

// The real server, started the way `pnpm start` starts it: its own process, its own port, its
// own data folder. Time to ready is spawn → first /readyz 200, so it includes Node and tsx.

// Each spawn costs seconds of Node + tsx start-up on a busy 2-core machine.
const SPAWNING_TEST_TIMEOUT = 120_000;

const PLANNER = { email: 'planner@wco.demo', password: 'jointops-demo' };
const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { __typename ... on LoginSuccess { token } ... on Error { code message } }
}`;
const ME = '{ me { email displayName agency { name acronym } } }';

const running = new Set<ServerProcess>();
async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({ env: { LOG_LEVEL: 'info', ...env } });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}
afterAll(async () => {
  await Promise.all([...running].map((server) => server.stop('SIGKILL')));
});

async function signIn(baseUrl: string): Promise<string> {
  const response = await createGraphQLCaller(baseUrl)(LOGIN, { input: PLANNER });
  expect(response.data?.login.__typename).toBe('LoginSuccess');
  return response.data!.login.token as string;
}

/** What the server itself logged as its start-up time (from config parsed to listening). */
const reportedReadyMs = (server: ServerProcess) => server.logs().find((entry) => entry.msg === 'jointops ready')?.readyMs;
const seededDemo = (server: ServerProcess) => server.logs().some((entry) => entry.msg === 'demo directory loaded');

async function readiness(baseUrl: string) {
  const response = await httpGet(`${baseUrl}/readyz`);
  return { status: response.status, body: JSON.parse(response.body) as { status: string; checks: Record<string, string> } };
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function eventually<T>(probe: () => T | undefined, timeoutMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the server process on the embedded database', () => {
  let dataDir: string;
  let first: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jointops-data-'));
    first = await start({ DATA_DIR: dataDir });
    const ms = await first.waitUntilReady();
    reportFigure(
      `time to ready, PGlite cold (empty DATA_DIR, migrate + demo): ${ms} ms from spawn; server reports ${reportedReadyMs(first)} ms`,
    );
  }, SPAWNING_TEST_TIMEOUT);

  afterAll(async () => {
    await first?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('first start on an empty data folder loads the demo, becomes ready and signs the planner in', async () => {
    const ready = await readiness(first.url);
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok' } } });
    expect((await httpGet(`${first.url}/healthz`)).status).toBe(200);
    expect(seededDemo(first)).toBe(true);
    expect(first.stderr()).toContain('planner@wco.demo');

    const token = await signIn(first.url);
    const me = await createGraphQLCaller(first.url)(ME, {}, { token });
    expect(me.data?.me).toEqual({
      email: 'planner@wco.demo',
      displayName: expect.any(String),
      agency: { name: 'World Customs Organization Secretariat', acronym: 'WCO' },
    });
  });

  it("logs one JSON object per stdout line, with the server's own request id per request, which x-request-id returns", async () => {
    const call = (headers: Record<string, string> = {}) =>
      fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
    const [a, b, traced] = await Promise.all([call(), call(), call({ 'x-request-id': 'trace-from-proxy-0001' })]);
    const ids = [a, b, traced].map((response) => response.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
    // A client's id is never taken as the server's (the audit trail keeps it beside, as clientRequestId).
    expect(ids[2]).not.toBe('trace-from-proxy-0001');

    for (const id of ids) {
      const entry = await eventually(() => first.logs().find((log) => log.msg === 'request' && log.requestId === id));
      expect(entry).toMatchObject({ level: 30, method: 'POST', path: '/graphql', status: 200, service: 'jointops' });
    }
    const lines = first.stdout.filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it(
    'a restart on the same data folder keeps the data and does not load the demo again',
    async () => {
      const token = await signIn(first.url);
      expect(await first.stop()).toEqual({ code: 0, signal: null });

      const second = await start({ DATA_DIR: dataDir });
      const ms = await second.waitUntilReady();
      reportFigure(
        `time to ready, PGlite warm (restart on the same DATA_DIR): ${ms} ms from spawn; server reports ${reportedReadyMs(second)} ms`,
      );
      expect(seededDemo(second)).toBe(false);

      // The session made before the restart still works: the rows were kept, not reloaded.
      const graphql = createGraphQLCaller(second.url);
      const me = await graphql(ME, {}, { token });
      expect(me.data?.me.email).toBe('planner@wco.demo');
      const directory = await graphql<{ agencies: { edges: unknown[] } }>('{ agencies(first: 100) { edges { cursor } } }', {}, { token });
      expect(directory.data?.agencies.edges).toHaveLength(DEMO_AGENCIES.length);
      expect(await second.stop()).toEqual({ code: 0, signal: null });
    },
    SPAWNING_TEST_TIMEOUT,
  );

  it(
    'on SIGTERM closes signed-in sockets with 1001, finishes the request in flight, stops answering and exits 0',
    async () => {
      await first.stop();
      const server = await start({ DATA_DIR: dataDir });
      await server.waitUntilReady();
      const token = await signIn(server.url);
      const socket = openSocket(server.wsUrl, { token });
      expect((await execute(socket, '{ me { email } }')).data).toEqual({ me: { email: 'planner@wco.demo' } });

      // A sign-in whose body is still on its way when the signal lands. The server's automatic
      // "100 Continue" proves it has taken the request before the signal is sent.
      const body = JSON.stringify({ query: LOGIN, variables: { input: PLANNER } });
      const inFlight = request(`${server.url}/graphql`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
      });
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        inFlight.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        inFlight.on('error', reject);
      });
      const accepted = new Promise<void>((resolve) => inFlight.once('continue', () => resolve()));
      inFlight.flushHeaders();
      await accepted;

      server.child.kill('SIGTERM');
      expect((await socket.closed).code).toBe(1001);
      await expect(httpGet(`${server.url}/readyz`)).rejects.toThrow(/ECONNREFUSED/);

      inFlight.end(body);
      const answer = await response;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).data.login.__typename).toBe('LoginSuccess');

      expect(await server.exited).toEqual({ code: 0, signal: null });
      await expect(httpGet(`${server.url}/readyz`)).rejects.toThrow(/ECONNREFUSED/);
      expect(server.logs().map((entry) => entry.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    },
    SPAWNING_TEST_TIMEOUT,
  );
});

describe('the server process with a broken configuration', () => {
  it(
    'exits non-zero and lists every problem on stderr',
    async () => {
      const { exit, stderr, stdout } = await runServerScript('src/main.ts', { PORT: 'abc', DATABASE_URL: 'mysql://x' });
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(stderr).toMatch(/PORT:/);
      expect(stderr).toMatch(/DATABASE_URL: must be a postgres/);
      expect(stdout).not.toContain('jointops ready');
    },
    SPAWNING_TEST_TIMEOUT,
  );
});

describeWhere(['postgres'], 'the server process on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let scratch: string;

  beforeAll(async () => {
    database = await createEmptyPostgresDatabase();
    // DATA_DIR must stay unused with DATABASE_URL; an empty folder shows it.
    scratch = mkdtempSync(join(tmpdir(), 'jointops-unused-'));
  });
  afterAll(async () => {
    await Promise.all([...running].map((server) => server.stop()));
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function query<T>(statement: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(statement)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it(
    'three servers started at once on one empty database all become ready and migrate it exactly once',
    async () => {
      const ports: number[] = [];
      while (ports.length < 3) {
        const port = await freePort();
        if (!ports.includes(port)) ports.push(port);
      }
      // Node + tsx take seconds to start, so three spawns alone reach the database hundreds of
      // milliseconds apart and would not race. An uncommitted `create schema drizzle` (the
      // migrator's first statement) holds every server at the door until all three are waiting on
      // a lock; the rollback then lets them in together, onto a database that is still empty.
      const gate = new pg.Client({ connectionString: database.url });
      await gate.connect();
      await gate.query('begin');
      await gate.query('create schema drizzle');
      const env = { DATABASE_URL: database.url, DATA_DIR: scratch };
      const servers = await Promise.all(ports.map((port) => start({ ...env, PORT: String(port) })));
      await waitUntil(async () => {
        const [row] = await query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        return row!.waiting === servers.length;
      }, 60_000);
      const released = performance.now();
      await gate.query('rollback');
      await gate.end();
      const times = await Promise.all(
        servers.map(async (server) => {
          await server.waitUntilReady();
          return Math.round(performance.now() - released);
        }),
      );
      reportFigure(
        `time to ready, PostgreSQL, 3 servers let in together on an empty database: ${times.join(' / ')} ms from the gate opening`,
      );
      for (const server of servers) {
        expect(await readiness(server.url)).toMatchObject({ status: 200, body: { checks: { database: 'ok' } } });
      }

      const folders = readdirSync(MIGRATIONS_FOLDER, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      const applied = await query<{ name: string }>('select name from drizzle.__drizzle_migrations order by id');
      expect(applied.map((row) => row.name).sort()).toEqual(folders.sort());

      // The demo goes into a PostgreSQL database only through `pnpm db:seed`.
      expect(await query('select id from agencies')).toHaveLength(0);
      expect(servers.some(seededDemo)).toBe(false);
      expect(readdirSync(scratch)).toEqual([]);

      const exits = await Promise.all(servers.map((server) => server.stop()));
      expect(exits).toEqual(servers.map(() => ({ code: 0, signal: null })));
    },
    SPAWNING_TEST_TIMEOUT,
  );

  it(
    '`pnpm db:seed` loads the demo, a second run changes nothing, and a server on it signs the planner in',
    async () => {
      const env = { DATABASE_URL: database.url };
      const once = await runServerScript('src/scripts/seed.ts', env);
      expect(once.exit.code, once.stderr).toBe(0);
      // Every table's row count, and the password hashes: a second run must neither add nor
      // overwrite anything, whatever the demo grows to hold.
      const snapshot = async () => {
        const tables = await query<{ name: string }>(
          "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
        );
        const counts: Record<string, number> = {};
        for (const { name } of tables) counts[name] = (await query<{ n: number }>(`select count(*)::int as n from "${name}"`))[0]!.n;
        return { counts, users: await query<{ id: string; password_hash: string }>('select id, password_hash from users order by id') };
      };
      // The script's own line, found among the log's: pino writes its lines asynchronously, so one
      // may come out after it.
      const summary = (text: string) => text.split('\n').find((line) => line.startsWith('demo loaded:'));

      const afterOnce = await snapshot();
      expect(afterOnce.counts.agencies).toBe(DEMO_AGENCIES.length);
      expect(afterOnce.users).toHaveLength(DEMO_USERS.length);

      const twice = await runServerScript('src/scripts/seed.ts', env);
      expect(twice.exit.code, twice.stderr).toBe(0);
      expect(summary(once.stdout)).toMatch(/^demo loaded: \d+ agencies, \d+ users in the directory$/);
      expect(summary(twice.stdout)).toBe(summary(once.stdout));
      expect(await snapshot()).toEqual(afterOnce);

      const server = await start({ DATABASE_URL: database.url, DATA_DIR: scratch });
      const ms = await server.waitUntilReady();
      reportFigure(`time to ready, PostgreSQL warm (migrated, seeded): ${ms} ms from spawn; server reports ${reportedReadyMs(server)} ms`);
      const token = await signIn(server.url);
      const me = await createGraphQLCaller(server.url)(ME, {}, { token });
      expect(me.data?.me.agency.acronym).toBe('WCO');
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    },
    SPAWNING_TEST_TIMEOUT,
  );
});
