import pg from 'pg';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import { encodeGlobalId } from '@jointops/server/global-id';
import { resultsChangedBy } from '@jointops/shared/result-events';
import { benchClient, seededDemo } from './bench-client';
import { type Child, pinLoadGenerator, startChild } from './child-process';
import { generateSeizures } from './generated-seizures';
import { benchSize, emit, type Figure, percentile, postgresOrSkip, sortedCopy } from './report';
import { print, scratchPostgres } from './scratch-database';
import { closeSubscribers, type Frame, openSubscribers } from './subscribers';

// Live results under watch (issue 15, item 5): viewers with the room's results open, over the demo
// operation's 13 participating agencies, while a reviewer verifies seizure reports at 5 a second.
// Two ways of keeping their figures fresh, each at two numbers of viewers, on one hub process on
// PostgreSQL (its SQL statements counted by the process itself, serve.ts):
//   - pushed: `operationResultsChanged`, the figures sent by the server, read once per agency and tick;
//   - asked: what the room did before it, each viewer following the events and asking
//     `operationResults` again after those that change results, at most every 2 s.
// The figure that matters is statements per event, which must not grow with the viewers. The
// viewers ask for verified reports only, so that every verification moves the figures they see,
// and each one's last figures must count every verification, or the bench fails.

const SIZES = {
  tiny: { viewers: [13, 26], seconds: 2 },
  small: { viewers: [50, 500], seconds: 10 },
  default: { viewers: [50, 500], seconds: 20 },
};
const RATE = 5;
const ASKED_EVERY_MS = 2_000;
const PARTICIPANTS = ['bn', 'kh', 'id', 'la', 'mm', 'ph', 'th', 'vn', 'bd', 'in', 'mv', 'pk', 'lk'].map(
  (country) => `ncp@customs.${country}.demo`,
);
// What the room's tally, map and headline figures show (web/src/modules/room/panels/room-results.ts).
const FIGURES = `includeUnverified
  totals { alertsRaised alertsAcknowledged alertsOverdue medianMinutesToAcknowledge seizures arrests bonusSeizures }
  byCountryAndCommodity { key countryCode commodity { id code nameEn nameFr } quantity unit seizures }
  byCountry { countryCode alertsRaised seizures }`;
const PUSHED = `subscription($id: ID!) { operationResultsChanged(operationId: $id, includeUnverified: false) { ${FIGURES} } }`;
const ASKED = `query($id: ID!) { operationResults(operationId: $id, includeUnverified: false) { ${FIGURES} } }`;
const EVENTS = 'subscription($id: ID!) { operationEvents(operationId: $id) { type } }';
const VERIFY = 'mutation($i: VerifySeizureInput!) { verifySeizure(input: $i) { __typename ... on Error { message } } }';

type Mode = 'pushed' | 'asked';

