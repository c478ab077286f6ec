import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { startTestApp, type TestApp } from '../testkit/app';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import type { Shaped } from '../testkit/graphql';

// A HIGH alert must be acknowledged within an hour. When the hour passes and an agency has not
// answered, the coordinators and the originator are told — once, whichever process notices, and
// even after a restart.

// The test kit keeps the escalator's own timer out of the way: each test runs it when the clock says so.
const file = fileHandles(it);

const alertInput = (operation: OperationDriver, overrides: Record<string, unknown> = {}) => ({
  operationId: operation.id,
  idempotencyKey: randomUUID(),
  category: 'INTELLIGENCE',
  severity: 'HIGH',
  title: 'Detonators moving by courier towards Tawau',
  marking: 'AMBER',
  distribution: 'ALL_PARTICIPANTS',
  ...overrides,
});

const ROOM = { indonesia: true } as const;

async function overdueEvents(operation: OperationDriver, viewer: Actor) {
  const seen = await operation.view(
    viewer,
    'timeline(first: 500) { edges { node { type ... on AlertOverdueEvent { alert { reference } agency { id } } } } }',
  );
  return seen!.timeline.edges
    .map((edge: { node: Shaped }) => edge.node)
    .filter((event: { type: string }) => event.type === 'ALERT_OVERDUE');
}

describe('a missed acknowledgement deadline', () => {
  it('is escalated once per silent agency, to the coordinators and the originator, and not before it passes', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await operationalRoom(file.kit, ROOM);
    const raised = await file.kit.mutate(malaysia, 'raiseAlert', alertInput(operation));
    expect(raised.result).toMatchObject({ __typename: 'Alert' });
    await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: raised.result!.id });

    file.app.clock.advance({ minutes: 59 });
    expect(await file.app.app.escalator.runOnce()).toBe(0);
    file.app.clock.advance({ minutes: 2 });
    expect(await file.app.app.escalator.runOnce()).toBe(2); // the coordinating agency and Indonesia were silent
    expect(await file.app.app.escalator.runOnce()).toBe(0);

    const forPlanner = await overdueEvents(operation, planner);
    expect(forPlanner.map((event: Shaped) => event.agency.id).sort()).toEqual([planner.agency.globalId, indonesia.agency.globalId].sort());
    expect((await overdueEvents(operation, malaysia)).length).toBe(2);
    // The other recipients are not told about each other's silence.
    expect(await overdueEvents(operation, thailand)).toEqual([]);
    expect(await overdueEvents(operation, indonesia)).toEqual([]);

    const recipients = await operation.view(planner, `alerts(first: 5) { edges { node { recipients { agency { id } overdue } } } }`);
    const overdue = recipients!.alerts.edges[0].node.recipients
      .filter((recipient: Shaped) => recipient.overdue)
      .map((recipient: Shaped) => recipient.agency.id);
    expect(overdue.sort()).toEqual([planner.agency.globalId, indonesia.agency.globalId].sort());
  });

  it('of a RESTRICTED alert reaches only the coordinators whose agency it names', async () => {
    const { operation, planner, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    const raised = await file.kit.mutate(
      malaysia,
      'raiseAlert',
      alertInput(operation, { distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] }),
    );
    expect(raised.result).toMatchObject({ __typename: 'Alert' });
    file.app.clock.advance({ minutes: 61 });
    // The run also takes the story above to its second level (twice its deadline): count this operation's events.
    await file.app.app.escalator.runOnce();
    expect((await overdueEvents(operation, malaysia)).length).toBe(1);
    expect(await overdueEvents(operation, planner)).toEqual([]);
    expect(await overdueEvents(operation, thailand)).toEqual([]);
  });
});

describeWhere(['postgres'], 'escalation with several server processes', () => {
  let shared: TestDatabase;
  let apps: TestApp[];
  beforeAll(async () => {
    shared = await createTestDatabase();
    apps = [];
    for (let i = 0; i < 3; i += 1) apps.push(await startTestApp({ database: shared, clock: apps[0]?.clock }));
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await shared.destroy();
  });

  it('fires exactly once for each missed deadline, however many processes run it at once, and a restarted one adds nothing', async () => {
    const on = operationKit(apps[0]!);
    const { operation, malaysia } = await operationalRoom(on, ROOM);
    for (let i = 0; i < 15; i += 1)
      expect((await on.mutate(malaysia, 'raiseAlert', alertInput(operation))).result).toMatchObject({ __typename: 'Alert' });
    apps[0]!.clock.advance({ minutes: 61 });
    // 15 alerts × 3 silent agencies (coordinating, Thailand, Indonesia).
    const counts = await Promise.all(apps.map((app) => app.app.escalator.runOnce()));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(45);

    const restarted = await startTestApp({ database: shared, clock: apps[0]!.clock });
    expect(await restarted.app.escalator.runOnce()).toBe(0);
    await restarted.stop();
    expect((await overdueEvents(operation, malaysia)).length).toBe(45);
  });
});
