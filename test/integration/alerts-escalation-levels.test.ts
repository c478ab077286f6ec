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
import { openSocket, subscribe } from '../testkit/ws';
import { appendEvent } from '@jointops/server/journal/events.repo';
import { uuidFromGlobalId } from '@jointops/server/global-id';

// An overdue event says when its deadline passed and when the server noticed, which differ when no
// server ran at the deadline. A recipient still silent at twice its deadline (the operation's
// factor) is escalated once more, to the coordinating agency and to the silent agency itself:
// once, whichever process notices, never after an acknowledgement, and to no one else.

const file = fileHandles(it);
const MINUTE = 60_000;
const ROOM = { indonesia: true } as const;
const OVERDUE = 'type ... on AlertOverdueEvent { level dueAt detectedAt occurredAt alert { id reference } agency { id } }';

type Overdue = { level: number; dueAt: string; detectedAt: string; occurredAt: string; alert: { id: string }; agency: { id: string } };

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

async function raise(by: Actor, operation: OperationDriver, overrides: Record<string, unknown> = {}): Promise<Shaped> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', alertInput(operation, overrides));
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return result;
}

async function overdueEvents(operation: OperationDriver, viewer: Actor, level?: number): Promise<Overdue[]> {
  const seen = await operation.view(viewer, `timeline(first: 500) { edges { node { ${OVERDUE} } } }`);
  return seen!.timeline.edges
    .map((edge: { node: Shaped }) => edge.node)
    .filter((event: Shaped) => event.type === 'ALERT_OVERDUE' && (level === undefined || event.level === level));
}

const escalate = () => file.app.app.escalator.runOnce();
const at = (base: string, minutes: number) => new Date(new Date(base).getTime() + minutes * MINUTE).toISOString();
const factorOf = async (operation: OperationDriver) => (await operation.view(operation.coordinator, 'coordinatorEscalationFactor'))!;

