import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seededDemo } from './bench-client';
import { generateSeizures } from './generated-seizures';
import { print, scratchPostgres } from './scratch-database';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import type { Shaped } from '../testkit/graphql';

// operationResults over SEIZURES generated seizure reports in the demo operation (70 % verified,
// 20 % submitted, 10 % rejected; every catalogue commodity in every unit of its dimension, 5 %
// other commodities), on PostgreSQL only: a scratch database is created beside DATABASE_URL and
// dropped. Prints p50/p95 of ROUNDS requests through the real GraphQL endpoint, the SQL statements
// one request runs (counted at the pg client), and the plan of the seizure statement.

const SEIZURES = Number(process.env.BENCH_SEIZURES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const RESULTS = `query($id: ID!, $all: Boolean) { operationResults(operationId: $id, includeUnverified: $all) {
  totals { seizures arrests bonusSeizures alertsRaised alertsAcknowledged alertsOverdue medianMinutesToAcknowledge hitRate }
  byCountryAndCommodity { key quantity unit seizures } byDetectionMethod { key quantity unit seizures }
  byTransportMode { key quantity unit seizures } bonusByClass { key quantity unit seizures } alertOutcomes { outcome count } } }`;

/** Every statement sent through any pg client of this process: the pool's included. */
const statements: { text: string; values: unknown[] }[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string; values?: unknown[] };
  const values = typeof first === 'string' ? undefined : first?.values;
  statements.push({
    text: typeof first === 'string' ? first : (first?.text ?? ''),
    values: values ?? (Array.isArray(args[1]) ? args[1] : []),
  });
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('This bench needs DATABASE_URL (PostgreSQL): a scratch database is made beside it.');
  const { url, database, drop } = await scratchPostgres(base, 10);
  const direct = new pg.Client({ connectionString: url });
  try {
    const demo = await seededDemo(database);
    await direct.connect();
    const operationId = (await direct.query('select id from operations where code = $1', [DEMO_OPERATION_CODE])).rows[0].id as string;
    let started = performance.now();
    await generateSeizures(direct, operationId, SEIZURES);
    print(
      `generated ${SEIZURES.toLocaleString('en')} seizures (and vacuum analyze) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const server = await demo.start();
    const { gql, signIn, demoOperationId } = server.client;
    const token = await signIn('planner@wco.demo');
    const id = await demoOperationId(token);

    for (const includeUnverified of [false, true]) {
      const times: number[] = [];
      let perRequest: typeof statements = [];
      let answer: Shaped;
      for (let round = 0; round < ROUNDS; round += 1) {
        statements.length = 0;
        started = performance.now();
        answer = await gql(RESULTS, { id, all: includeUnverified }, token);
        times.push(performance.now() - started);
        perRequest = [...statements];
      }
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      times.sort((a, b) => a - b);
      print(
        `operationResults(includeUnverified: ${includeUnverified}) over ${answer.data.operationResults.totals.seizures.toLocaleString('en')} counted seizures: ` +
          `p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (${ROUNDS} requests); ${perRequest.length} SQL statements per request:`,
      );
      for (const statement of perRequest) print(`  - ${statement.text.replace(/\s+/g, ' ').slice(0, 110)}`);
    }

    statements.length = 0;
    await gql(RESULTS, { id, all: false }, token);
    const plan = await explain(direct, statements.find((statement) => statement.text.includes('grouping sets'))!);
    print('plan of the seizure statement (EXPLAIN ANALYZE):');
    for (const line of plan) print(`  ${line}`);
    await server.stop();
  } finally {
    await direct.end().catch(() => undefined);
    await database.close();
    await drop();
  }
}

/** The plan's main nodes, for the statement as the server sent it (its own parameters). */
async function explain(db: pg.Client, statement: { text: string; values: unknown[] }): Promise<string[]> {
  const { rows } = await db.query(`explain (analyze, buffers, costs off) ${statement.text}`, statement.values);
  return rows
    .map((row: Record<string, string>) => row['QUERY PLAN']!)
    .filter((line) => /Scan|Aggregate|Join|Execution Time|Planning Time|Heap Fetches|Buffers: shared/.test(line));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
