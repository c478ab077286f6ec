import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { decodeGlobalId, encodeGlobalId } from '@jointops/server/global-id';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { openSocket, subscribe } from '../testkit/ws';
import type { Fields } from '../testkit/graphql';
import { SHIPMENT_SUBJECT } from '../testkit/alert-subjects';

// The operations room at work: Malaysian customs raise an alert on a container of ammonium
// nitrate declared as fertiliser, the other agencies acknowledge it within the deadline its
// severity sets, and Thai customs report what they found. A RESTRICTED alert exists only for the
// originator and the agencies it names, whichever way anyone else looks for it.

const file = fileHandles(it);

/** Where each room's operational phase began: after its readiness test (alert A-0001) and the events before. */
const wentLive = new Map<string, { readinessTestId: string; cursor: string }>();

/** The usual cast, with the customs of Indonesia taking part too, in OPERATIONAL. */
async function roomGoneLive() {
  const room = await operationalRoom(file.kit, { indonesia: { name: 'Indonesian Customs' } });
  const seen = await room.operation.view(
    room.planner,
    'alerts(first: 1) { edges { node { id category } } } timeline(first: 500) { edges { cursor } }',
  );
  expect(seen!.alerts.edges[0].node.category).toBe('TEST');
  wentLive.set(room.operation.id, { readinessTestId: seen!.alerts.edges[0].node.id, cursor: seen!.timeline.edges.at(-1).cursor });
  return room;
}

/** The reference of the operational phase's `n`th alert: A-0001 went to the readiness test. */
const liveReference = (operation: OperationDriver, n: number) => `${operation.code}/A-${String(n + 1).padStart(4, '0')}`;

function alertInput(operation: OperationDriver, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'SHIPMENT',
    severity: 'HIGH',
    title: 'Ammonium nitrate declared as NPK fertiliser',
    description: 'Declared weight 24 t; density inconsistent with the declared goods.',
    language: 'en',
    subject: SHIPMENT_SUBJECT,
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  };
}

const raise = (by: Actor, input: Record<string, unknown>) => file.kit.mutate(by, 'raiseAlert', input);
const acknowledge = (by: Actor, alertId: string) => file.kit.mutate(by, 'acknowledgeAlert', { alertId });

/** The alert events of the timeline since the room went live, as `viewer` sees it. */
async function alertEvents(operation: OperationDriver, viewer: Actor): Promise<{ type: string; alert?: { id: string } }[]> {
  const since = wentLive.get(operation.id)?.cursor;
  const seen = await operation.view(
    viewer,
    `timeline(first: 500${since ? `, after: "${since}"` : ''}) { edges { node { type ... on AlertRaisedEvent { alert { id } } } } }`,
  );
  return seen!.timeline.edges
    .map((edge: { node: { type: string } }) => edge.node)
    .filter((event: { type: string }) => event.type.startsWith('ALERT_'));
}

