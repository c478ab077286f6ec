import { Kind, parse, print as printDocument, visit } from 'graphql';
import pg from 'pg';
import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import { encodeGlobalId } from '@jointops/server/global-id';
import { resultsChangedBy } from '@jointops/shared/result-events';
import { benchClient, seededDemo } from './bench-client';
import { type Child, pinLoadGenerator, startChild } from './child-process';
import { databaseCpuSince } from './database-cpu';
import { generateSeizures } from './generated-seizures';
import { benchSize, emit, type Figure, percentile, postgresOrSkip, sortedCopy } from './report';
import { print, scratchPostgres } from './scratch-database';
import { closeSubscribers, type Frame, openSubscribers } from './subscribers';
import { webDocuments } from '../testkit/web-documents';

// Live results under watch (issue 15, item 5): viewers with the room's results open, over the demo
// operation's 13 participating agencies, while a reviewer verifies seizure reports at 5 a second.
// Two ways of keeping their figures fresh, each at two numbers of viewers, on one hub process on
// PostgreSQL (its SQL statements counted by the process itself, serve.ts):
//   - pushed: `operationResultsChanged`, the figures sent by the server, read once per agency and tick;
//   - asked: what the room did before it, each viewer following the events and asking
//     `operationResults` again after those that change results, at most every 2 s.
// The figure that matters is statements per event, which must not grow with the viewers. The
// viewers ask for verified reports only, so that every verification moves the figures they see.
// Pushed, each viewer's last figures must count every verification or the bench fails; asked, the
// viewers left behind (their last question stopped by an overwhelmed hub) are counted.

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
/**
 * The room's own document (web/src/modules/room/panels/room-results.ts: its tally, map and headline
 * figures), as the browser sends it, counting verified reports only: the room counts those
 * awaiting verification too, which a verification would not move.
 */
function roomDocument(name: 'RoomResultsLive' | 'RoomResults'): string {
  const document = webDocuments().find((found) => found.name === name);
  if (!document) throw new Error(`${name} is not among the web app's documents`);
  return printDocument(
    visit(parse(document.query), {
      Argument: (node) => (node.name.value === 'includeUnverified' ? { ...node, value: { kind: Kind.BOOLEAN, value: false } } : undefined),
      // gql.tada keeps its own directive in the browser.
      Directive: (node) => (node.name.value === '_unmask' ? null : undefined),
    }),
  );
}
const PUSHED = roomDocument('RoomResultsLive');
const ASKED = roomDocument('RoomResults');
const EVENTS = 'subscription($id: ID!) { operationEvents(operationId: $id) { type } }';
const VERIFY = 'mutation($i: VerifySeizureInput!) { verifySeizure(input: $i) { __typename ... on Error { message } } }';

type Mode = 'pushed' | 'asked';