describe('an overdue event', () => {
  it('carries the moment its deadline passed and the moment it was noticed; occurredAt is the latter', async () => {
    const { operation, planner, malaysia } = await operationalRoom(file.kit, ROOM);
    const alert = await raise(malaysia, operation);
    file.app.clock.advance({ minutes: 75 });
    const noticed = file.app.clock.now().toISOString();
    await escalate();

    const events = await overdueEvents(operation, planner);
    expect(events.length).toBe(3);
    for (const event of events) {
      expect(event).toMatchObject({ level: 1, dueAt: at(alert.raisedAt, 60), detectedAt: noticed, occurredAt: noticed });
    }
  });

  it('of a backlog (deadlines that passed at different times while no server ran) carries each its own deadline, in the order they passed', async () => {
    const { operation, planner, malaysia } = await operationalRoom(file.kit, ROOM);
    const critical = await raise(malaysia, operation, { severity: 'CRITICAL' });
    file.app.clock.advance({ minutes: 5 });
    const high = await raise(malaysia, operation, { severity: 'HIGH' });
    file.app.clock.advance({ minutes: 5 });
    const medium = await raise(malaysia, operation, { severity: 'MEDIUM' });
    file.app.clock.advance({ hours: 10 });
    const noticed = file.app.clock.now().toISOString();
    await escalate();

    const events = await overdueEvents(operation, planner);
    const deadlines = new Map([
      [critical.id, critical.raisedAt],
      [high.id, high.raisedAt],
      [medium.id, medium.raisedAt],
    ]);
    const minutes = new Map([
      [critical.id, 15],
      [high.id, 60],
      [medium.id, 240],
    ]);
    // Three alerts, three silent agencies each, both levels (twice the deadline passed too).
    expect(events.length).toBe(18);
    for (const event of events) {
      const due = at(deadlines.get(event.alert.id)!, minutes.get(event.alert.id)! * event.level);
      expect(event).toMatchObject({ dueAt: due, detectedAt: noticed, occurredAt: noticed });
    }
    // The timeline is in the order of the log; the escalator wrote them in the order their deadlines passed.
    const dueTimes = events.map((event) => event.dueAt);
    expect(dueTimes).toEqual([...dueTimes].sort());
  });

  it('written before events carried their moments reads as level 1, due at the recipient deadline, noticed when recorded', async () => {
    const { operation, planner, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    const alert = await raise(malaysia, operation);
    file.app.clock.advance({ minutes: 70 });
    const recorded = file.app.clock.now();
    // The shape such an event has in a log kept from before: its alert and agency, nothing more.
    await file.app.database.db.transaction((tx) =>
      appendEvent(tx, {
        operationId: uuidFromGlobalId(operation.id, 'Operation')!,
        type: 'ALERT_OVERDUE',
        occurredAt: recorded,
        actorUserId: null,
        audienceAgencyIds: null,
        data: { alertId: uuidFromGlobalId(alert.id, 'Alert')!, agencyId: thailand.agency.id },
      }),
    );
    expect(await overdueEvents(operation, planner)).toEqual([
      expect.objectContaining({
        level: 1,
        agency: { id: thailand.agency.globalId },
        dueAt: at(alert.raisedAt, 60),
        detectedAt: recorded.toISOString(),
        occurredAt: recorded.toISOString(),
      }),
    ]);
  });
});

describe('the second level', () => {
  it('fires once at twice the deadline, to the coordinating agency and the silent agency only: timeline, live stream and replay', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await operationalRoom(file.kit, ROOM);
    const alert = await raise(malaysia, operation);
    expect((await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: alert.id })).result).toMatchObject({ __typename: 'Alert' });
    file.app.clock.advance({ minutes: 61 });
    await escalate();
    const before = (await operation.view(planner, 'timeline(first: 500) { edges { cursor } }'))!.timeline.edges.at(-1).cursor as string;

    const live = (actor: Actor, after: string) => {
      const socket = openSocket(file.app.wsUrl, { token: actor.token });
      file.sockets.push(socket);
      return subscribe<{ operationEvents: Shaped }>(
        socket,
        `subscription($operationId: ID!, $after: String) { operationEvents(operationId: $operationId, after: $after) { ${OVERDUE} } }`,
        { operationId: operation.id, after },
      );
    };
    const streams = new Map([planner, malaysia, thailand, indonesia].map((actor) => [actor, live(actor, before)]));

    file.app.clock.advance({ minutes: 58 });
    await escalate();
    expect(await overdueEvents(operation, planner, 2)).toEqual([]);
    file.app.clock.advance({ minutes: 2 });
    await escalate();
    await escalate();
    // A change everyone sees closes what each stream is waiting for.
    expect((await file.kit.mutate(planner, 'updateOperation', { operationId: operation.id, region: 'Sulu Sea' })).result).toMatchObject({
      __typename: 'Operation',
    });

    const level2 = (events: Shaped[]) =>
      events
        .filter((event) => event.type === 'ALERT_OVERDUE' && event.level === 2)
        .map((event) => event.agency.id)
        .sort();
    const silent = [planner.agency.globalId, indonesia.agency.globalId].sort();
    expect(level2(await overdueEvents(operation, planner))).toEqual(silent);
    expect((await overdueEvents(operation, planner, 2))[0]).toMatchObject({ alert: { id: alert.id }, dueAt: at(alert.raisedAt, 120) });
    expect(level2(await overdueEvents(operation, indonesia))).toEqual([indonesia.agency.globalId]);
    expect(await overdueEvents(operation, malaysia, 2)).toEqual([]);
    expect(await overdueEvents(operation, thailand)).toEqual([]);

    const replays = new Map([planner, malaysia, thailand, indonesia].map((actor) => [actor, live(actor, before)]));
    for (const [actor, stream] of [...streams, ...replays]) {
      await stream.until((s) => s.received.some(({ operationEvents }) => operationEvents.type === 'OPERATION_UPDATED'));
      const received = level2(stream.received.map(({ operationEvents }) => operationEvents));
      const expected = actor === planner ? silent : actor === indonesia ? [indonesia.agency.globalId] : [];
      expect(received).toEqual(expected);
    }
  });

  it('of a RESTRICTED alert does not reach a coordinating agency it does not name', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await operationalRoom(file.kit, ROOM);
    await raise(malaysia, operation, { distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] });
    file.app.clock.advance({ minutes: 121 });
    await escalate();
    expect((await overdueEvents(operation, thailand, 2)).map((event) => event.agency.id)).toEqual([thailand.agency.globalId]);
    for (const outside of [planner, malaysia, indonesia]) expect(await overdueEvents(operation, outside, 2)).toEqual([]);
  });

  it('does not fire for an agency that acknowledged after the first level', async () => {
    const { operation, planner, thailand, malaysia } = await operationalRoom(file.kit, ROOM);
    const alert = await raise(malaysia, operation);
    file.app.clock.advance({ minutes: 61 });
    await escalate();
    expect((await overdueEvents(operation, planner, 1)).length).toBe(3);
    file.app.clock.advance({ minutes: 30 });
    expect((await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: alert.id })).result).toMatchObject({ __typename: 'Alert' });
    file.app.clock.advance({ minutes: 30 });
    await escalate();
    const second = (await overdueEvents(operation, planner, 2)).map((event) => event.agency.id);
    expect(second.length).toBe(2);
    expect(second).not.toContain(thailand.agency.globalId);
  });

  it('follows the operation: another factor moves it, null switches it off', async () => {
    const { operation, planner, malaysia } = await operationalRoom(file.kit, ROOM);
    expect(await factorOf(operation)).toEqual({ coordinatorEscalationFactor: 2 });
    const update = (factor: number | null) =>
      file.kit.mutate(planner, 'updateOperation', { operationId: operation.id, coordinatorEscalationFactor: factor });
    expect((await update(3)).result).toMatchObject({ __typename: 'Operation' });
    expect(await factorOf(operation)).toEqual({ coordinatorEscalationFactor: 3 });
    const alert = await raise(malaysia, operation);
    file.app.clock.advance({ minutes: 121 });
    await escalate();
    expect(await overdueEvents(operation, planner, 2)).toEqual([]);
    file.app.clock.advance({ minutes: 60 });
    await escalate();
    expect((await overdueEvents(operation, planner, 2)).map((event) => event.dueAt)).toEqual(Array(3).fill(at(alert.raisedAt, 180)));

    expect((await update(null)).result).toMatchObject({ __typename: 'Operation' });
    expect(await factorOf(operation)).toEqual({ coordinatorEscalationFactor: null });
    await raise(malaysia, operation);
    file.app.clock.advance({ hours: 5 });
    await escalate();
    expect((await overdueEvents(operation, planner, 1)).length).toBe(6);
    expect((await overdueEvents(operation, planner, 2)).length).toBe(3);
  });

  it('refuses a factor below twice the deadline, above ten times, and changes nothing', async () => {
    const { operation, planner } = await operationalRoom(file.kit, ROOM);
    const before = { state: await operation.state(), factor: await factorOf(operation) };
    for (const factor of [1, 0, -2, 11]) {
      const updated = await file.kit.mutate(planner, 'updateOperation', { operationId: operation.id, coordinatorEscalationFactor: factor });
      expect(updated.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['coordinatorEscalationFactor'] }] });
      const input = await file.kit.operationInput(planner, { coordinatorEscalationFactor: factor });
      const created = await file.kit.mutate(planner, 'createOperation', input);
      expect(created.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['coordinatorEscalationFactor'] }] });
      const lookup = await file.kit.graphql<{ operations: { edges: unknown[] } }>(
        'query($search: String) { operations(first: 5, search: $search) { edges { node { id } } } }',
        { search: input.code },
        { token: planner.token },
      );
      expect(lookup.data!.operations.edges).toEqual([]);
    }
    expect({ state: await operation.state(), factor: await factorOf(operation) }).toEqual(before);
  });

  it('is set when the operation is created: left out it is 2, null is off', async () => {
    const planner = await file.kit.actor();
    const byDefault = await file.kit.operation(planner);
    expect(await factorOf(byDefault)).toEqual({ coordinatorEscalationFactor: 2 });
    const off = await file.kit.operation(planner, { coordinatorEscalationFactor: null });
    expect(await factorOf(off)).toEqual({ coordinatorEscalationFactor: null });
    const five = await file.kit.operation(planner, { coordinatorEscalationFactor: 5 });
    expect(await factorOf(five)).toEqual({ coordinatorEscalationFactor: 5 });
  });
});

