import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import { benchClient, seededDemo } from './bench-client';
import { pinLoadGenerator, startChild } from './child-process';
import { databaseCpuSince } from './database-cpu';
import { raiseDirectly } from './direct-alert';
import { closedLoop } from './load';
import { benchSize, emit, type Figure, postgresOrSkip } from './report';
import { scratchPostgres } from './scratch-database';

// Writes (issue 15, 3): raiseAlert over HTTP at concurrency 1, 10 and 50 against the hub on
// PostgreSQL (its own process, pinned to core 0), and in the same run the same transaction done
// directly through `pg` with a pool as large as the hub's: throughput, p99, the hub's CPU per alert,
// and what PostgreSQL's processes spent per alert on each side (database-cpu.ts).
// `--profile DIR` writes the hub's CPU profile there (node --cpu-prof).

const REQUESTS = { tiny: 10, small: 200, default: 400 };
const CONCURRENCY = [1, 10, 50];
const POOL = 10;
const RAISE = 'mutation($i: RaiseAlertInput!) { raiseAlert(input: $i) { __typename ... on Error { message } } }';

async function main() {
  const base = postgresOrSkip('writes');
  if (!base) return;
  const requests = REQUESTS[benchSize()];
  pinLoadGenerator();
  const scratch = await scratchPostgres(base, 5);
  const settings = { MUTATION_RATE_PER_MINUTE: '1000000', MUTATION_BURST: '1000000', DATABASE_POOL_SIZE: String(POOL) };
  const demo = await seededDemo(scratch.database, settings);
  await scratch.database.close();
  const profile = process.argv.indexOf('--profile');
  const child = await startChild(
    'serve.ts',
    // As deployed (docs/SECURITY.md: NODE_ENV=production), as the reads bench runs it: graphql-js
    // checks every `instanceof` a second way in development.
    { ...settings, NODE_ENV: 'production', BENCH_DATABASE_URL: scratch.url, BENCH_POOL_SIZE: String(POOL) },
    profile >= 0 ? ['--cpu-prof', `--cpu-prof-dir=${process.argv[profile + 1]}`] : [],
  );
  const pool = new pg.Pool({ connectionString: scratch.url, max: POOL });
  try {
    const { gql, signIn, demoOperationId } = benchClient(child.port, demo.config.demoPassword);
    const token = await signIn('ncp@customs.my.demo');
    const operationId = await demoOperationId(token);
    const { rows } = await pool.query(
      `select o.id as operation_id, u.id as user_id, u.agency_id from operations o, users u where o.code = $1 and u.email = $2`,
      [DEMO_OPERATION_CODE, 'ncp@customs.my.demo'],
    );
    const raiser = { operationId: rows[0].operation_id, userId: rows[0].user_id, agencyId: rows[0].agency_id };
    const figures: Figure[] = [];
    for (const concurrency of CONCURRENCY) {
      const before = await child.usage();
      const oursDatabase = databaseCpuSince();
      const ours = await closedLoop(requests, concurrency, async (index) => {
        const answer = await gql(
          RAISE,
          {
            i: {
              operationId,
              idempotencyKey: `writes-${concurrency}-${index}-${randomBytes(4).toString('hex')}`,
              category: 'INTELLIGENCE',
              severity: 'HIGH',
              title: `Writes bench alert ${index}: consignee linked to an earlier diversion`,
              marking: 'AMBER',
              distribution: 'ALL_PARTICIPANTS',
            },
          },
          token,
        );
        if (answer.data?.raiseAlert?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(answer)}`);
      });
      const cpuPerAlert = ((await child.usage()).cpuMicros - before.cpuMicros) / requests;
      // µs per thousandth of a raise: ms per raise.
      const oursDatabaseMs = oursDatabase(requests * 1_000);
      const directDatabase = databaseCpuSince();
      const direct = await closedLoop(requests, concurrency, (index) =>
        raiseDirectly(pool, raiser, `Direct alert ${index}: consignee linked to an earlier diversion`),
      );
      const directDatabaseMs = directDatabase(requests * 1_000);
      const bench = `writes, concurrency ${concurrency}`;
      figures.push(
        {
          bench,
          figure: 'raiseAlert per second',
          unit: '/s',
          ours: ours.perSecond,
          baseline: direct.perSecond,
          baselineName: 'direct SQL transaction',
          goal: { min: 0.5, on: 'ratio' },
        },
        { bench, figure: 'raiseAlert p50', unit: 'ms', ours: ours.p50, baseline: direct.p50, baselineName: 'direct SQL transaction' },
        { bench, figure: 'raiseAlert p99', unit: 'ms', ours: ours.p99, baseline: direct.p99, baselineName: 'direct SQL transaction' },
        { bench, figure: 'hub CPU per raiseAlert', unit: 'ms', ours: cpuPerAlert / 1000 },
        {
          bench,
          figure: 'database CPU per raiseAlert',
          unit: 'ms',
          ours: oursDatabaseMs,
          baseline: directDatabaseMs,
          baselineName: 'direct SQL transaction',
        },
      );
    }
    emit(figures);
  } finally {
    await pool.end();
    await child.stop();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