/** What `viewer` can find of an alert: in the operation's alerts and as a node. */
async function sightOf(operation: OperationDriver, viewer: Actor, alertId: string) {
  const response = await file.app.graphql(
    `query($operationId: ID!, $alertId: ID!) {
      operation(id: $operationId) { alerts(first: 100) { edges { node { id reference } } } }
      node(id: $alertId) { id }
    }`,
    { operationId: operation.id, alertId },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  return {
    inList: response.data!.operation.alerts.edges.some((edge: { node: { id: string } }) => edge.node.id === alertId),
    node: response.data!.node,
  };
}

describe('an alert shared with every participant', () => {
  it('is raised with a reference, delivered with deadlines, acknowledged, answered and discussed', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await roomGoneLive();
    const [commodity] = await file.kit.catalogue(malaysia);

    const { result: alert } = await raise(malaysia, alertInput(operation, { commodityIds: [commodity!.id] }));
    expect(alert).toMatchObject({
      __typename: 'Alert',
      reference: liveReference(operation, 1),
      outcome: 'PENDING',
      raisedByAgency: { id: malaysia.agency.globalId },
    });
    const raisedAt = new Date(alert!.raisedAt).getTime();
    expect(alert!.recipients.map((r: { agency: { id: string } }) => r.agency.id).sort()).toEqual(
      [planner.agency.globalId, thailand.agency.globalId, indonesia.agency.globalId].sort(),
    );
    for (const recipient of alert!.recipients) {
      expect(new Date(recipient.dueAt).getTime() - raisedAt).toBe(60 * 60_000);
      expect(recipient).toMatchObject({ acknowledgedAt: null, overdue: false });
    }

    const first = await acknowledge(thailand, alert!.id);
    const again = await acknowledge(thailand, alert!.id);
    const thai = (result: Fields | null) =>
      result!.recipients.find((r: { agency: { id: string } }) => r.agency.id === thailand.agency.globalId);
    expect(thai(first.result)).toMatchObject({ acknowledgedBy: { id: thailand.globalId } });
    expect(thai(again.result).acknowledgedAt).toBe(thai(first.result).acknowledgedAt);

    const feedback = await file.kit.mutate(thailand, 'giveAlertFeedback', {
      alertId: alert!.id,
      outcome: 'SEIZED',
      note: '24 t of ammonium nitrate seized at Laem Chabang.',
    });
    expect(feedback.result).toMatchObject({
      __typename: 'Alert',
      outcome: 'SEIZED',
      outcomeNote: '24 t of ammonium nitrate seized at Laem Chabang.',
    });
    const comment = await file.kit.mutate(planner, 'commentOnAlert', {
      alertId: alert!.id,
      body: 'Please link the seizure report when filed.',
    });
    expect(comment.result?.comments).toEqual([{ author: { id: planner.globalId }, body: 'Please link the seizure report when filed.' }]);

    expect((await alertEvents(operation, indonesia)).map((event) => event.type)).toEqual([
      'ALERT_RAISED',
      'ALERT_ACKNOWLEDGED',
      'ALERT_FEEDBACK_GIVEN',
      'ALERT_COMMENTED',
    ]);
    const timeline = await operation.view(
      indonesia,
      'timeline(first: 500) { edges { node { ... on AlertAcknowledgedEvent { alert { reference } agency { id } } } } }',
    );
    expect(timeline!.timeline.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
      alert: { reference: liveReference(operation, 1) },
      agency: { id: thailand.agency.globalId },
    });
  });

  it('is answered only by the agencies it was sent to', async () => {
    const { operation, malaysia } = await roomGoneLive();
    const { result: alert } = await raise(malaysia, alertInput(operation));
    expect((await acknowledge(malaysia, alert!.id)).refusal).toBe('FORBIDDEN');
    expect((await file.kit.mutate(malaysia, 'giveAlertFeedback', { alertId: alert!.id, outcome: 'SEIZED' })).refusal).toBe('FORBIDDEN');
  });

  it('is overdue for the agencies that have not acknowledged it once its deadline passes', async () => {
    const { operation, malaysia, thailand } = await roomGoneLive();
    const { result: alert } = await raise(malaysia, alertInput(operation, { severity: 'CRITICAL' }));
    await acknowledge(thailand, alert!.id);
    file.app.clock.advance({ minutes: 14 });
    const before = await operation.view(malaysia, 'alerts(first: 1) { edges { node { recipients { agency { id } overdue } } } }');
    expect(before!.alerts.edges[0].node.recipients.map((r: { overdue: boolean }) => r.overdue)).toEqual([false, false, false]);
    file.app.clock.advance({ minutes: 2 });
    const after = await operation.view(malaysia, 'alerts(first: 1) { edges { node { recipients { agency { id } overdue } } } }');
    const overdue = after!.alerts.edges[0].node.recipients
      .filter((r: { overdue: boolean }) => r.overdue)
      .map((r: { agency: { id: string } }) => r.agency.id);
    expect(overdue).toHaveLength(2);
    expect(overdue).not.toContain(thailand.agency.globalId);
  });
});

