import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { encodeGlobalId } from '@jointops/server/global-id';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { parseCsv, resultsKit } from '../testkit/results';
import { openSocket, subscribe } from '../testkit/ws';

// Each recipient agency tells what came of an alert, as CENcomm's feedback messages do: Thailand's
// "not controlled" and Indonesia's "nothing found" both stay, Thailand's later word supersedes its
// first without erasing it, and the alert's outcome is read off all of them. Whoever may not see
// the alert learns nothing of any of it, whichever way they look.

const file = fileHandles(it);

const FEEDBACK = 'agency { id } outcome note givenBy { id } givenAt supersededAt';

interface FeedbackSeen {
  agency: { id: string };
  outcome: string;
  note: string | null;
  givenBy: { id: string };
  givenAt: string;
  supersededAt: string | null;
}

interface AlertSeen {
  outcome: string;
  outcomeNote: string | null;
  recipients: { agency: { id: string }; feedback: FeedbackSeen | null; feedbackHistory: FeedbackSeen[] }[];
}

function alertInput(operation: OperationDriver, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Ammonium nitrate declared as fertiliser, Port Klang to Jakarta',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  };
}

async function raise(by: Actor, input: Record<string, unknown>): Promise<string> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', input);
  expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
  return result!.id as string;
}

async function feedback(by: Actor, alertId: string, outcome: string, note?: string) {
  return file.kit.mutate(by, 'giveAlertFeedback', { alertId, outcome, ...(note === undefined ? {} : { note }) });
}

async function answered(by: Actor, alertId: string, outcome: string, note?: string) {
  const { result } = await feedback(by, alertId, outcome, note);
  expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
  file.app.clock.advance({ seconds: 60 });
}