interface Measured {
  events: number;
  statementsPerEvent: number;
  cpuPerEventMs: number;
  /** What PostgreSQL's processes spent per event, ms (null without /proc). */
  databaseCpuPerEventMs: number | null;
  /** Figures sent (pushed) or answers read (asked), per viewer over the run. */
  updatesPerViewer: number;
  /** The size of the last figures pushed (0 when asked: they come over HTTP). */
  frameBytes: number;
  /** Viewers whose socket the hub closed during the run. */
  dropped: number;
  /** Viewers left with figures that miss verifications once nothing moves any more. */
  stale: number;
  /** From the first verification sent to the last answered: 10 s at 5 a second if the hub keeps up. */
  verifyingSeconds: number;
  /** From the last verification to each viewer holding figures that count it; null if none came to. */
  freshMs: { p50: number | null; max: number | null };
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
  let firstError: unknown;
  let frameBytes = 0;
  // Asked: each viewer asks again at most every ASKED_EVERY_MS (the first at once), as the room's
  // throttle did, and never while its last question is unanswered (urql sends a query once while
  // it is in flight): events meanwhile make one more question when both allow.
  const viewersState = Array.from({ length: viewers }, () => ({ asking: false, cooling: null as NodeJS.Timeout | null, again: false }));
  const take = (index: number, seizures: number) => {
    latest[index] = seizures;
    if (seizures === expected && Number.isNaN(freshAt[index]!)) freshAt[index] = performance.now();
  };
  const ask = (index: number) => {
    const state = viewersState[index]!;
    if (state.asking || state.cooling) {
      state.again = true;
      return;
    }
    state.asking = true;
    state.again = false;
    state.cooling = setTimeout(() => {
      state.cooling = null;
      if (state.again && !state.asking) ask(index);
    }, ASKED_EVERY_MS);
    const answered = (seizures: number | null, problem?: unknown) => {
      updates += 1;
      state.asking = false;
      if (seizures === null) {
        errors += 1;
        firstError ??= problem;
      } else take(index, seizures);
      if (state.again && !state.cooling) ask(index);
    };
    gql(ASKED, { operationId }, tokens[index % tokens.length]).then(
      (answer) =>
        answer.errors || !answer.data?.operationResults ? answered(null, answer) : answered(seizuresIn(answer.data.operationResults)),
      (error: unknown) => answered(null, String(error)),
    );
  };
  const busy = () => viewersState.some((state) => state.asking || state.cooling);
  const onFrame = (frame: Frame) => {
    const data = frame.message.payload?.data as { operationResultsChanged?: unknown; operationEvents?: { type: string } } | undefined;
    if (frame.message.type === 'error' || frame.message.payload?.errors || !data) {
      errors += 1;
      firstError ??= frame.message;
    } else if (data.operationResultsChanged) {
      updates += 1;
      frameBytes = frame.bytes;
      take(frame.subscriber, seizuresIn(data.operationResultsChanged));
    } else if (data.operationEvents && resultsChangedBy(data.operationEvents.type)) ask(frame.subscriber);
  };
  const subscribers = await openSubscribers({
    url: `ws://127.0.0.1:${child.port}/graphql`,
    count: viewers,
    graphql: {
      token: (index) => tokens[index % tokens.length]!,
      query: mode === 'pushed' ? PUSHED : EVENTS,
      variables: mode === 'pushed' ? { operationId } : { id: operationId },
    },
    onFrame,
  });
  // A socket the hub closes (a reader too slow for it) is counted, and no longer waited for.
  const dropped = new Set<number>();
  for (const { index, socket } of subscribers) socket.once('close', () => dropped.add(index));
  const waitingFor = (ready: (seizures: number) => boolean) => latest.some((seizures, index) => !ready(seizures) && !dropped.has(index));
  try {
    // Every room holds its figures before the run: pushed at once, or asked for as the room opens.
    if (mode === 'asked') for (let index = 0; index < viewers; index += 1) ask(index);
    const opened = performance.now();
    // A room whose first question failed (500 opening at once) is retried, as its reader would.
    while (waitingFor((seizures) => seizures >= 0) || busy()) {
      if (performance.now() > opened + 300_000 || (mode === 'pushed' && errors)) {
        const holding = latest.filter((seizures) => seizures >= 0).length;
        throw new Error(
          `${mode}: ${holding} of ${viewers} viewers had their first figures after ${((performance.now() - opened) / 1_000).toFixed(0)} s, ${errors} errors, the first: ${JSON.stringify(firstError)}`,
        );
      }
      if (mode === 'asked') for (const [index, seizures] of latest.entries()) if (seizures < 0 && !viewersState[index]!.asking) ask(index);
      await sleep(50);
    }
    errors = 0;
    print(`  every viewer had its first figures in ${(performance.now() - opened).toFixed(0)} ms`);
    await sleep(ASKED_EVERY_MS + 500);
    updates = 0;
    const statementsBefore = Number(await child.control('/statements'));
    const usageBefore = await child.usage();
    const databaseSpent = databaseCpuSince();
    const started = performance.now();
    // At 5 a second whatever the answers take (an open loop): a slow hub makes the reviewer wait,
    // it does not slow the events down.
    const verifications: Promise<void>[] = [];
    for (const [index, id] of setting.toVerify.entries()) {
      await sleep(Math.max(0, started + (index * 1_000) / RATE - performance.now()));
      verifications.push(
        gql(VERIFY, { i: { seizureId: id } }, setting.reviewer).then((answer) => {
          if (answer.data?.verifySeizure?.__typename !== 'Seizure') throw new Error(`verifySeizure failed: ${JSON.stringify(answer)}`);
        }),
      );
    }
    await Promise.all(verifications);
    const lastVerified = performance.now();
    const verifyingSeconds = (lastVerified - started) / 1_000;
    // Pushed, every viewer must come up to date. Asked, a viewer whose last question failed (the
    // hub stopped it past its time budget) keeps what it had until the next event, as the room
    // did: the run ends once nobody has asked anything for 3 s, and those left behind are counted.
    let quietSince = performance.now();
    while (waitingFor((seizures) => seizures === expected) || busy()) {
      const now = performance.now();
      if (busy()) quietSince = now;
      else if (mode === 'asked' && now - quietSince > 3_000) break;
      if (now > lastVerified + 300_000)
        throw new Error(
          `${mode}: ${latest.filter((seizures) => seizures !== expected).length} viewers' figures still short 300 s after the last verification, ${errors} errors, the first: ${JSON.stringify(firstError)}`,
        );
      await sleep(20);
    }
    await sleep(300);
    const usageAfter = await child.usage();
    // µs per thousandth of an event: ms per event.
    const databaseCpuPerEventMs = databaseSpent(setting.toVerify.length * 1_000);
    const statements = Number(await child.control('/statements')) - statementsBefore;
    const events = setting.toVerify.length;
    const fresh = sortedCopy(freshAt.filter((at) => !Number.isNaN(at)).map((at) => at - lastVerified));
    return {
      events,
      statementsPerEvent: statements / events,
      cpuPerEventMs: (usageAfter.cpuMicros - usageBefore.cpuMicros) / 1_000 / events,
      databaseCpuPerEventMs,
      updatesPerViewer: updates / viewers,
      frameBytes,
      dropped: dropped.size,
      stale: latest.filter((seizures, index) => seizures !== expected && !dropped.has(index)).length,
      verifyingSeconds,
      freshMs: fresh.length ? { p50: Math.max(0, percentile(fresh, 50)), max: Math.max(0, fresh.at(-1)!) } : { p50: null, max: null },
      errors,
    };
  } finally {
    for (const { cooling } of viewersState) if (cooling) clearTimeout(cooling);
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
      { bench: 'live results, no viewer', figure: 'database CPU per seizure event', unit: 'ms', ours: alone.databaseCpuPerEventMs },
    ];
    for (const viewers of counts) {
      const pushed = measured[`pushed ${viewers}`]!;
      const asked = measured[`asked ${viewers}`]!;
      const bench = `live results, ${viewers} viewers`;
      const row = (figure: string, unit: string, pick: (m: Measured) => number | null, goal?: Figure['goal']): Figure => ({
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
        row('database CPU per seizure event', 'ms', (m) => m.databaseCpuPerEventMs),
        row('figures received per viewer', 'updates', (m) => m.updatesPerViewer),
        row(`${RATE * seconds} verifications sent at ${RATE}/s: the last answered after`, 's', (m) => m.verifyingSeconds),
        row('last verification → viewer up to date, p50', 'ms', (m) => m.freshMs.p50),
        row('last verification → viewer up to date, max', 'ms', (m) => m.freshMs.max),
        row('errors (frames pushed, or answers asked)', 'errors', (m) => m.errors, { max: 0, on: 'ours' }),
        row('viewers whose socket the hub closed', 'viewers', (m) => m.dropped, { max: 0, on: 'ours' }),
        row('viewers left with figures missing verifications', 'viewers', (m) => m.stale, { max: 0, on: 'ours' }),
        row('figures frame size', 'bytes', (m) => m.frameBytes),
      );
    }
    // The goal: the work per event does not grow with the viewers (ten times as many here).
    const [few, many] = counts.map((viewers) => measured[`pushed ${viewers}`]!);
    const [fewAsked, manyAsked] = counts.map((viewers) => measured[`asked ${viewers}`]!);
    const ratio = (of: number | null, to: number | null) => (of === null || to === null ? null : of / to);
    const growth = (figure: string, unit: string, pick: (m: Measured) => number | null, goal?: Figure['goal']): Figure => ({
      bench: `live results, ${counts[1]} ÷ ${counts[0]} viewers`,
      figure,
      unit,
      ours: ratio(pick(many!), pick(few!)),
      baseline: ratio(pick(manyAsked!), pick(fewAsked!)),
      baselineName: 'each room asking (before)',
      ...(goal ? { goal } : {}),
    });
    figures.push(
      growth('growth of SQL statements per event', '×', (m) => m.statementsPerEvent, { max: 1.2, on: 'ours' }),
      growth('growth of hub CPU per event', '×', (m) => m.cpuPerEventMs),
      growth('growth of database CPU per event', '×', (m) => m.databaseCpuPerEventMs),
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
