import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import type { Marking } from '@jointops/shared/domain';
import type { TestApp } from '../testkit/app';
import { environment } from '../testkit/environment';
import type { World, WorldUser } from '../testkit/isolation-model';
import { httpReads, type ReadPlan, type TimelineEvent } from '../testkit/isolation-reads';
import { traceables, Verdicts } from '../testkit/isolation-scan';
import { checkStreams } from '../testkit/isolation-streams';
import { token, worldBuilder, worldPlan, type WorldPlan } from '../testkit/isolation-world';
import { operationKit } from '../testkit/operations';
import { reportFigure } from '../testkit/report';

// Need-to-know as a property. fast-check draws worlds — agencies and their people, operations with
// invitations accepted, declined, left waiting or withdrawn, members of every role (some removed),
// alerts to everyone or to named agencies under every TLP marking, drafts and sent, verified and
// rejected reports, registers of checks — each built through the real API. Then every user reads
// every path (lists, operation by id and by code, node for every id, connections page by page, the
// timeline, the audit trail, the results and their CSV, the live stream over graphql-ws and over
// SSE replayed from an early cursor), and each answer is held against an independent model: no
// user receives what it may not see, and every user receives what it may (an empty server fails).
//
// Replay a failure with JOINTOPS_PROPERTY_SEED=<the printed seed>; JOINTOPS_ISOLATION_WORLDS sets
// how many worlds are drawn.

const seed = Number(process.env.JOINTOPS_PROPERTY_SEED) || Math.floor(Math.random() * 2 ** 31);
// PGlite shares the test's one thread with the server, so fewer worlds keep the file within budget there.
const worlds = Number(process.env.JOINTOPS_ISOLATION_WORLDS) || (environment.databaseUrl ? 20 : 12);

const readPlan: fc.Arbitrary<ReadPlan & { replayFrom: number }> = fc.record({
  pageSize: fc.integer({ min: 1, max: 4 }),
  includeUnverified: fc.boolean(),
  maxMarking: fc.constantFrom<Marking>('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'),
  replayFrom: fc.nat({ max: 10 }),
});

let testApp: TestApp;
const totals = {
  worlds: 0,
  users: 0,
  operations: 0,
  alerts: 0,
  seizures: 0,
  mutations: 0,
  checks: 0,
  scanned: 0,
  requests: 0,
  streams: 0,
  resubscriptions: 0,
};
const paths = new Set<string>();

const it = withApp({ env: { MUTATION_RATE_PER_MINUTE: '100000', MUTATION_BURST: '100000' } });

it.beforeAll(({ app }) => {
  // World building sends a few hundred mutations a minute from a handful of people: far above
  // what a person types, so the per-user mutation budget is raised for this suite.
  testApp = app;
});

/** Runs `task` for every item, a few at a time: the server answers several users at once. */
async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

async function everyReadPath(world: World, verdicts: Verdicts, plan: ReadPlan): Promise<Map<string, TimelineEvent[]>> {
  const reads = httpReads(testApp, verdicts, world);
  const timelines = new Map<string, TimelineEvent[]>();
  await inParallel(world.users, 3, async (viewer: WorldUser) => {
    await reads.lists(viewer, plan);
    await reads.nodes(viewer);
    for (const operation of world.operations) {
      await reads.operation(viewer, operation, plan);
      await reads.alertsAndSeizures(viewer, operation, plan);
      timelines.set(`${viewer.id}:${operation.id}`, await reads.history(viewer, operation, plan));
    }
  });
  return timelines;
}

describe('need-to-know, as a property of generated worlds', () => {
  it('gives no user anything it may not see, and every user everything it may, on every read path', async () => {
    const started = performance.now();
    const builder = worldBuilder(testApp);
    const kit = operationKit(testApp);
    reportFigure(`isolation property: seed ${seed}, ${worlds} worlds (replay with JOINTOPS_PROPERTY_SEED=${seed})`);

    await fc.assert(
      fc.asyncProperty(worldPlan, readPlan, async (plan: WorldPlan, reading) => {
        const world = await builder.build(plan);
        const verdicts = new Verdicts(traceables(world));
        const timelines = await everyReadPath(world, verdicts, reading);
        const streamed = await checkStreams(testApp, world, verdicts, timelines, reading.replayFrom, async (operation, planner) => {
          const { result } = await kit.mutate(planner, 'updateOperation', {
            operationId: operation.globalId,
            name: `Operation ${token()}`,
          });
          if (result?.__typename !== 'Operation') throw new Error(`the planner's edit failed: ${JSON.stringify(result)}`);
        });
        verdicts.assertClean();
        totals.worlds += 1;
        totals.users += world.users.length;
        totals.operations += world.operations.length;
        totals.alerts += world.operations.reduce((sum, operation) => sum + operation.alerts.length, 0);
        totals.seizures += world.operations.reduce((sum, operation) => sum + operation.seizures.length, 0);
        totals.checks += verdicts.checks;
        totals.scanned += verdicts.scanned;
        totals.requests += verdicts.requests;
        totals.streams += streamed.streams;
        totals.resubscriptions += streamed.resubscriptions;
        for (const path of verdicts.byPath.keys()) paths.add(path.replace(/ \(scan\)$/, ''));
      }),
      // Shrinking builds a world per step: it is cut short after four minutes with the smallest failing world found by then.
      { seed, numRuns: worlds, interruptAfterTimeLimit: 240_000, markInterruptAsFailure: true },
    );

    totals.mutations = builder.mutations;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    reportFigure(
      `isolation property: ${totals.worlds} worlds, ${totals.users} users, ${totals.operations} operations, ${totals.alerts} alerts, ${totals.seizures} seizure reports,`,
      `${totals.mutations} mutations to build them; ${totals.checks} checks over ${paths.size} read paths (${totals.requests} HTTP reads, ${totals.streams} streams`,
      `with ${totals.resubscriptions} resubscriptions, ${totals.scanned} answers scanned whole); leaks found: 0; ${seconds} s`,
    );
    reportFigure(`isolation property read paths: ${[...paths].sort().join('; ')}`);
    expect(totals.worlds).toBe(worlds);
  }, 300_000);
});