interface Measured {
  events: number;
  statementsPerEvent: number;
  cpuPerEventMs: number;
  /** Figures sent (pushed) or answers read (asked), per viewer over the run. */
  updatesPerViewer: number;
  /** From the last verification to each viewer holding figures that count it. */
  freshMs: { p50: number; max: number };
  errors: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seizuresIn = (data: unknown) => (data as { totals: { seizures: number } }).totals.seizures;

async function measure(
  child: Child,
  setting: { mode: Mode; viewers: number; tokens: string[]; operationId: string; reviewer: string; toVerify: string[]; verified: number },
): Promise<Measured> {
  const { gql } = benchClient(child.port, '');
  const { mode, viewers, tokens, operationId } = setting;
  const expected = setting.verified + setting.toVerify.length;
  const latest: number[] = new Array(viewers).fill(-1);
  const freshAt: number[] = new Array(viewers).fill(Number.NaN);
  let updates = 0;
  let errors = 0;
  const asking = new Set<Promise<void>>();
  const timers = new Map<number, { timer: NodeJS.Timeout; again: boolean }>();
  const take = (index: number, seizures: number) => {
    latest[index] = seizures;
    if (seizures === expected && Number.isNaN(freshAt[index]!)) freshAt[index] = performance.now();
  };
  // Asked: a viewer's refresh at most every ASKED_EVERY_MS, the first at once, as lib/results-changes.ts throttled it.
  const ask = (index: number) => {
    const run = () => {
      const request = gql(ASKED, { id: operationId }, tokens[index % tokens.length]).then((answer) => {
        updates += 1;
        if (answer.errors || !answer.data?.operationResults) errors += 1;
        else take(index, seizuresIn(answer.data.operationResults));
      });
      asking.add(request);
      void request.finally(() => asking.delete(request));
      timers.set(index, {
        timer: setTimeout(() => {
          const slot = timers.get(index)!;
          timers.delete(index);
          if (slot.again) ask(index);
        }, ASKED_EVERY_MS),
        again: false,
      });
    };
    const slot = timers.get(index);
    if (slot) slot.again = true;
    else run();
  };
  const onFrame = (frame: Frame) => {
    const data = frame.message.payload?.data as { operationResultsChanged?: unknown; operationEvents?: { type: string } } | undefined;
    if (frame.message.type === 'error' || frame.message.payload?.errors || !data) errors += 1;
    else if (data.operationResultsChanged) {
      updates += 1;
      take(frame.subscriber, seizuresIn(data.operationResultsChanged));
    } else if (data.operationEvents && resultsChangedBy(data.operationEvents.type)) ask(frame.subscriber);
  };
  const subscribers = await openSubscribers({
    url: `ws://127.0.0.1:${child.port}/graphql`,
    count: viewers,
    graphql: {
      token: (index) => tokens[index % tokens.length]!,
      query: mode === 'pushed' ? PUSHED : EVENTS,
      variables: { id: operationId },
    },
    onFrame,
  });
  try {
    // Every room holds its figures before the run: pushed at once, or asked for as the room opens.
    if (mode === 'asked') for (let index = 0; index < viewers; index += 1) ask(index);
    const deadline = performance.now() + 60_000;
    while (latest.some((seizures) => seizures < 0) || asking.size) {
      if (performance.now() > deadline) throw new Error(`${mode}: not every viewer had its first figures in 60 s`);
      await sleep(50);
    }
    await sleep(ASKED_EVERY_MS + 500);
    updates = 0;
    const statementsBefore = Number(await child.control('/statements'));
    const usageBefore = await child.usage();
    const started = performance.now();
    for (const [index, id] of setting.toVerify.entries()) {
      await sleep(Math.max(0, started + (index * 1_000) / RATE - performance.now()));
      const answer = await gql(VERIFY, { i: { seizureId: id } }, setting.reviewer);
      if (answer.data?.verifySeizure?.__typename !== 'Seizure') throw new Error(`verifySeizure failed: ${JSON.stringify(answer)}`);
    }
    const lastVerified = performance.now();
    while (latest.some((seizures) => seizures !== expected) || asking.size || timers.size) {
      if (performance.now() > lastVerified + 120_000)
        throw new Error(`${mode}: viewers' figures still short 120 s after the last verification`);
      await sleep(20);
    }
    await sleep(300);
    const usageAfter = await child.usage();
    const statements = Number(await child.control('/statements')) - statementsBefore;
    const events = setting.toVerify.length;
    const fresh = sortedCopy(freshAt.map((at) => at - lastVerified));
    return {
      events,
      statementsPerEvent: statements / events,
      cpuPerEventMs: (usageAfter.cpuMicros - usageBefore.cpuMicros) / 1_000 / events,
      updatesPerViewer: updates / viewers,
      freshMs: { p50: Math.max(0, percentile(fresh, 50)), max: Math.max(0, fresh.at(-1)!) },
      errors,
    };
  } finally {
    for (const { timer } of timers.values()) clearTimeout(timer);
    await closeSubscribers(subscribers);
  }
}

async function main() {
  const base = postgresOrSkip('live results');
  if (!base) return;
  const { viewers: counts, seconds } = SIZES[benchSize()];
  pinLoadGenerator();
  const scratch = await scratchPostgres(base, 5);
  const settings = {
    WS_MAX_CONNECTIONS_PER_USER: String(Math.ceil(Math.max(...counts) / PARTICIPANTS.length) + 1),
    WS_MAX_PENDING_PER_ADDRESS: String(Math.max(...counts) + 10),
    MUTATION_RATE_PER_MINUTE: '1000000',
    MUTATION_BURST: '1000000',
  };
  const demo = await seededDemo(scratch.database, settings);
  await scratch.database.close();
  const db = new pg.Client({ connectionString: scratch.url });
  await db.connect();
  const child = await startChild('serve.ts', { ...settings, BENCH_DATABASE_URL: scratch.url });
  try {
    const { signIn, demoOperationId } = benchClient(child.port, demo.config.demoPassword);
    const tokens = await Promise.all(PARTICIPANTS.map(signIn));
    const reviewer = await signIn('analyst@wco.demo');
    const operationId = await demoOperationId(tokens[0]!);
    // First with nobody watching: what the verifications cost by themselves.
    const runs = [
      { mode: 'pushed' as const, viewers: 0 },
      ...counts.flatMap((viewers) => (['pushed', 'asked'] as const).map((mode) => ({ mode, viewers }))),
    ];
    const perRun = RATE * seconds;
    // Reports awaiting verification, reported by the operation's contact points: one batch per run.
    const operationUuid = (await db.query<{ id: string }>('select id from operations where code = $1', [DEMO_OPERATION_CODE])).rows[0]!.id;
    await generateSeizures(db, operationUuid, perRun * runs.length * 5);
    const submitted = (
      await db.query<{ id: string }>(`select id from seizures where operation_id = $1 and status = 'SUBMITTED' order by number`, [
        operationUuid,
      ])
    ).rows.map((row) => encodeGlobalId('Seizure', row.id));
    const measured: Record<string, Measured> = {};
    for (const [index, { mode, viewers }] of runs.entries()) {
      const verified = Number(
        (
          await db.query<{ n: number }>(`select count(*)::int as n from seizures where operation_id = $1 and status = 'VERIFIED'`, [
            operationUuid,
          ])
        ).rows[0]!.n,
      );
      const toVerify = submitted.slice(index * perRun, (index + 1) * perRun);
      print(`${mode}, ${viewers} viewers: ${toVerify.length} verifications at ${RATE}/s`);
      measured[`${mode} ${viewers}`] = await measure(child, { mode, viewers, tokens, operationId, reviewer, toVerify, verified });
    }
    const alone = measured['pushed 0']!;
    const figures: Figure[] = [
      {
        bench: 'live results, no viewer',
        figure: 'SQL statements per seizure event (the verification itself)',
        unit: 'statements',
        ours: alone.statementsPerEvent,
      },
      { bench: 'live results, no viewer', figure: 'hub CPU per seizure event', unit: 'ms', ours: alone.cpuPerEventMs },
    ];
    for (const viewers of counts) {
      const pushed = measured[`pushed ${viewers}`]!;
      const asked = measured[`asked ${viewers}`]!;
      const bench = `live results, ${viewers} viewers`;
      const row = (figure: string, unit: string, pick: (m: Measured) => number, goal?: Figure['goal']): Figure => ({
        bench,
        figure,
        unit,
        ours: pick(pushed),
        baseline: pick(asked),
        baselineName: 'each room asking (before)',
        ...(goal ? { goal } : {}),
      });
      figures.push(
        row('SQL statements per seizure event', 'statements', (m) => m.statementsPerEvent),
        row('hub CPU per seizure event', 'ms', (m) => m.cpuPerEventMs),
        row('figures received per viewer', 'updates', (m) => m.updatesPerViewer),
        row('last verification → viewer up to date, p50', 'ms', (m) => m.freshMs.p50),
        row('last verification → viewer up to date, max', 'ms', (m) => m.freshMs.max),
        row('errors', 'frames', (m) => m.errors, { max: 0, on: 'ours' }),
      );
    }
    // The goal: the work per event does not grow with the viewers (ten times as many here).
    const [few, many] = counts.map((viewers) => measured[`pushed ${viewers}`]!);
    const [fewAsked, manyAsked] = counts.map((viewers) => measured[`asked ${viewers}`]!);
    const growth = (figure: string, unit: string, pick: (m: Measured) => number, goal?: Figure['goal']): Figure => ({
      bench: `live results, ${counts[1]} ÷ ${counts[0]} viewers`,
      figure,
      unit,
      ours: pick(many!) / pick(few!),
      baseline: pick(manyAsked!) / pick(fewAsked!),
      baselineName: 'each room asking (before)',
      ...(goal ? { goal } : {}),
    });
    figures.push(
      growth('growth of SQL statements per event', '×', (m) => m.statementsPerEvent, { max: 1.2, on: 'ours' }),
      growth('growth of hub CPU per event', '×', (m) => m.cpuPerEventMs),
    );
    emit(figures);
  } finally {
    await child.stop();
    await db.end();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