describeWhere(['postgres'], 'the second level with several server processes', () => {
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

  it('fires exactly once for each silent agency, however many processes race for it', async () => {
    const on = operationKit(apps[0]!);
    const { operation, planner, malaysia } = await operationalRoom(on, ROOM);
    for (let i = 0; i < 10; i += 1)
      expect((await on.mutate(malaysia, 'raiseAlert', alertInput(operation))).result).toMatchObject({ __typename: 'Alert' });
    const race = async () => (await Promise.all(apps.map((app) => app.app.escalator.runOnce()))).reduce((sum, count) => sum + count, 0);
    apps[0]!.clock.advance({ minutes: 61 });
    // 10 alerts × 3 silent agencies (coordinating, Thailand, Indonesia), first level.
    expect(await race()).toBe(30);
    apps[0]!.clock.advance({ minutes: 60 });
    expect(await race()).toBe(30);
    expect(await race()).toBe(0);
    const seen = await operation.view(planner, `timeline(first: 500) { edges { node { ${OVERDUE} } } }`);
    const second = seen!.timeline.edges.filter((edge: { node: Shaped }) => edge.node.type === 'ALERT_OVERDUE' && edge.node.level === 2);
    const keys = second.map((edge: { node: Overdue }) => `${edge.node.alert.id} ${edge.node.agency.id}`);
    expect(new Set(keys).size).toBe(30);
    expect(keys.length).toBe(30);
  });
});