describe("an operation's own acknowledgement deadlines", () => {
  const deadlinesOf = (alert: Fields) =>
    alert.recipients.map((r: { dueAt: string }) => (new Date(r.dueAt).getTime() - new Date(alert.raisedAt).getTime()) / 60_000);

  it('are set when planning, shown on the operation, and given to the alerts raised after them', async () => {
    const room = await file.kit.jointOperation({
      acknowledgementDeadlines: [
        { severity: 'CRITICAL', minutes: 5 },
        { severity: 'HIGH', minutes: 30 },
      ],
    });
    const { operation, malaysia } = room;
    const shown = await operation.view(malaysia, 'acknowledgementDeadlines { severity minutes }');
    expect(shown!.acknowledgementDeadlines).toEqual([
      { severity: 'CRITICAL', minutes: 5 },
      { severity: 'HIGH', minutes: 30 },
      { severity: 'MEDIUM', minutes: 240 },
      { severity: 'LOW', minutes: 1440 },
    ]);
    await operation.advanceTo('OPERATIONAL');
    const critical = await raise(malaysia, alertInput(operation, { severity: 'CRITICAL' }));
    expect(deadlinesOf(critical.result!)).toEqual([5, 5]);

    expect((await operation.update({ acknowledgementDeadlines: [{ severity: 'CRITICAL', minutes: 10 }] })).result?.__typename).toBe(
      'Operation',
    );
    const later = await raise(malaysia, alertInput(operation, { severity: 'CRITICAL' }));
    expect(deadlinesOf(later.result!)).toEqual([10, 10]);
    const earlier = await file.app.graphql<{ node: Fields }>(
      'query($id: ID!) { node(id: $id) { ... on Alert { raisedAt recipients { dueAt } } } }',
      { id: critical.result!.id },
      { token: malaysia.token },
    );
    expect(deadlinesOf(earlier.data!.node)).toEqual([5, 5]);
    const updated = await operation.view(malaysia, 'timeline(first: 500) { edges { node { ... on OperationUpdatedEvent { changed } } } }');
    expect(updated!.timeline.edges.map((edge: { node: { changed?: string[] } }) => edge.node.changed).filter(Boolean)).toContainEqual([
      'acknowledgementDeadlines',
    ]);
  });

  it('refuses a change that would give a graver alert longer than a lighter one, checked against what the operation has', async () => {
    const { operation } = await file.kit.jointOperation({ acknowledgementDeadlines: [{ severity: 'HIGH', minutes: 30 }] });
    const before = await operation.state();
    const refused = await operation.update({ acknowledgementDeadlines: [{ severity: 'CRITICAL', minutes: 45 }] });
    expect(refused.result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['acknowledgementDeadlines'], message: expect.stringContaining('CRITICAL') }],
    });
    expect(await operation.state()).toEqual(before);
  });
});

describe('phase rules', () => {
  it('allows only TEST alerts before the operational phase, and none before or after', async ({ cast: { operation, malaysia } }) => {
    expect((await raise(malaysia, alertInput(operation, { category: 'TEST', subject: null }))).result).toMatchObject({
      __typename: 'PhaseRuleError',
      phase: 'PLANNING',
    });
    await operation.advanceTo('PRE_OPERATIONAL');
    expect((await raise(malaysia, alertInput(operation))).result).toMatchObject({ __typename: 'PhaseRuleError', phase: 'PRE_OPERATIONAL' });
    const test = await raise(
      malaysia,
      alertInput(operation, { category: 'TEST', severity: 'LOW', title: 'Readiness test', subject: null }),
    );
    expect(test.result).toMatchObject({ __typename: 'Alert', category: 'TEST', reference: `${operation.code}/A-0001` });
    await operation.advanceTo('POST_OPERATIONAL');
    expect((await raise(malaysia, alertInput(operation))).result).toMatchObject({
      __typename: 'PhaseRuleError',
      phase: 'POST_OPERATIONAL',
    });
  });
});

