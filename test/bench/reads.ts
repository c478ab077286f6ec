import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import pg from 'pg';
import { benchClient, seededDemo } from './bench-client';
import { pinLoadGenerator, startChild } from './child-process';
import { databaseCpuSince } from './database-cpu';
import { raiseDirectly } from './direct-alert';
import { closedLoop, type Load } from './load';
import { benchSize, compared, emit, type Figure, postgresOrSkip } from './report';
import { scratchPostgres } from './scratch-database';

// Reads against a peer (issue 15, 6): an operation with its participations and its newest 50
// alerts with the agency that raised each, through the hub's API (signed in, need-to-know applied),
// through PostGraphile 4 over the same database and rows (no access rules: the peer's defaults),
// and through a hand-written single-statement SQL endpoint; each server its own process pinned to
// core 0, the same HTTP client, the same concurrency, one after the other. Besides requests/s and
// latency, each server's own CPU time and SQL statements per request (counted in its process).
// `--profile DIR` writes the hub's CPU profile there (node --cpu-prof).

const REQUESTS = { tiny: 20, small: 1_000, default: 3_000 };
const CONCURRENCY = 10;
const POOL = 10;
const OURS = `query($id: ID!) { operation(id: $id) { code name
  participations { role status agency { name countryCode } }
  alerts(first: 50) { edges { node { reference title severity raisedAt raisedByAgency { name countryCode } } } } } }`;
const PEER = `query($id: UUID!) { operationById(id: $id) { code name
  participationsByOperationId(orderBy: INVITED_AT_ASC) { nodes { role status agencyByAgencyId { name countryCode } } }
  alertsByOperationId(first: 50, orderBy: [RAISED_AT_DESC, NUMBER_DESC]) { nodes { reference title severity raisedAt agencyByRaisedByAgencyId { name countryCode } } } } }`;

async function post(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ data?: Record<string, { alerts?: unknown }>; errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: Record<string, { alerts?: unknown }>; errors?: unknown };
}

/**
 * Starts one server, checks its answer has the 50 alerts, then loads it; `prepare` says how to ask
 * it once it listens, and how many alerts an answer holds.
 */
interface Measured extends Load {
  /** The server's CPU time per request, µs. */
  cpuPerRequest: number;
  statementsPerRequest: number;
  /** What PostgreSQL's processes spent per request, µs (null without /proc). */
  databaseCpuPerRequest: number | null;
}

async function measured(
  requests: number,
  script: string,
  env: Record<string, string>,
  prepare: (port: number) => Promise<{ ask: () => Promise<unknown>; alerts: (answer: never) => number }>,
  nodeArgs: string[] = [],
): Promise<Measured> {
  const child = await startChild(script, env, nodeArgs);
  try {
    const { ask, alerts } = await prepare(child.port);
    const first = await ask();
    if (alerts(first as never) !== 50) throw new Error(`${script}: expected 50 alerts, got ${JSON.stringify(first).slice(0, 1_000)}`);
    const before = await child.usage();
    const databaseSpent = databaseCpuSince();
    const load = await closedLoop(requests, CONCURRENCY, async () => void (await ask()));
    const databaseCpuPerRequest = databaseSpent(requests);
    const after = await child.usage();
    return {
      ...load,
      cpuPerRequest: (after.cpuMicros - before.cpuMicros) / requests,
      statementsPerRequest: (after.statements - before.statements) / requests,
      databaseCpuPerRequest,
    };
  } finally {
    await child.stop();
  }
}

