import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '@jointops/server/global-id';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import type { Fields } from '../testkit/graphql';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { openSocket, subscribe } from '../testkit/ws';
import { SHIPMENT_SUBJECT } from '../testkit/alert-subjects';

// Malaysian customs correct an alert they raised: a lighter severity leaves the recipients'
// acknowledgements alone, a graver one asks every recipient again with the new deadline. Then
// they withdraw one: still readable, but nothing more is asked of anyone. A RESTRICTED alert's
// corrections and withdrawal exist only for the agencies the alert was for.

const file = fileHandles(it);

const MINUTE = 60_000;

function alertInput(operation: OperationDriver, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'SHIPMENT',
    severity: 'HIGH',
    title: 'Ammonium nitrate declared as NPK fertiliser',
    description: 'Declared weight 24 t; density inconsistent with the declared goods.',
    subject: SHIPMENT_SUBJECT,
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  };
}

async function raise(by: Actor, input: Record<string, unknown>): Promise<Fields> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', input);
  expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
  return result!;
}

const amend = (by: Actor, input: Record<string, unknown>) => file.kit.mutate(by, 'amendAlert', input);
const withdraw = (by: Actor, alertId: string, reason = 'Raised on the wrong container; see the next alert.') =>
  file.kit.mutate(by, 'withdrawAlert', { alertId, reason });
const acknowledge = (by: Actor, alertId: string) => file.kit.mutate(by, 'acknowledgeAlert', { alertId });

const ALERT_STATE = `id version title description severity withdrawnAt withdrawalReason
  recipients { agency { id } dueAt acknowledgedAt }
  versions { version title severity clearedAcknowledgements { agency { id } } }`;