describe('what an alert must say', () => {
  it.each([
    [
      'a shipment with neither bill of lading nor air waybill',
      { subject: { ...SHIPMENT_SUBJECT, billOfLading: null } },
      'subject.billOfLading',
    ],
    [
      'a shipment route with a country that is no code',
      { subject: { ...SHIPMENT_SUBJECT, route: { origin: 'Malaysia', destination: 'PH' } } },
      'subject.route.origin',
    ],
    [
      'a passenger without a flight',
      { category: 'PASSENGER', subject: { travelDocumentCountry: 'NG', route: { origin: 'LOS', destination: 'KL' } } },
      'subject.flightNumber',
    ],
    ['a conveyance that names nothing', { category: 'CONVEYANCE', subject: {} }, 'subject.vesselName'],
    ['a RESTRICTED alert to nobody', { distribution: 'RESTRICTED', recipientAgencyIds: [] }, 'recipientAgencyIds'],
  ])('refuses %s', async (_mistake, change, field) => {
    const { operation, malaysia } = await roomGoneLive();
    const { result } = await raise(malaysia, alertInput(operation, change));
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(result!.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))).toContain(field);
  });

  it('refuses recipients that are not agencies taking part', async () => {
    const { operation, malaysia } = await roomGoneLive();
    const stranger = await file.kit.seed.agency({ countryCode: 'VN' });
    const { result } = await raise(
      malaysia,
      alertInput(operation, { distribution: 'RESTRICTED', recipientAgencyIds: [stranger.globalId] }),
    );
    expect(result!.fieldErrors).toEqual([{ path: ['recipientAgencyIds', '0'], message: expect.any(String) }]);
  });
});

describe('retries', () => {
  it('returns the first alert for a retry with the same key, creating nothing, even when the retries race', async () => {
    const { operation, malaysia, thailand } = await roomGoneLive();
    const input = alertInput(operation);
    const results = await Promise.all([raise(malaysia, input), raise(malaysia, input), raise(malaysia, input)]);
    const later = await raise(malaysia, input);
    const ids = new Set([...results, later].map((outcome) => outcome.result?.id));
    expect(ids.size).toBe(1);
    expect(later.result?.reference).toBe(liveReference(operation, 1));
    expect((await alertEvents(operation, thailand)).filter((event) => event.type === 'ALERT_RAISED')).toHaveLength(1);
    const listed = await operation.view(thailand, 'alerts(first: 10) { edges { node { id } } }');
    expect(listed!.alerts.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      later.result?.id,
      wentLive.get(operation.id)!.readinessTestId,
    ]);
  });

  it('answers a ConflictError when the same key comes with other content', async () => {
    const { operation, malaysia, thailand } = await roomGoneLive();
    const input = alertInput(operation);
    await raise(malaysia, input);
    const { result } = await raise(malaysia, { ...input, severity: 'CRITICAL' });
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await alertEvents(operation, thailand)).toHaveLength(1);
  });

  it('keeps keys apart between users', async () => {
    const { operation, malaysia, thailand } = await roomGoneLive();
    const input = alertInput(operation);
    const mine = await raise(malaysia, input);
    const theirs = await raise(thailand, input);
    expect(theirs.result?.reference).toBe(liveReference(operation, 2));
    expect(theirs.result?.id).not.toBe(mine.result?.id);
  });
});

describe('references', () => {
  it('are numbered per operation without gaps or duplicates, also when raised concurrently', async () => {
    const { operation, malaysia, thailand } = await roomGoneLive();
    const other = await roomGoneLive();
    await raise(other.malaysia, alertInput(other.operation));
    const raised = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        raise(index % 2 ? malaysia : thailand, alertInput(operation, { title: `Container ${index}` })),
      ),
    );
    const references = raised.map((outcome) => outcome.result!.reference as string).sort();
    expect(references).toEqual(Array.from({ length: 20 }, (_, index) => liveReference(operation, index + 1)));

    // The operation's alerts page newest first, each once.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: Fields | null = await operation.view(
        thailand,
        `alerts(first: 8${after ? `, after: "${after}"` : ''}) { edges { node { reference } } pageInfo { hasNextPage endCursor } }`,
      );
      paged.push(...page!.alerts.edges.map((edge: { node: { reference: string } }) => edge.node.reference));
      after = page!.alerts.pageInfo.hasNextPage ? page!.alerts.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual([...references].reverse().concat(liveReference(operation, 0)));
  });
});