/** The alert as `viewer` sees it through node, with every recipient's feedback; null when it does not exist for them. */
async function alertSeenBy(viewer: Actor, alertId: string): Promise<AlertSeen | null> {
  const response = await file.app.graphql(
    `query($id: ID!) { node(id: $id) { ... on Alert { outcome outcomeNote
      recipients { agency { id } feedback { ${FEEDBACK} } feedbackHistory { ${FEEDBACK} } } } } }`,
    { id: alertId },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.node as AlertSeen | null;
}

const recipientOf = (alert: AlertSeen, agency: Actor) =>
  alert.recipients.find((recipient) => recipient.agency.id === agency.agency.globalId)!;

const FEEDBACK_EVENT = 'type ... on AlertFeedbackGivenEvent { alert { id } outcome amended agency { id } feedback { outcome note } }';

/** The feedback events of the timeline as `viewer` sees them, oldest first. */
async function feedbackEvents(operation: OperationDriver, viewer: Actor) {
  const seen = await operation.view(viewer, `timeline(first: 500) { edges { node { ${FEEDBACK_EVENT} } } }`);
  return seen!.timeline.edges
    .map((edge: { node: { type: string } }) => edge.node)
    .filter((event: { type: string }) => event.type === 'ALERT_FEEDBACK_GIVEN');
}

/** The alerts awaiting the viewer's agency's feedback, oldest first, and the end cursor. */
async function awaitingFeedback(viewer: Actor, page = 'first: 100') {
  const response = await file.app.graphql(
    `{ awaitingMyFeedback(${page}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    {},
    { token: viewer.token },
  );
  return {
    errors: response.errors,
    ids: (response.data?.awaitingMyFeedback?.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id) as string[],
    pageInfo: response.data?.awaitingMyFeedback?.pageInfo as { hasNextPage: boolean; endCursor: string | null } | undefined,
  };
}

describe('feedback per recipient agency', () => {
  it('keeps each recipient its own word, and the amended one as history', async () => {
    const { operation, malaysia, thailand, indonesia } = await operationalRoom(file.kit, { indonesia: true });
    const alert = await raise(malaysia, alertInput(operation));
    expect((await alertSeenBy(malaysia, alert))!.outcome).toBe('PENDING');

    await answered(thailand, alert, 'NOT_CONTROLLED', 'The feeder left Laem Chabang before we could board.');
    expect((await alertSeenBy(malaysia, alert))!.outcome, 'one recipient said nobody looked').toBe('NOT_CONTROLLED');
    await answered(indonesia, alert, 'NOTHING_FOUND', 'Both containers opened at Tanjung Priok: fertiliser as declared.');

    let seen = (await alertSeenBy(malaysia, alert))!;
    expect(seen.outcome, 'a control that came back clean says more than none').toBe('NOTHING_FOUND');
    expect(recipientOf(seen, thailand).feedback).toMatchObject({
      agency: { id: thailand.agency.globalId },
      outcome: 'NOT_CONTROLLED',
      note: 'The feeder left Laem Chabang before we could board.',
      givenBy: { id: thailand.globalId },
      supersededAt: null,
    });
    expect(recipientOf(seen, indonesia).feedback).toMatchObject({ outcome: 'NOTHING_FOUND', givenBy: { id: indonesia.globalId } });
    expect(recipientOf(seen, malaysia)).toBeUndefined();

    await answered(thailand, alert, 'SEIZED', '24 t seized at the transhipment yard.');
    seen = (await alertSeenBy(indonesia, alert))!;
    expect(seen.outcome).toBe('SEIZED');
    expect(seen.outcomeNote, 'the deprecated note is the last word given').toBe('24 t seized at the transhipment yard.');
    const history = recipientOf(seen, thailand).feedbackHistory;
    expect(history.map((given) => [given.outcome, given.note])).toEqual([
      ['SEIZED', '24 t seized at the transhipment yard.'],
      ['NOT_CONTROLLED', 'The feeder left Laem Chabang before we could board.'],
    ]);
    expect(history[1]!.supersededAt, 'superseded when the next word was given').toBe(history[0]!.givenAt);
    expect(recipientOf(seen, thailand).feedback).toEqual(history[0]);
    expect(
      recipientOf(seen, indonesia).feedbackHistory.map((given) => given.outcome),
      "Thailand's word never touched Indonesia's",
    ).toEqual(['NOTHING_FOUND']);

    await answered(thailand, alert, 'NOT_CONTROLLED');
    expect((await alertSeenBy(malaysia, alert))!.outcome, 'SEIZED withdrawn by the only one who said it').toBe('NOTHING_FOUND');

    const events = await feedbackEvents(operation, malaysia);
    expect(
      events.map((event: { agency: { id: string }; outcome: string; amended: boolean }) => [event.agency.id, event.outcome, event.amended]),
    ).toEqual([
      [thailand.agency.globalId, 'NOT_CONTROLLED', false],
      [indonesia.agency.globalId, 'NOTHING_FOUND', false],
      [thailand.agency.globalId, 'SEIZED', true],
      [thailand.agency.globalId, 'NOT_CONTROLLED', true],
    ]);
    expect(events[2].feedback).toEqual({ outcome: 'SEIZED', note: '24 t seized at the transhipment yard.' });
  });

  it("filters an operation's alerts on the derived outcome", async () => {
    const { operation, malaysia, thailand, indonesia } = await operationalRoom(file.kit, { indonesia: true });
    const alert = await raise(malaysia, alertInput(operation));
    await answered(thailand, alert, 'SEIZED');
    await answered(indonesia, alert, 'NOTHING_FOUND');
    const ids = async (outcome: string) => {
      const seen = await operation.view(malaysia, `alerts(first: 100, filter: { outcome: ${outcome} }) { edges { node { id } } }`);
      return seen!.alerts.edges.map((edge: { node: { id: string } }) => edge.node.id);
    };
    expect(await ids('SEIZED')).toEqual([alert]);
    expect(await ids('NOTHING_FOUND')).toEqual([]);
  });

  it('refuses feedback from whoever the alert was not sent to, bad input and a withdrawn agency, changing nothing', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await operationalRoom(file.kit, { indonesia: true });
    const open = await raise(malaysia, alertInput(operation));
    const restricted = await raise(
      malaysia,
      alertInput(operation, { marking: 'RED', distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] }),
    );
    const unknown = (await feedback(thailand, encodeGlobalId('Alert', randomUUID()), 'SEIZED')).result;
    expect(unknown).toMatchObject({ __typename: 'NotFoundError' });

    expect((await feedback(malaysia, open, 'SEIZED')).refusal, 'the originator sees it but was not sent it').toBe('FORBIDDEN');
    for (const outsider of [indonesia, planner]) expect((await feedback(outsider, restricted, 'SEIZED')).result).toEqual(unknown);

    const pending = await feedback(thailand, open, 'PENDING');
    expect(pending.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['outcome'] }] });
    const tooLong = await feedback(thailand, open, 'NOTHING_FOUND', 'x'.repeat(4001));
    expect(tooLong.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['note'] }] });

    const withdrawn = await operation.withdraw(indonesia.agency, 'Recalled for a national operation.');
    expect(withdrawn.result?.__typename, JSON.stringify(withdrawn)).toBe('Participation');
    expect((await feedback(indonesia, open, 'NOTHING_FOUND')).result, 'a withdrawn agency no longer sees the operation').toEqual(unknown);

    for (const alert of [open, restricted]) {
      const seen = (await alertSeenBy(malaysia, alert))!;
      expect(seen.outcome).toBe('PENDING');
      expect(seen.recipients.every((recipient) => recipient.feedback === null && recipient.feedbackHistory.length === 0)).toBe(true);
    }
    expect(await feedbackEvents(operation, malaysia)).toEqual([]);
  });
});

describe('the alerts awaiting my feedback', () => {
  it('lists, across operations, what the agency acknowledged and has not answered yet, oldest first', async () => {
    const { operation, planner, malaysia, thailand, indonesia, outsider } = await operationalRoom(file.kit, {
      indonesia: true,
      outsider: 'FR',
    });
    const first = await raise(malaysia, alertInput(operation));
    file.app.clock.advance({ seconds: 60 });
    const restricted = await raise(
      malaysia,
      alertInput(operation, { marking: 'RED', distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] }),
    );
    file.app.clock.advance({ seconds: 60 });
    const second = await file.kit.operation(planner);
    await second.join(malaysia);
    await second.join(thailand);
    await second.advanceTo('OPERATIONAL');
    const elsewhere = await raise(malaysia, alertInput(second));
    const unacknowledged = await raise(malaysia, alertInput(operation, { title: 'Not yet acknowledged' }));

    for (const alert of [first, restricted, elsewhere]) await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: alert });
    await file.kit.mutate(indonesia, 'acknowledgeAlert', { alertId: first });

    // Each operation's readiness test was acknowledged too: it checked the channel, there is nothing to report on it.
    expect((await awaitingFeedback(thailand)).ids).toEqual([first, restricted, elsewhere]);
    expect((await awaitingFeedback(indonesia)).ids, 'not the RESTRICTED alert, nor the unacknowledged one').toEqual([first]);
    const page = await awaitingFeedback(thailand, 'first: 2');
    expect(page.ids).toEqual([first, restricted]);
    expect(page.pageInfo!.hasNextPage).toBe(true);
    expect(await awaitingFeedback(thailand, `first: 2, after: "${page.pageInfo!.endCursor}"`)).toMatchObject({
      ids: [elsewhere],
      pageInfo: { hasNextPage: false },
    });

    await answered(thailand, restricted, 'NOTHING_FOUND');
    await answered(indonesia, first, 'SEIZED');
    expect((await awaitingFeedback(thailand)).ids, "Indonesia's feedback is not Thailand's").toEqual([first, elsewhere]);
    expect((await awaitingFeedback(indonesia)).ids).toEqual([]);
    for (const nobody of [outsider, malaysia]) expect((await awaitingFeedback(nobody)).ids).toEqual([]);
    expect(unacknowledged).toBeTruthy();

    const notOurs = await awaitingFeedback(thailand, `first: 2, after: "${Buffer.from('awaiting:1:x').toString('base64url')}"`);
    expect(notOurs.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});

describe('feedback on a RESTRICTED alert', () => {
  it('exists only for its audience: list, node, timeline, live stream, replay, results and export', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await operationalRoom(file.kit, { indonesia: true });
    const before = await operation.view(planner, 'timeline(first: 500) { edges { cursor } }');
    const since = before!.timeline.edges.at(-1).cursor as string;
    const STREAM = `subscription($operationId: ID!, $after: String) { operationEvents(operationId: $operationId, after: $after) {
      ${FEEDBACK_EVENT} ... on AlertRaisedEvent { alert { id } } } }`;
    const stream = (actor: Actor) => {
      const socket = openSocket(file.app.wsUrl, { token: actor.token });
      file.sockets.push(socket);
      return subscribe<{ operationEvents: { type: string; alert?: { id: string } } }>(socket, STREAM, {
        operationId: operation.id,
        after: since,
      });
    };
    const [liveThailand, liveIndonesia, livePlanner] = [stream(thailand), stream(indonesia), stream(planner)];

    const restricted = await raise(
      malaysia,
      alertInput(operation, { marking: 'RED', distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] }),
    );
    await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: restricted });
    await answered(thailand, restricted, 'SEIZED', 'Informant right: 12 t seized.');
    const open = await raise(malaysia, alertInput(operation, { title: 'Second consignment' }));

    await liveThailand.until((s) => s.received.length === 4);
    expect(liveThailand.received.map((event) => event.operationEvents.type)).toEqual([
      'ALERT_RAISED',
      'ALERT_ACKNOWLEDGED',
      'ALERT_FEEDBACK_GIVEN',
      'ALERT_RAISED',
    ]);
    for (const live of [liveIndonesia, livePlanner]) {
      await live.until((s) => s.received.some((event) => event.operationEvents.alert?.id === open));
      expect(live.received.map((event) => event.operationEvents.type)).not.toContain('ALERT_FEEDBACK_GIVEN');
      expect(JSON.stringify(live.received)).not.toContain(restricted);
    }
    for (const replay of [stream(indonesia), stream(planner)]) {
      await replay.until((s) => s.received.some((event) => event.operationEvents.alert?.id === open));
      expect(JSON.stringify(replay.received), 'replayed from before the alert').not.toContain(restricted);
    }

    const results = resultsKit(file.app);
    const selection =
      'totals { alertDeliveries recipientsWithFeedback controlsPerformed alertsWithRecipientFeedback alertsWithRecipientSeizure }';
    // Thailand sees both alerts: the open one went to WCO, Thailand and Indonesia, the restricted one to Thailand alone.
    expect((await results.results(thailand, operation.id, { selection })).data!.totals).toEqual({
      alertDeliveries: 4,
      recipientsWithFeedback: 1,
      controlsPerformed: 1,
      alertsWithRecipientFeedback: 1,
      alertsWithRecipientSeizure: 1,
    });
    for (const outsider of [indonesia, planner]) {
      expect(await alertSeenBy(outsider, restricted)).toBeNull();
      const listed = await operation.view(outsider, 'alerts(first: 100) { edges { node { id } } }');
      expect(JSON.stringify(listed)).not.toContain(restricted);
      expect(await feedbackEvents(operation, outsider)).toEqual([]);
      expect((await results.results(outsider, operation.id, { selection })).data!.totals).toEqual({
        alertDeliveries: 3,
        recipientsWithFeedback: 0,
        controlsPerformed: 0,
        alertsWithRecipientFeedback: 0,
        alertsWithRecipientSeizure: 0,
      });
      const csv = parseCsv((await results.csv(outsider, operation.id, 'totals')).text!);
      expect(csv).toContainEqual(['recipientsWithFeedback', '0']);
      expect(csv).toContainEqual(['controlRate', '0']);
      expect(csv).toContainEqual(['recipientHitRate', '']);
    }
    const thaiCsv = parseCsv((await results.csv(thailand, operation.id, 'totals')).text!);
    expect(thaiCsv).toContainEqual(['controlRate', '0.25']);
    expect(thaiCsv).toContainEqual(['recipientHitRate', '1']);
  });
});
