import { afterAll, beforeAll, describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { appendEvent } from '@jointops/server/journal/events.repo';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { decodeEventCursor } from '@jointops/server/modules/timeline/operation-event.graphql';
import { startTestApp, type TestApp } from '../testkit/app';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';
import { openSocket, subscribe } from '../testkit/ws';

// The live room: members follow an operation as it happens, resume from where they left off
// without a gap or a duplicate, and stop receiving the moment their agency leaves. Nobody else
// can even open the stream.

const STREAM = `subscription($operationId: ID!, $after: String) {
  operationEvents(operationId: $operationId, after: $after) { __typename cursor type ... on OperationUpdatedEvent { changed } }
}`;
type Event = { operationEvents: { __typename: string; cursor: string; type: string; changed?: string[] } };

const socketFor = (token: string) => {
  const socket = openSocket(file.app.wsUrl, { token });
  file.sockets.push(socket);
  return socket;
};

const it = withApp({ env: { LIVE_CATCH_UP_INTERVAL_MS: '200' } });
const file = fileHandles(it);

/** The cursor of the newest event `viewer` can see: where a stream that must miss nothing starts. */
async function lastCursor(operation: OperationDriver, viewer: Actor): Promise<string | undefined> {
  const seen = await operation.view(viewer, 'timeline(first: 500) { edges { cursor } }');
  return seen!.timeline.edges.at(-1)?.cursor;
}

const regions = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `Region ${from + index}`);

