import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import { openBrowser, signIn } from '../testkit/browser';
import { ensureWebBuilt } from '../testkit/web-build';
import { seededDemo } from './bench-client';
import { generateSeizures } from './generated-seizures';
import { benchSize, emit, percentile, sortedCopy, type Figure } from './report';
import { print, scratchPostgres } from './scratch-database';

// The results page's time to usable, in Chromium against the real server and web build: from the
// address typed (the person already signed in, in a browser of their own, nothing of the page in
// its cache) to the headline figures and the first table on screen. First on the demo operation
// as seeded, then with SEIZURES more seizure reports generated into it straight in the database
// (generated-seizures.ts). On PostgreSQL only: a scratch database is made beside DATABASE_URL.
// The browser suite results-report.e2e.test.ts prints the same figure for its small operation in CI.

const SEIZURES = Number(process.env.BENCH_SEIZURES ?? (benchSize() === 'tiny' ? 1_000 : 100_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Milliseconds from the results page's address to its figures and first table, in a fresh browser, once per round. */
async function timesToUsable(baseUrl: string, password: string): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const person = await openBrowser(baseUrl);
    try {
      await person.page.goto(baseUrl);
      await signIn(person.page, 'planner@wco.demo', password);
      const started = performance.now();
      await person.page.goto(`${baseUrl}/operations/${DEMO_OPERATION_CODE}/results`);
      // By their classes: the planner reads the page in French.
      await person.page.locator('.results-figure dd').first().waitFor({ timeout: 120_000 });
      await person.page.locator('.results-section table').first().waitFor({ timeout: 120_000 });
      times.push(performance.now() - started);
    } finally {
      await person.close();
    }
  }
  return times;
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('This bench needs DATABASE_URL (PostgreSQL): a scratch database is made beside it.');
  const { url, database, drop } = await scratchPostgres(base, 10);
  const direct = new pg.Client({ connectionString: url });
  const figures: Figure[] = [];
  try {
    const demo = await seededDemo(database, { WEB_DIST_DIR: ensureWebBuilt() });
    await direct.connect();
    const server = await demo.start();
    const baseUrl = `http://127.0.0.1:${server.port}`;
    // The port is known once the server listens: the page's own origin is allowed from then on.
    demo.config.allowedOrigins.push(baseUrl);
    const counted = async () =>
      Number(
        (
          await direct.query('select count(*) from seizures s join operations o on o.id = s.operation_id where o.code = $1', [
            DEMO_OPERATION_CODE,
          ])
        ).rows[0].count,
      );
    try {
      for (const step of ['demo', 'generated'] as const) {
        if (step === 'generated') {
          const operationId = (await direct.query('select id from operations where code = $1', [DEMO_OPERATION_CODE])).rows[0].id as string;
          const started = performance.now();
          await generateSeizures(direct, operationId, SEIZURES);
          print(`generated ${SEIZURES.toLocaleString('en')} seizures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
        const seizures = await counted();
        const times = sortedCopy(await timesToUsable(baseUrl, demo.config.demoPassword));
        print(
          `results page usable, ${seizures.toLocaleString('en')} seizure reports in the operation: ${times.map((time) => time.toFixed(0)).join(', ')} ms (${ROUNDS} fresh browsers)`,
        );
        figures.push({
          bench: 'results page',
          figure: `time to usable, ${seizures.toLocaleString('en')} seizures (median of ${ROUNDS})`,
          unit: 'ms',
          ours: percentile(times, 50),
        });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await direct.end().catch(() => undefined);
    await database.close();
    await drop();
  }
  emit(figures);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
