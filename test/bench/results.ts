import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seededDemo } from './bench-client';
import { generateSeizures } from './generated-seizures';
import { benchSize, compared, emit, type Figure, percentile, postgresOrSkip, sortedCopy } from './report';
import { type ComparableResults, HAND_WRITTEN_STATEMENTS, handWrittenResults, summarise } from './results-sql';
import { print, scratchPostgres } from './scratch-database';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import type { Shaped } from '../testkit/graphql';

// operationResults (issue 15, item 4) over generated seizure reports (generated-seizures.ts), in
// two layouts: the demo operation as one of 50 operations of equal size, then the demo operation
// holding them all. Each is measured through the real GraphQL endpoint and, in the same run,
// against SQL written by hand for the same figures (results-sql.ts) — whose answers must equal
// the API's, or the bench fails. Also printed: the SQL statements one request runs (counted at the
// pg client: they must not grow with the data) and the plan of the seizure statement.
// PostgreSQL only: a scratch database is created beside DATABASE_URL and dropped.

const SIZES = {
  tiny: { seizures: 2_000, rounds: 3 },
  small: { seizures: 100_000, rounds: 10 },
  default: { seizures: 1_000_000, rounds: 20 },
};
const OPERATIONS = 50;
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

/** The API's answer reduced as the baseline's is. */
function comparable(answer: Shaped): ComparableResults {
  const results = answer.data.operationResults;
  const table = (rows: { unit: string; seizures: number; quantity: number }[]) => summarise(rows);
  return {
    seizures: results.totals.seizures,
    arrests: results.totals.arrests,
    bonusSeizures: results.totals.bonusSeizures,
    alertsRaised: results.totals.alertsRaised,
    alertsAcknowledged: results.totals.alertsAcknowledged,
    alertsOverdue: results.totals.alertsOverdue,
    tables: {
      byCountryAndCommodity: table(results.byCountryAndCommodity),
      byDetectionMethod: table(results.byDetectionMethod),
      byTransportMode: table(results.byTransportMode),
      bonusByClass: table(results.bonusByClass),
    },
  };
}

/** Copies of the demo operation (no members, no participants): they only hold seizure reports. */
async function cloneOperations(db: pg.Client, operationId: string, copies: number): Promise<string[]> {
  const columns = (
    await db.query(`select column_name from information_schema.columns where table_name = 'operations' and table_schema = 'public'`)
  ).rows.map((row: { column_name: string }) => row.column_name);
  const values = columns.map((column) => (column === 'id' ? 'gen_random_uuid()' : column === 'code' ? `code || '-' || g` : `"${column}"`));
  const { rows } = await db.query(
    `insert into operations (${columns.map((column) => `"${column}"`).join(', ')})
     select ${values.join(', ')} from operations, generate_series(1, $2::int) g where id = $1 returning id`,
    [operationId, copies],
  );
  return rows.map((row: { id: string }) => row.id);
}

interface Side {
  times: number[];
  statements: number;
}

async function measure(label: string, rounds: number, ours: () => Promise<number>, baseline: () => Promise<unknown>) {
  const sides: { ours: Side; baseline: Side } = { ours: { times: [], statements: 0 }, baseline: { times: [], statements: 0 } };
  // Side by side, round by round: a busier moment of the machine falls on both.
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    sides.ours.statements = await ours();
    sides.ours.times.push(performance.now() - started);
    started = performance.now();
    await baseline();
    sides.baseline.times.push(performance.now() - started);
  }
  sides.baseline.statements = HAND_WRITTEN_STATEMENTS;
  const figure = compared(label, 'hand-written SQL', sides.ours, sides.baseline);
  return [
    figure('p50', 'ms', (side) => percentile(sortedCopy(side.times), 50), { max: 1.3, on: 'ratio' }),
    figure('p95', 'ms', (side) => percentile(sortedCopy(side.times), 95)),
    figure('SQL statements per request', 'statements', (side) => side.statements),
  ];
}

async function main() {
  const base = postgresOrSkip('results');
  if (!base) return;
  const { seizures: total, rounds } = SIZES[benchSize()];
  const { url, database, drop } = await scratchPostgres(base, 10);
  const direct = new pg.Client({ connectionString: url });
  const figures: Figure[] = [];
  try {
    const demo = await seededDemo(database);
    await direct.connect();
    const operationId = (await direct.query('select id from operations where code = $1', [DEMO_OPERATION_CODE])).rows[0].id as string;
    const server = await demo.start();
    const { gql, signIn, demoOperationId } = server.client;
    const token = await signIn('planner@wco.demo');
    const id = await demoOperationId(token);
    const planner = (
      await direct.query(`select u.id as "userId", u.agency_id as "agencyId" from users u where u.email = 'planner@wco.demo'`)
    ).rows[0] as { userId: string; agencyId: string };

    const layouts = [
      { name: `1 of ${OPERATIONS} operations of ${(total / OPERATIONS).toLocaleString('en')}`, add: total / OPERATIONS },
      { name: `1 operation of ${total.toLocaleString('en')}`, add: total - total / OPERATIONS },
    ];
    let started = performance.now();
    for (const other of await cloneOperations(direct, operationId, OPERATIONS - 1)) {
      await generateSeizures(direct, other, total / OPERATIONS, operationId);
    }
    for (const layout of layouts) {
      await generateSeizures(direct, operationId, layout.add);
      print(`${layout.name}: seizures generated (and vacuum analyze) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const includeUnverified of [false, true]) {
        const label = `results, ${layout.name}${includeUnverified ? ', unverified too' : ''}`;
        let answer: Shaped;
        let perRequest: typeof statements = [];
        const ours = async () => {
          statements.length = 0;
          answer = await gql(RESULTS, { id, all: includeUnverified }, token);
          if (answer.errors) throw new Error(JSON.stringify(answer.errors));
          perRequest = [...statements];
          return perRequest.length;
        };
        let expected: ComparableResults | undefined;
        const baseline = async () => {
          expected = await handWrittenResults(direct, operationId, planner, includeUnverified, new Date());
        };
        figures.push(...(await measure(label, rounds, ours, baseline)));
        const got = comparable(answer!);
        if (JSON.stringify(got) !== JSON.stringify(expected))
          throw new Error(`${label}: the API and the hand-written SQL disagree:\n${JSON.stringify(got)}\n${JSON.stringify(expected)}`);
        print(`${label}: ${got.seizures.toLocaleString('en')} counted seizures, the same figures both ways; the API's statements:`);
        for (const statement of perRequest) print(`  - ${statement.text.replace(/\s+/g, ' ').slice(0, 110)}`);
      }
      started = performance.now();
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
  emit(figures);
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