/** The alert as `viewer` finds it by node; null where they may not see it. */
async function alertAs(viewer: Actor, alertId: string): Promise<Fields | null> {
  const response = await file.app.graphql(
    `query($id: ID!) { node(id: $id) { ... on Alert { ${ALERT_STATE} } } }`,
    { id: alertId },
    {
      token: viewer.token,
    },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.node;
}

/** Everything an amendment or withdrawal could change: the alert as its originator sees it, and the operation. */
async function everything(operation: OperationDriver, originator: Actor, alertId: string) {
  return { alert: await alertAs(originator, alertId), operation: await operation.state(originator) };
}

/** The alerts awaiting `viewer`'s agency's acknowledgement, or its feedback. */
async function awaiting(
  viewer: Actor,
  list: 'awaitingMyAcknowledgement' | 'awaitingMyFeedback' = 'awaitingMyAcknowledgement',
): Promise<string[]> {
  const response = await file.app.graphql(`{ ${list}(first: 100) { edges { node { id } } } }`, {}, { token: viewer.token });
  expect(response.errors).toBeUndefined();
  return response.data![list].edges.map((edge: { node: { id: string } }) => edge.node.id);
}

/** The amendment and withdrawal events of the timeline, as `viewer` sees them. */
async function correctionEvents(operation: OperationDriver, viewer: Actor) {
  const seen = await operation.view(
    viewer,
    `timeline(first: 500) { edges { node { type
      ... on AlertAmendedEvent { version severityRaised changed alert { id } }
      ... on AlertWithdrawnEvent { alert { id withdrawalReason } } } } }`,
  );
  return seen!.timeline.edges
    .map((edge: { node: { type: string } }) => edge.node)
    .filter((event: { type: string }) => event.type === 'ALERT_AMENDED' || event.type === 'ALERT_WITHDRAWN');
}

/** The agencies the alert was escalated as overdue at, in order; the escalator runs first, for every operation of the file. */
async function escalatedAt(operation: OperationDriver, alertId: string): Promise<string[]> {
  await file.app.app.escalator.runOnce();
  const seen = await operation.view(
    operation.coordinator,
    'timeline(first: 500) { edges { node { ... on AlertOverdueEvent { alert { id } agency { id } } } } }',
  );
  return seen!.timeline.edges
    .map((edge: { node: Fields }) => edge.node)
    .filter((event: Fields) => event.alert?.id === alertId)
    .map((event: Fields) => event.agency.id);
}

const recipientOf = (alert: Fields, agency: Actor) =>
  alert.recipients.find((recipient: { agency: { id: string } }) => recipient.agency.id === agency.agency.globalId);

describe('amending an alert', () => {
  it('keeps every earlier version; a lighter severity leaves acknowledgements and deadlines alone', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raise(malaysia, alertInput(operation));
    await acknowledge(thailand, alert.id);
    const before = (await alertAs(malaysia, alert.id))!;
    file.app.clock.advance({ seconds: 120 });

    const { result } = await amend(malaysia, {
      alertId: alert.id,
      expectedVersion: 1,
      severity: 'MEDIUM',
      title: 'Ammonium nitrate declared as urea',
      description: null,
    });

    expect(result).toMatchObject({
      __typename: 'Alert',
      version: 2,
      title: 'Ammonium nitrate declared as urea',
      description: null,
      severity: 'MEDIUM',
      amendedBy: { id: malaysia.globalId },
      withdrawnAt: null,
      versions: [
        {
          version: 1,
          title: 'Ammonium nitrate declared as NPK fertiliser',
          severity: 'HIGH',
          madeBy: { id: malaysia.globalId },
          madeAt: alert.raisedAt,
          supersededAt: file.app.clock.now().toISOString(),
          clearedAcknowledgements: [],
        },
      ],
    });
    expect(recipientOf(before, thailand).acknowledgedAt).not.toBeNull();
    expect((await alertAs(malaysia, alert.id))!.recipients).toEqual(before.recipients);
    // Every recipient reads the new version and the earlier one.
    expect((await alertAs(thailand, alert.id))!.versions).toEqual([
      { version: 1, title: 'Ammonium nitrate declared as NPK fertiliser', severity: 'HIGH', clearedAcknowledgements: [] },
    ]);
    expect(await correctionEvents(operation, thailand)).toEqual([
      { type: 'ALERT_AMENDED', version: 2, severityRaised: false, changed: ['severity', 'title', 'description'], alert: { id: alert.id } },
    ]);
  });

  it('asks every recipient again when the severity rises, with the new deadline from now, keeping the cleared acknowledgements', async () => {
    const { operation, planner, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raise(malaysia, alertInput(operation, { severity: 'MEDIUM' }));
    await acknowledge(thailand, alert.id);
    await acknowledge(planner, alert.id);
    expect(await awaiting(thailand)).not.toContain(alert.id);
    file.app.clock.advance({ seconds: 600 });

    const { result } = await amend(malaysia, { alertId: alert.id, expectedVersion: 1, severity: 'CRITICAL' });

    const newDeadline = new Date(file.app.clock.now().getTime() + 15 * MINUTE).toISOString();
    expect(result).toMatchObject({ __typename: 'Alert', version: 2, severity: 'CRITICAL' });
    for (const recipient of result!.recipients)
      expect(recipient).toMatchObject({ dueAt: newDeadline, acknowledgedAt: null, acknowledgedBy: null, overdue: false });
    const cleared = result!.versions[0].clearedAcknowledgements.map((ack: Fields) => ack.agency.id).sort();
    expect(cleared).toEqual([planner.agency.globalId, thailand.agency.globalId].sort());
    expect(await awaiting(thailand)).toContain(alert.id);
    expect(await correctionEvents(operation, planner)).toEqual([
      { type: 'ALERT_AMENDED', version: 2, severityRaised: true, changed: ['severity'], alert: { id: alert.id } },
    ]);

    // The new deadline is escalated like a first one: once, when it passes unanswered.
    file.app.clock.advance({ seconds: 14 * 60 });
    expect(await escalatedAt(operation, alert.id)).toEqual([]);
    await acknowledge(thailand, alert.id);
    file.app.clock.advance({ seconds: 2 * 60 });
    expect(await escalatedAt(operation, alert.id)).toEqual([planner.agency.globalId]); // it did not acknowledge again
  });

  it('refuses a stale version, an unchanged amendment, and a subject of another shape or kind, changing nothing', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit);
    const alert = await raise(malaysia, alertInput(operation));
    const corrected = await amend(malaysia, {
      alertId: alert.id,
      expectedVersion: 1,
      title: 'Second look: ammonium nitrate as NPK',
      typedSubject: { shipment: { ...SHIPMENT_SUBJECT, containerNumber: 'MSKU7306512' } },
    });
    expect(corrected.result).toMatchObject({ __typename: 'Alert', version: 2 });
    const before = await everything(operation, malaysia, alert.id);

    const stale = await amend(malaysia, { alertId: alert.id, expectedVersion: 1, severity: 'CRITICAL' });
    expect(stale.result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    const unchanged = await amend(malaysia, { alertId: alert.id, expectedVersion: 2, title: 'Second look: ammonium nitrate as NPK' });
    expect(unchanged.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: [] }] });
    const badSubject = await amend(malaysia, {
      alertId: alert.id,
      expectedVersion: 2,
      subject: { ...SHIPMENT_SUBJECT, hsCode: 'fertiliser' },
    });
    expect(badSubject.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['subject', 'hsCode'] }] });
    const otherKind = await amend(malaysia, { alertId: alert.id, expectedVersion: 2, typedSubject: { free: { note: 'A tip' } } });
    expect(otherKind.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['typedSubject', 'free'] }] });

    expect(await everything(operation, malaysia, alert.id)).toEqual(before);
  });

  it('is for the originating agency only: FORBIDDEN to a recipient, not found to an agency the alert is not for', async () => {
    const { operation, malaysia, thailand, indonesia } = await operationalRoom(file.kit, { indonesia: true });
    const alert = await raise(malaysia, alertInput(operation));
    const restricted = await raise(
      malaysia,
      alertInput(operation, { distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId], marking: 'RED' }),
    );
    const before = await everything(operation, malaysia, restricted.id);

    expect((await amend(thailand, { alertId: alert.id, expectedVersion: 1, title: 'Not ours to say' })).refusal).toBe('FORBIDDEN');
    expect((await withdraw(thailand, restricted.id)).refusal).toBe('FORBIDDEN');
    const unknown = encodeGlobalId('Alert', randomUUID());
    const notFound = (await amend(indonesia, { alertId: unknown, expectedVersion: 1, title: 'Anything' })).result;
    expect(notFound).toMatchObject({ __typename: 'NotFoundError' });
    expect((await amend(indonesia, { alertId: restricted.id, expectedVersion: 1, title: 'Anything' })).result).toEqual(notFound);
    expect((await withdraw(indonesia, restricted.id)).result).toEqual(notFound);

    expect(await everything(operation, malaysia, restricted.id)).toEqual(before);
  });

  it('lets a TEST alert be reworded but never change severity, so readiness is neither lost nor granted', async () => {
    const room = await operationalRoom(file.kit);
    const { operation, planner, thailand } = room;
    const tests = await operation.view(planner, 'alerts(first: 10) { edges { node { id category } } }');
    const readinessTest = tests!.alerts.edges.find((edge: Fields) => edge.node.category === 'TEST').node.id as string;
    const readiness = async () => (await operation.state(planner))!.participations;
    const before = await readiness();

    const raised = await amend(planner, { alertId: readinessTest, expectedVersion: 1, severity: 'CRITICAL' });
    expect(raised.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['severity'] }] });
    const reworded = await amend(planner, { alertId: readinessTest, expectedVersion: 1, title: 'Readiness test: acknowledge, please' });
    expect(reworded.result).toMatchObject({ __typename: 'Alert', version: 2 });
    expect(recipientOf((await alertAs(planner, readinessTest))!, thailand).acknowledgedAt).not.toBeNull();
    expect(await readiness()).toEqual(before);
  });
});

