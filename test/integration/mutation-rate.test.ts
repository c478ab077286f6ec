import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { ManualClock } from '../testkit/clock';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';
import { execute, openSocket } from '../testkit/ws';

// Changes per person are rationed: three at once, then one every ten seconds here (the defaults
// are 30 and 60 a minute). A refused change runs nothing, says when to try again, and leaves
// everyone else alone.

const RATE = { MUTATION_RATE_PER_MINUTE: '6', MUTATION_BURST: '3' };
const UPDATE = 'mutation($input: UpdateOperationInput!) { updateOperation(input: $input) { __typename } }';

type Change = { updated: boolean; code?: string; retryAfterSeconds?: unknown };

function change(testApp: TestApp, actor: Actor, operation: OperationDriver, region: string): Promise<Change> {
  return testApp.graphql(UPDATE, { input: { operationId: operation.id, region } }, { token: actor.token }).then((response) => ({
    updated: response.data?.updateOperation?.__typename === 'Operation',
    ...(response.errors
      ? {
          code: response.errors[0]!.extensions?.code,
          retryAfterSeconds: (response.errors[0]!.extensions as Record<string, unknown>).retryAfterSeconds,
        }
      : {}),
  }));
}

const region = async (operation: OperationDriver) => (await operation.view(operation.coordinator, 'region'))!.region as string;

describe('the mutation rate of one process', () => {
  let testApp: TestApp;
  let coordinator: Actor;
  let colleague: Actor;
  let operation: OperationDriver;

  beforeAll(async () => {
    testApp = await startTestApp({ env: RATE });
    const kit = operationKit(testApp);
    coordinator = await kit.actor();
    colleague = await kit.actor(coordinator.agency);
    operation = await kit.operation(coordinator);
    await operation.assign(colleague, 'COORDINATOR');
    // Setting up took from the coordinator's bucket; a minute refills it.
    testApp.clock.advance({ minutes: 1 });
  });
  afterAll(() => testApp.stop());

  it('takes a burst, then refuses with RATE_LIMITED and a retry-after, changing nothing', async () => {
    for (const n of [1, 2, 3]) expect(await change(testApp, coordinator, operation, `Change ${n}`)).toEqual({ updated: true });
    expect(await change(testApp, coordinator, operation, 'One too many')).toEqual({
      updated: false,
      code: 'RATE_LIMITED',
      retryAfterSeconds: 10,
    });
    expect(await region(operation)).toBe('Change 3');

    // Reading is not rationed, and a colleague's changes come from their own bucket.
    expect(await change(testApp, colleague, operation, 'By a colleague')).toEqual({ updated: true });

    // Over the socket too: one bucket per person, whatever the transport.
    const socket = openSocket(testApp.wsUrl, { token: coordinator.token });
    try {
      const refused = await execute(socket, UPDATE, { input: { operationId: operation.id, region: 'Over the socket' } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
    } finally {
      await socket.dispose();
    }
    expect(await region(operation)).toBe('By a colleague');

    testApp.clock.advance({ seconds: 10 });
    expect(await change(testApp, coordinator, operation, 'After waiting')).toEqual({ updated: true });
    expect(await change(testApp, coordinator, operation, 'Too soon again')).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('counts every change of a request, aliases included, and makes none when they do not all fit', async () => {
    testApp.clock.advance({ minutes: 1 });
    const before = await region(operation);
    const four = Array.from(
      { length: 4 },
      (_, n) => `c${n}: updateOperation(input: { operationId: "${operation.id}", region: "Aliased ${n}" }) { __typename }`,
    );
    const refused = await testApp.graphql(`mutation { ${four.join(' ')} }`, {}, { token: coordinator.token });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await region(operation)).toBe(before);

    const three = await testApp.graphql(`mutation { ${four.slice(0, 3).join(' ')} }`, {}, { token: coordinator.token });
    expect(three.errors).toBeUndefined();
    expect(await region(operation)).toBe('Aliased 2');
  });
});

describeWhere(['redis'], 'the mutation rate shared by two processes through Redis', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let coordinator: Actor;
  let operation: OperationDriver;

  beforeAll(async () => {
    database = await createTestDatabase();
    const clock = new ManualClock();
    a = await startTestApp({ database, clock, redis: true, env: RATE });
    b = await startTestApp({ database, clock, redis: true, env: RATE });
    const kit = operationKit(a);
    coordinator = await kit.actor();
    operation = await kit.operation(coordinator);
    clock.advance({ minutes: 1 });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await database.destroy();
  });

  it('is one bucket per person, however their changes are spread, taken from atomically', async () => {
    // Four at once across the two processes: exactly three get through.
    const outcomes = await Promise.all([
      change(a, coordinator, operation, 'A1'),
      change(b, coordinator, operation, 'B1'),
      change(a, coordinator, operation, 'A2'),
      change(b, coordinator, operation, 'B2'),
    ]);
    expect(outcomes.filter((outcome) => outcome.updated)).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome.code === 'RATE_LIMITED')).toHaveLength(1);
    expect(await change(a, coordinator, operation, 'A3')).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
    expect(await change(b, coordinator, operation, 'B3')).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
  });
});