describe('a member following an operation', () => {
  it('receives what happens from now on, in order', async ({ cast: { operation, malaysia } }) => {
    const live = subscribe<Event>(socketFor(malaysia.token), STREAM, { operationId: operation.id });
    // The protocol does not say when a subscription is in place: change the operation until the
    // stream shows a change, then three more. Nothing from before the subscription may appear.
    for (let attempt = 0; live.received.length === 0; attempt += 1) {
      expect(attempt, 'the stream never went live').toBeLessThan(50);
      await operation.update({ region: `Probe ${attempt}` });
      await live.until((s) => s.received.length > 0, 200).catch(() => undefined);
    }
    const seqOf = (cursor: string) => decodeEventCursor(cursor)!;
    const before = seqOf((await lastCursor(operation, malaysia))!);
    for (const region of regions(3)) await operation.update({ region });
    await live.until((s) => s.received.filter((event) => seqOf(event.operationEvents.cursor) > before).length === 3);
    expect(live.received.every((event) => event.operationEvents.type === 'OPERATION_UPDATED')).toBe(true);
    const seqs = live.received.map((event) => seqOf(event.operationEvents.cursor));
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    live.dispose();
  });

  it('resumes after a disconnection with exactly the events it missed, then goes on live', async ({ cast: { operation, malaysia } }) => {
    const timeline = await operation.view(malaysia, 'timeline(first: 100) { edges { cursor node { type } } }');
    const edges = timeline!.timeline.edges as { cursor: string; node: { type: string } }[];
    const resumeFrom = edges[2]!.cursor;
    const missedBefore = edges.slice(3).map((edge) => edge.node.type);

    for (const region of regions(20)) await operation.update({ region });
    const live = subscribe<Event>(socketFor(malaysia.token), STREAM, { operationId: operation.id, after: resumeFrom });
    await live.until((s) => s.received.length === missedBefore.length + 20);
    for (const region of regions(5, 100)) await operation.update({ region });
    await live.until((s) => s.received.length === missedBefore.length + 25);

    const types = live.received.map((event) => event.operationEvents.type);
    expect(types).toEqual([...missedBefore, ...Array(25).fill('OPERATION_UPDATED')]);
    const cursors = live.received.map((event) => event.operationEvents.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    live.dispose();
  });

  it('is told to resynchronise when its cursor is not one the operation can resume from', async ({ cast: { operation, malaysia } }) => {
    const live = subscribe<Event>(socketFor(malaysia.token), STREAM, { operationId: operation.id, after: 'not-a-cursor' });
    await live.until((s) => s.received.length === 1);
    expect(live.received[0]!.operationEvents).toMatchObject({ __typename: 'ResyncRequiredEvent', type: 'RESYNC_REQUIRED' });
    await operation.update({ region: 'After the resync' });
    await live.until((s) => s.received.length === 2);
    expect(live.received[1]!.operationEvents.type).toBe('OPERATION_UPDATED');
    live.dispose();
  });

  it('gets events committed without a wake-up hint through the periodic catch-up', async ({ cast: { operation, malaysia, planner } }) => {
    const live = subscribe<Event>(socketFor(malaysia.token), STREAM, {
      operationId: operation.id,
      after: await lastCursor(operation, malaysia),
    });
    // Written straight to the log, as if the process that wrote it died before publishing.
    await file.app.database.db.transaction((tx) =>
      appendEvent(tx, {
        operationId: uuidFromGlobalId(operation.id, 'Operation')!,
        type: 'OPERATION_UPDATED',
        occurredAt: file.app.clock.now(),
        actorUserId: uuidFromGlobalId(planner.globalId, 'User'),
        audienceAgencyIds: null,
        data: { changed: ['region'] },
      }),
    );
    await live.until((s) => s.received.length === 1, 3_000);
    live.dispose();
  });
});

describe('the stream of an operation', () => {
  it('cannot be opened by anyone who may not see the operation, and says so as for an unknown one', async ({
    cast: { operation },
    admin,
  }) => {
    const outsider = await file.kit.actor();
    const invited = await file.kit.actor(await file.kit.seed.agency({ countryCode: 'PH' }));
    await operation.invite(invited.agency);
    const unknown = Buffer.from('Operation:00000000-0000-4000-8000-000000000000').toString('base64url');

    const refusalOf = async (token: string, operationId: string) => {
      const live = subscribe<Event>(socketFor(token), STREAM, { operationId });
      await live.until((s) => s.errors !== undefined || s.completed);
      await operation.update({ region: 'Nobody outside sees this' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(live.received).toEqual([]);
      return JSON.stringify(live.errors);
    };
    const forUnknown = await refusalOf(outsider.token, unknown);
    expect(forUnknown).toContain('NOT_FOUND');
    for (const actor of [outsider, invited, admin]) expect(await refusalOf(actor.token, operation.id)).toBe(forUnknown);
  });

  it('ends for an agency the moment it withdraws, and carries nothing after', async ({ cast: { operation, thailand } }) => {
    const live = subscribe<Event>(socketFor(thailand.token), STREAM, {
      operationId: operation.id,
      after: await lastCursor(operation, thailand),
    });
    await operation.update({ region: 'Before the withdrawal' });
    await live.until((s) => s.received.length === 1);
    await operation.withdraw(thailand.agency, 'National resources are needed elsewhere this month.');
    await live.until((s) => s.completed, 1_000);
    await operation.update({ region: 'After the withdrawal' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.received.map((event) => event.operationEvents.type)).toEqual(['OPERATION_UPDATED']);
  });
});

describeWhere(['postgres', 'redis'], 'the stream across server processes', () => {
  let shared: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    shared = await createTestDatabase();
    // No periodic catch-up to speak of: only the Redis hint can wake process B in time.
    a = await startTestApp({ database: shared, redis: true, env: { LIVE_CATCH_UP_INTERVAL_MS: '60000' } });
    b = await startTestApp({ database: shared, redis: true, env: { LIVE_CATCH_UP_INTERVAL_MS: '60000' } });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await shared.destroy();
  });

  it('delivers on one process what was written through another, within a second', async () => {
    const onA = operationKit(a);
    const { operation, malaysia } = await onA.jointOperation();
    const socket = openSocket(b.wsUrl, { token: malaysia.token });
    file.sockets.push(socket);
    const live = subscribe<Event>(socket, STREAM, { operationId: operation.id, after: await lastCursor(operation, malaysia) });
    // The stream is in place once it has replayed nothing and is waiting: give B that moment,
    // so the second measured is the hint's, not the subscription's set-up.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await operation.update({ region: 'Written on A' });
    await live.until((s) => s.received.length === 1, 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