async function main() {
  const base = postgresOrSkip('reads');
  if (!base) return;
  const requests = REQUESTS[benchSize()];
  pinLoadGenerator();
  const scratch = await scratchPostgres(base, 5);
  const demo = await seededDemo(scratch.database, { DATABASE_POOL_SIZE: String(POOL) });
  await scratch.database.close();
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  // An idle connection ended from outside (CI's pass beside other suites has seen one) is dropped
  // by the pool, which opens another when asked; unheard, its 'error' event would end the bench.
  pool.on('error', (error) => process.stderr.write(`reads bench: an idle connection ended: ${error.message}\n`));
  // Each server as deployed (docs/SECURITY.md: NODE_ENV=production): graphql-js checks every
  // `instanceof` a second way in development, and the hub then hides its schema as in production.
  const env = {
    NODE_ENV: 'production',
    DATABASE_POOL_SIZE: String(POOL),
    BENCH_DATABASE_URL: scratch.url,
    BENCH_POOL_SIZE: String(POOL),
  };
  const loads: Record<string, Measured> = {};
  const profile = process.argv.indexOf('--profile');
  try {
    const { rows } = await pool.query(
      'select o.id as operation_id, u.id as user_id, u.agency_id from operations o, users u where o.code = $1 and u.email = $2',
      [DEMO_OPERATION_CODE, 'ncp@customs.my.demo'],
    );
    const raiser = { operationId: rows[0].operation_id, userId: rows[0].user_id, agencyId: rows[0].agency_id };
    for (let index = 0; index < 60; index += 1) await raiseDirectly(pool, raiser, `Reads bench alert ${index}`);
    await pool.query('vacuum analyze');

    loads.ours = await measured(
      requests,
      'serve.ts',
      env,
      async (port) => {
        const { signIn, demoOperationId } = benchClient(port, demo.config.demoPassword);
        const token = await signIn('planner@wco.demo');
        const id = await demoOperationId(token);
        return {
          ask: () => post(`http://127.0.0.1:${port}/graphql`, { query: OURS, variables: { id } }, token),
          alerts: (answer: { data: { operation: { alerts: { edges: unknown[] } } } }) => answer.data.operation.alerts.edges.length,
        };
      },
      profile >= 0 ? ['--cpu-prof', `--cpu-prof-dir=${process.argv[profile + 1]}`] : [],
    );
    loads.postgraphile = await measured(requests, 'peer-servers.ts', { ...env, BENCH_PEER: 'postgraphile' }, async (port) => ({
      ask: () => post(`http://127.0.0.1:${port}/graphql`, { query: PEER, variables: { id: raiser.operationId } }),
      alerts: (answer: { data: { operationById: { alertsByOperationId: { nodes: unknown[] } } } }) =>
        answer.data.operationById.alertsByOperationId.nodes.length,
    }));
    loads.sql = await measured(requests, 'peer-servers.ts', { ...env, BENCH_PEER: 'sql' }, async (port) => ({
      ask: async () => (await fetch(`http://127.0.0.1:${port}/?id=${raiser.operationId}`)).json(),
      alerts: (answer: { data: { operation: { alerts: unknown[] } } }) => answer.data.operation.alerts.length,
    }));
  } finally {
    await pool.end();
    await scratch.drop();
  }
  const bench = `reads, concurrency ${CONCURRENCY}`;
  const figures: Figure[] = [];
  for (const [peer, name] of [
    ['postgraphile', 'PostGraphile 4.14.1'],
    ['sql', 'hand-written SQL endpoint'],
  ] as const) {
    const figure = compared(bench, name, loads.ours!, loads[peer]!);
    figures.push(
      figure('requests per second', '/s', (load) => load.perSecond, { min: peer === 'postgraphile' ? 2 : 0.5, on: 'ratio' }),
      figure('p50', 'ms', (load) => load.p50),
      figure('p99', 'ms', (load) => load.p99, peer === 'postgraphile' ? { max: 1, on: 'ratio' } : undefined),
      figure('server CPU per request', 'µs', (load) => load.cpuPerRequest),
      figure('SQL statements per request', 'statements', (load) => load.statementsPerRequest),
      figure('database CPU per request', 'µs', (load) => load.databaseCpuPerRequest),
    );
  }
  emit(figures);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