describe('a RESTRICTED alert from Malaysia to Thailand', () => {
  it('exists for the two of them only: list, node, timeline, live stream and every answer', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await roomGoneLive();
    const STREAM = `subscription($operationId: ID!, $after: String) {
      operationEvents(operationId: $operationId, after: $after) { type ... on AlertRaisedEvent { alert { id reference } } }
    }`;
    const live = (actor: Actor) => {
      const socket = openSocket(file.app.wsUrl, { token: actor.token });
      file.sockets.push(socket);
      // From the moment the room went live: each stream misses nothing, whenever it is in place.
      return subscribe<{ operationEvents: { type: string; alert?: { id: string } } }>(socket, STREAM, {
        operationId: operation.id,
        after: wentLive.get(operation.id)!.cursor,
      });
    };
    const [toThailand, toIndonesia, toPlanner] = [live(thailand), live(indonesia), live(planner)];

    const { result: restricted } = await raise(
      malaysia,
      alertInput(operation, { distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId], marking: 'RED' }),
    );
    expect(restricted?.recipients.map((r: { agency: { id: string } }) => r.agency.id)).toEqual([thailand.agency.globalId]);
    await acknowledge(thailand, restricted!.id);
    await file.kit.mutate(malaysia, 'commentOnAlert', { alertId: restricted!.id, body: 'Consignee known to our intelligence unit.' });
    // Then one for everyone: once the others have it, they would have had the restricted one too.
    const { result: open } = await raise(malaysia, alertInput(operation, { title: 'Second container, same consignor' }));

    await toThailand.until((s) => s.received.length === 4);
    expect(toThailand.received.map((event) => event.operationEvents.type)).toEqual([
      'ALERT_RAISED',
      'ALERT_ACKNOWLEDGED',
      'ALERT_COMMENTED',
      'ALERT_RAISED',
    ]);
    expect(toThailand.received[0]!.operationEvents.alert?.id).toBe(restricted!.id);
    for (const outsider of [toIndonesia, toPlanner]) {
      await outsider.until((s) => s.received.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(outsider.received.map((event) => event.operationEvents)).toEqual([
        { type: 'ALERT_RAISED', alert: { id: open!.id, reference: liveReference(operation, 2) } },
      ]);
    }

    for (const insider of [malaysia, thailand]) {
      expect(await sightOf(operation, insider, restricted!.id)).toEqual({ inList: true, node: { id: restricted!.id } });
      expect((await alertEvents(operation, insider)).map((event) => event.type)).toEqual([
        'ALERT_RAISED',
        'ALERT_ACKNOWLEDGED',
        'ALERT_COMMENTED',
        'ALERT_RAISED',
      ]);
    }
    const unknown = encodeGlobalId('Alert', randomUUID());
    const unknownAnswer = (await acknowledge(indonesia, unknown)).result;
    expect(unknownAnswer).toMatchObject({ __typename: 'NotFoundError' });
    for (const outsider of [indonesia, planner]) {
      expect(await sightOf(operation, outsider, restricted!.id)).toEqual({ inList: false, node: null });
      expect(await alertEvents(operation, outsider)).toEqual([{ type: 'ALERT_RAISED', alert: { id: open!.id } }]);
      const listed = await operation.view(outsider, 'alerts(first: 100) { edges { node { reference } } }');
      expect(listed!.alerts.edges).toEqual([
        { node: { reference: liveReference(operation, 2) } },
        { node: { reference: liveReference(operation, 0) } },
      ]);
      expect((await acknowledge(outsider, restricted!.id)).result).toEqual(unknownAnswer);
      expect((await file.kit.mutate(outsider, 'commentOnAlert', { alertId: restricted!.id, body: 'Anything on this?' })).result).toEqual(
        unknownAnswer,
      );
      expect((await file.kit.mutate(outsider, 'giveAlertFeedback', { alertId: restricted!.id, outcome: 'SEIZED' })).result).toEqual(
        unknownAnswer,
      );
    }
    // The coordinators' audit trail keeps the restricted alert's trail from them too.
    const trail = await operation.view(planner, 'auditTrail(first: 500) { edges { node { action targetType targetId } } }');
    const readinessTest = decodeGlobalId(wentLive.get(operation.id)!.readinessTestId)!.id;
    const alertEntries = trail!.auditTrail.edges
      .map((edge: { node: unknown }) => edge.node)
      .filter((entry: { targetType: string; targetId: string }) => entry.targetType === 'Alert' && entry.targetId !== readinessTest);
    expect(alertEntries.map((entry: { action: string }) => entry.action)).toEqual(['raiseAlert']);
    expect(JSON.stringify(trail)).not.toContain(decodeGlobalId(restricted!.id)!.id);
    for (const subscription of [toThailand, toIndonesia, toPlanner]) subscription.dispose();
  });
});
