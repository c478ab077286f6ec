import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { withAuditRows } from './audit-rows';

// A contact point on a thin link comments on an alert and gives its feedback; the answer is lost
// on the way back and the browser's outbox sends the same write again, with the same key. The
// second send must find the first: one comment, one feedback version, one event — the audit trail
// keeps the retry as an attempt marked `retried`, as it does for raiseAlert.

const file = fileHandles(it);

async function raiseTo(operation: OperationDriver, by: Actor): Promise<string> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Ammonium nitrate declared as fertiliser, Port Klang to Jakarta',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
  });
  expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
  return result!.id as string;
}

const comment = (by: Actor, alertId: string, body: string, idempotencyKey?: string) =>
  file.kit.mutate(by, 'commentOnAlert', { alertId, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

const feedback = (by: Actor, alertId: string, outcome: string, note: string, idempotencyKey?: string) =>
  file.kit.mutate(by, 'giveAlertFeedback', { alertId, outcome, note, ...(idempotencyKey ? { idempotencyKey } : {}) });

/** The alert's comments and every feedback version, as `viewer` reads them. */
async function answersOf(viewer: Actor, alertId: string) {
  const response = await file.app.graphql<{
    node: {
      comments: { body: string; author: { id: string } }[];
      recipients: { agency: { id: string }; feedbackHistory: { outcome: string; note: string | null }[] }[];
    };
  }>(
    `query($id: ID!) { node(id: $id) { ... on Alert {
      comments { body author { id } }
      recipients { agency { id } feedbackHistory { outcome note } } } } }`,
    { id: alertId },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  const alert = response.data!.node;
  return {
    comments: alert.comments.map((entry) => entry.body),
    feedbackOf: (agency: Actor) => alert.recipients.find((recipient) => recipient.agency.id === agency.agency.globalId)!.feedbackHistory,
  };
}

/** The operation's events of `type`, as `viewer` reads the timeline. */
async function eventsOf(operation: OperationDriver, viewer: Actor, type: string): Promise<number> {
  const seen = await operation.view(viewer, 'timeline(first: 500) { edges { node { type } } }');
  return seen!.timeline.edges.filter((edge: { node: { type: string } }) => edge.node.type === type).length;
}

describe('a comment sent again with its key', () => {
  it('is recorded once, with one event, however many times it comes — also when the retries race', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    const body = 'Our port team at Laem Chabang is briefed.';
    const { value: sends, audit } = await withAuditRows(file.app, () =>
      Promise.all([comment(thailand, alert, body, key), comment(thailand, alert, body, key), comment(thailand, alert, body, key)]),
    );
    const later = await comment(thailand, alert, body, key);

    for (const sent of [...sends, later]) expect(sent.result).toMatchObject({ __typename: 'Alert', id: alert });
    expect((await answersOf(malaysia, alert)).comments).toEqual([body]);
    expect(await eventsOf(operation, malaysia, 'ALERT_COMMENTED')).toBe(1);
    expect(audit.map((row) => [row.action, row.outcome, (row.details as { retried?: boolean } | null)?.retried ?? false])).toEqual([
      ['commentOnAlert', 'SUCCEEDED', false],
      ['commentOnAlert', 'SUCCEEDED', true],
      ['commentOnAlert', 'SUCCEEDED', true],
    ]);
  });

  it('is a ConflictError when the key comes back with other words, and records nothing', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    await comment(thailand, alert, 'Our port team is briefed.', key);
    const { result } = await comment(thailand, alert, 'Our port team and the airport are briefed.', key);
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect((await answersOf(malaysia, alert)).comments).toEqual(['Our port team is briefed.']);
    expect(await eventsOf(operation, malaysia, 'ALERT_COMMENTED')).toBe(1);
  });

  it("keeps each user's keys apart, and without a key every call is a new comment, as before", async () => {
    const { operation, malaysia, thailand, planner } = await operationalRoom(file.kit);
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    await comment(thailand, alert, 'Seen.', key);
    await comment(planner, alert, 'Seen.', key);
    await comment(malaysia, alert, 'Thank you.');
    await comment(malaysia, alert, 'Thank you.');
    // The test clock stands still, so the four share one instant: their order is not the point.
    expect((await answersOf(malaysia, alert)).comments.sort()).toEqual(['Seen.', 'Seen.', 'Thank you.', 'Thank you.']);
  });

  it('is answered with its first result once the operation has closed, where a new comment is refused', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    await comment(thailand, alert, 'Our port team is briefed.', key);
    await operation.advanceTo('POST_OPERATIONAL');
    await operation.advanceTo('CLOSED');
    expect((await comment(thailand, alert, 'Our port team is briefed.', key)).result).toMatchObject({ __typename: 'Alert' });
    expect((await comment(thailand, alert, 'One more thing.', randomUUID())).result).toMatchObject({ __typename: 'PhaseRuleError' });
    expect((await answersOf(malaysia, alert)).comments).toEqual(['Our port team is briefed.']);
  });
});

