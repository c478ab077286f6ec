import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seededDemo } from './bench-client';
import { print, scratchPostgres } from './scratch-database';
import { QUANTITY_UNITS } from '@jointops/shared/domain';
import { UNIT_DIMENSION } from '@jointops/shared/seizures';
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

async function generateSeizures(db: pg.Client, operationId: string): Promise<void> {
  const units = QUANTITY_UNITS.map((unit) => `('${unit}', '${UNIT_DIMENSION[unit]}')`).join(', ');
  const dimension = `case c.default_unit ${QUANTITY_UNITS.map((unit) => `when '${unit}' then '${UNIT_DIMENSION[unit]}'`).join(' ')} end`;
  await db.query(
    `with reporter as (
       select m.user_id, m.agency_id, a.country_code from operation_members m join agencies a on a.id = m.agency_id
       where m.operation_id = $1 and m.role = 'CONTACT_POINT' and m.removed_at is null order by m.assigned_at limit 13),
     reporters as (select row_number() over () - 1 as k, * from reporter),
     combos as (select row_number() over (order by c.code, u.unit) - 1 as k, c.id as commodity_id, u.unit
       from commodities c join (values ${units}) u(unit, dimension) on u.dimension = ${dimension}),
     start as (select coalesce(max(number), 0) as n from seizures where operation_id = $1)
     insert into seizures (operation_id, number, reference, idempotency_key, content_hash, status, reporting_agency_id, reported_by,
       reported_at, submitted_at, updated_at, seized_at, country_code, place, location_type, commodity_id, commodity_description,
       quantity, unit, detection_method, transport_mode, arrests, rejection_reason)
     select $1, start.n + g, 'BENCH/S-' || g, 'bench-' || g, 'bench',
       (case when g % 10 < 7 then 'VERIFIED' when g % 10 < 9 then 'SUBMITTED' else 'REJECTED' end)::seizure_status,
       r.agency_id, r.user_id, now(), now(), now(), now() - (g % 20000) * interval '1 minute', coalesce(r.country_code, 'MY'),
       'Generated', 'SEAPORT', case when g % 20 = 0 then null else c.commodity_id end, case when g % 20 = 0 then 'Generated other goods' end,
       1 + g % 500, c.unit::quantity_unit, (enum_range(null::detection_method))[1 + g % 10], (enum_range(null::transport_mode))[1 + g % 8],
       g % 3, case when g % 10 = 9 then 'Generated' end
     from generate_series(1, $2::int) g, start
     join combos c on true join reporters r on true
     where c.k = g % (select count(*) from combos) and r.k = g % (select count(*) from reporters)`,
    [operationId, SEIZURES],
  );
  await db.query('vacuum analyze seizures');
}

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
    await generateSeizures(direct, operationId);
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
