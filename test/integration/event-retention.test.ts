import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { pruneExpiredEvents } from '@jointops/server/journal/retention.job';
import { startTestApp } from '../testkit/app';
import type { Actor } from '../testkit/operations';
import { openSocket, subscribe } from '../testkit/ws';

// Retention: with EVENT_RETENTION_DAYS set, events older than that leave the operation's log,
// oldest first, and nothing else ever does. A stream asked to resume from what is gone says
// ResyncRequired, then goes on live; it never skips silently.

const STREAM = `subscription($operationId: ID!, $after: String) {
  operationEvents(operationId: $operationId, after: $after) { __typename cursor type ... on ResyncRequiredEvent { reason } }
}`;
type Event = { operationEvents: { __typename: string; cursor: string; type: string; reason?: string } };

const it = withApp({ env: { EVENT_RETENTION_DAYS: '30' } });
const file = fileHandles(it);

/** The same person, signed in again after the clock jumped past their session. */
const signedInAgain = async (actor: Actor): Promise<Actor> => ({ ...actor, token: (await file.kit.seed.signIn(actor)).token });

async function seqsOf(operationId: string): Promise<number[]> {
  const rows = await file.app.database.db.execute(sql`select seq from operation_events where operation_id = ${operationId} order by seq`);
  return (rows as unknown as { rows: { seq: number | string }[] }).rows.map((row) => Number(row.seq));
}

/** An operation with `old` events from 31 days ago and two from today; the planner signed in now. */
async function operationWithHistory() {
  const { operation, planner } = await file.kit.jointOperation();
  const uuid = uuidFromGlobalId(operation.id, 'Operation')!;
  const timeline = await operation.view(planner, 'timeline(first: 100) { edges { cursor } }');
  const oldCursors = timeline!.timeline.edges.map((edge: { cursor: string }) => edge.cursor) as string[];
  file.app.clock.advance({ days: 31 });
  const now = await signedInAgain(planner);
  for (const region of ['Region A', 'Region B']) expect((await operation.update({ region }, now)).result?.__typename).toBe('Operation');
  return { operation, uuid, planner: now, oldCursors };
}

describe('pruning', () => {
  it('deletes exactly the expired events, once, even when two runs race', async () => {
    const { operation, uuid, planner, oldCursors } = await operationWithHistory();
    const before = await seqsOf(uuid);
    const expired = oldCursors.length;

    const [first, second] = await Promise.all([pruneExpiredEvents(file.app.app.deps, 30), pruneExpiredEvents(file.app.app.deps, 30)]);
    expect(await seqsOf(uuid)).toEqual(before.slice(expired));
    expect(first + second).toBeGreaterThanOrEqual(expired);
    expect(await pruneExpiredEvents(file.app.app.deps, 30)).toBe(0);

    const timeline = await operation.view(planner, 'timeline(first: 100) { edges { node { type } } }');
    expect(timeline!.timeline.edges.map((edge: { node: { type: string } }) => edge.node.type)).toEqual([
      'OPERATION_UPDATED',
      'OPERATION_UPDATED',
    ]);
  });

  it('runs on its own schedule only when a retention period is set', async () => {
    const { uuid } = await operationWithHistory();
    const kept = await startTestApp({ database: file.app.database, clock: file.app.clock });
    try {
      const before = await seqsOf(uuid);
      expect(await kept.app.retention.runOnce()).toBe(0);
      expect(await seqsOf(uuid)).toEqual(before);
      expect(await file.app.app.retention.runOnce()).toBeGreaterThan(0);
      expect((await seqsOf(uuid)).length).toBe(2);
    } finally {
      await kept.stop();
    }
  });

  it('leaves every event within retention undeletable, as before', async () => {
    const { uuid } = await operationWithHistory();
    await pruneExpiredEvents(file.app.app.deps, 30);
    const kept = await seqsOf(uuid);
    await expect(file.app.database.db.execute(sql`delete from operation_events where operation_id = ${uuid}`)).rejects.toThrow();
    await expect(file.app.database.db.execute(sql`update operation_events set data = '{}' where operation_id = ${uuid}`)).rejects.toThrow();
    expect(await seqsOf(uuid)).toEqual(kept);
  });
});

describe('a stream resuming from what retention removed', () => {
  it('answers ResyncRequired with the head as its cursor, then goes on live', async () => {
    const { operation, uuid, planner, oldCursors } = await operationWithHistory();
    await pruneExpiredEvents(file.app.app.deps, 30);
    const socket = openSocket(file.app.wsUrl, { token: planner.token });
    file.sockets.push(socket);

    const resumed = subscribe<Event>(socket, STREAM, { operationId: operation.id, after: oldCursors[1] });
    await resumed.until((s) => s.received.length === 1);
    const [resync] = resumed.received;
    expect(resync!.operationEvents).toMatchObject({
      __typename: 'ResyncRequiredEvent',
      type: 'RESYNC_REQUIRED',
      reason: expect.stringMatching(/retention/),
    });
    const head = Math.max(...(await seqsOf(uuid)));
    const timeline = await operation.view(planner, 'timeline(first: 100) { edges { cursor } }');
    expect(resync!.operationEvents.cursor).toBe(timeline!.timeline.edges.at(-1).cursor);

    await operation.update({ region: 'Region C' }, planner);
    await resumed.until((s) => s.received.length === 2);
    expect(resumed.received[1]!.operationEvents.type).toBe('OPERATION_UPDATED');
    expect((await seqsOf(uuid)).at(-1)).toBe(head + 1);

    // From the newest pruned event itself nothing is missing: the stream resumes normally.
    const exact = subscribe<Event>(socket, STREAM, { operationId: operation.id, after: oldCursors.at(-1) });
    await exact.until((s) => s.received.length === 3);
    expect(exact.received.map((event) => event.operationEvents.type)).toEqual([
      'OPERATION_UPDATED',
      'OPERATION_UPDATED',
      'OPERATION_UPDATED',
    ]);
    resumed.dispose();
    exact.dispose();
  });
});