describe('withdrawing an alert', () => {
  it('keeps it readable, stops escalation, and refuses acknowledgement, feedback, amendment and a second withdrawal', async () => {
    const { operation, planner, malaysia, thailand } = await operationalRoom(file.kit);
    const alert = await raise(malaysia, alertInput(operation));
    await acknowledge(planner, alert.id);
    expect(await awaiting(thailand)).toContain(alert.id);
    expect(await awaiting(planner, 'awaitingMyFeedback')).toContain(alert.id);

    const { result } = await withdraw(malaysia, alert.id);
    expect(result).toMatchObject({
      __typename: 'Alert',
      withdrawnAt: file.app.clock.now().toISOString(),
      withdrawnBy: { id: malaysia.globalId },
      withdrawalReason: 'Raised on the wrong container; see the next alert.',
      version: 1,
    });
    expect((await alertAs(thailand, alert.id))!.withdrawalReason).toBe('Raised on the wrong container; see the next alert.');
    expect(await awaiting(thailand)).not.toContain(alert.id);
    expect(await awaiting(planner, 'awaitingMyFeedback'), 'no feedback is taken on it any more').not.toContain(alert.id);
    expect(await correctionEvents(operation, thailand)).toEqual([
      { type: 'ALERT_WITHDRAWN', alert: { id: alert.id, withdrawalReason: 'Raised on the wrong container; see the next alert.' } },
    ]);
    const before = await everything(operation, malaysia, alert.id);

    for (const refused of [
      await acknowledge(thailand, alert.id),
      await file.kit.mutate(thailand, 'giveAlertFeedback', { alertId: alert.id, outcome: 'NOTHING_FOUND' }),
      await amend(malaysia, { alertId: alert.id, expectedVersion: 1, title: 'Too late' }),
      await withdraw(malaysia, alert.id),
    ])
      expect(refused.result).toMatchObject({
        __typename: 'ConflictError',
        message: 'This alert was withdrawn: it can no longer be acknowledged, answered or amended.',
      });
    file.app.clock.advance({ seconds: 2 * 3600 });
    expect(await escalatedAt(operation, alert.id)).toEqual([]);
    expect(await everything(operation, malaysia, alert.id)).toEqual(before);
  });

  it('refuses a blank reason', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit);
    const alert = await raise(malaysia, alertInput(operation));
    const { result } = await withdraw(malaysia, alert.id, '   ');
    expect(result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['reason'] }] });
    expect((await alertAs(malaysia, alert.id))!.withdrawnAt).toBeNull();
  });
});