describe('feedback sent again with its key', () => {
  it('adds no second version, even after a later word superseded it, and one event', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    const note = 'The feeder left Laem Chabang before we could board.';
    await Promise.all([feedback(thailand, alert, 'NOT_CONTROLLED', note, key), feedback(thailand, alert, 'NOT_CONTROLLED', note, key)]);
    file.app.clock.advance({ seconds: 60 });
    await feedback(thailand, alert, 'NOTHING_FOUND', 'Boarded at the next port: fertiliser as declared.', randomUUID());
    const late = await feedback(thailand, alert, 'NOT_CONTROLLED', note, key);

    expect(late.result).toMatchObject({ __typename: 'Alert', outcome: 'NOTHING_FOUND' });
    expect((await answersOf(malaysia, alert)).feedbackOf(thailand)).toEqual([
      { outcome: 'NOTHING_FOUND', note: 'Boarded at the next port: fertiliser as declared.' },
      { outcome: 'NOT_CONTROLLED', note },
    ]);
    expect(await eventsOf(operation, malaysia, 'ALERT_FEEDBACK_GIVEN')).toBe(2);
  });

  it('is a ConflictError when the key comes back with another outcome or note, and records nothing', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    await feedback(thailand, alert, 'NOTHING_FOUND', 'Both containers opened.', key);
    expect((await feedback(thailand, alert, 'SEIZED', 'Both containers opened.', key)).result).toMatchObject({
      __typename: 'ConflictError',
    });
    expect((await feedback(thailand, alert, 'NOTHING_FOUND', 'One container opened.', key)).result).toMatchObject({
      __typename: 'ConflictError',
    });
    expect((await answersOf(malaysia, alert)).feedbackOf(thailand)).toEqual([
      { outcome: 'NOTHING_FOUND', note: 'Both containers opened.' },
    ]);
    expect(await eventsOf(operation, malaysia, 'ALERT_FEEDBACK_GIVEN')).toBe(1);
  });

  it('is answered with the alert after it was withdrawn, where new feedback is refused', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    await feedback(thailand, alert, 'NOTHING_FOUND', 'Both containers opened.', key);
    await file.kit.mutate(malaysia, 'withdrawAlert', { alertId: alert, reason: 'Raised on the wrong container.' });
    expect((await feedback(thailand, alert, 'NOTHING_FOUND', 'Both containers opened.', key)).result).toMatchObject({
      __typename: 'Alert',
    });
    expect((await feedback(thailand, alert, 'SEIZED', 'Found after all.', randomUUID())).result).toMatchObject({
      __typename: 'ConflictError',
    });
    expect((await answersOf(malaysia, alert)).feedbackOf(thailand)).toHaveLength(1);
  });

  it('gives a wrong agency nothing for a key it guesses', async () => {
    const { operation, malaysia, thailand, outsider } = await operationalRoom(file.kit, { outsider: 'VN' });
    const alert = await raiseTo(operation, malaysia);
    const key = randomUUID();
    await feedback(thailand, alert, 'NOTHING_FOUND', 'Both containers opened.', key);
    expect((await feedback(outsider, alert, 'NOTHING_FOUND', 'Both containers opened.', key)).result).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect((await comment(outsider, alert, 'Anything?', key)).result).toMatchObject({ __typename: 'NotFoundError' });
  });
});