describe('a RESTRICTED alert from Malaysia to Thailand, amended and withdrawn', () => {
  it('tells its corrections to the two of them only: node, list, timeline, live stream and audit trail', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await operationalRoom(file.kit, { indonesia: true });
    const since = (await operation.view(planner, 'timeline(first: 500) { edges { cursor } }'))!.timeline.edges.at(-1).cursor;
    const STREAM = `subscription($operationId: ID!, $after: String) {
      operationEvents(operationId: $operationId, after: $after) { type
        ... on AlertAmendedEvent { alert { id } } ... on AlertWithdrawnEvent { alert { id } } ... on AlertRaisedEvent { alert { id } } }
    }`;
    const live = (actor: Actor) => {
      const socket = openSocket(file.app.wsUrl, { token: actor.token });
      file.sockets.push(socket);
      return subscribe<{ operationEvents: { type: string; alert?: { id: string } } }>(socket, STREAM, {
        operationId: operation.id,
        after: since,
      });
    };
    const [toThailand, toIndonesia, toPlanner] = [live(thailand), live(indonesia), live(planner)];

    const restricted = await raise(
      malaysia,
      alertInput(operation, { distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId], marking: 'RED' }),
    );
    await amend(malaysia, { alertId: restricted.id, expectedVersion: 1, severity: 'CRITICAL', title: 'Confirmed: ammonium nitrate' });
    await withdraw(malaysia, restricted.id);
    // Then one for everyone: once the others have it, they would have had the restricted ones too.
    const open = await raise(malaysia, alertInput(operation, { title: 'Second container, same consignor' }));

    await toThailand.until((s) => s.received.length === 4);
    expect(toThailand.received.map((event) => event.operationEvents)).toEqual([
      { type: 'ALERT_RAISED', alert: { id: restricted.id } },
      { type: 'ALERT_AMENDED', alert: { id: restricted.id } },
      { type: 'ALERT_WITHDRAWN', alert: { id: restricted.id } },
      { type: 'ALERT_RAISED', alert: { id: open.id } },
    ]);
    expect((await alertAs(thailand, restricted.id))!.versions).toHaveLength(1);
    expect(await correctionEvents(operation, thailand)).toHaveLength(2);

    for (const outsider of [toIndonesia, toPlanner]) {
      await outsider.until((s) => s.received.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(outsider.received.map((event) => event.operationEvents)).toEqual([{ type: 'ALERT_RAISED', alert: { id: open.id } }]);
    }
    for (const outsider of [indonesia, planner]) {
      expect(await alertAs(outsider, restricted.id)).toBeNull();
      expect(await correctionEvents(operation, outsider)).toEqual([]);
      const listed = await operation.view(outsider, 'alerts(first: 100) { edges { node { id versions { title } } } }');
      expect(JSON.stringify(listed)).not.toContain(restricted.id);
      expect(JSON.stringify(listed)).not.toContain('Confirmed: ammonium nitrate');
    }
    // The coordinators' audit trail keeps the restricted alert's corrections from them too.
    const trail = await operation.view(planner, 'auditTrail(first: 500) { edges { node { action targetId } } }');
    const actions = trail!.auditTrail.edges.map((edge: { node: { action: string } }) => edge.node.action);
    expect(actions).not.toContain('amendAlert');
    expect(actions).not.toContain('withdrawAlert');
    expect(JSON.stringify(trail)).not.toContain(decodeGlobalId(restricted.id)!.id);
    for (const subscription of [toThailand, toIndonesia, toPlanner]) subscription.dispose();
  });
});
