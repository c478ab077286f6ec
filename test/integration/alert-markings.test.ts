import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { resultsKit } from '../testkit/results';
import { seizureInput } from '../testkit/seizures';
import { execute, openSocket, subscribe } from '../testkit/ws';
import { withAuditRows } from './audit-rows';

// Traffic Light Protocol markings as the operations room lives by them. Malaysian customs hold a
// TLP:RED tip-off on a buyer: it may go to Thai customs by name, never to every participant, and
// Indonesia and the coordinators see nothing of it (list, node, timeline, live stream). What leaves
// the system in an export is bounded by the marking: AMBER+STRICT only when asked, RED never.

const file = fileHandles(it);

const ROOM = { indonesia: true, commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE' } } as const;
const RAISE = `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) {
  __typename ... on ValidationError { code fieldErrors { path message } } ... on Alert { id } } }`;
const RED_TO_ALL = 'A TLP:RED alert goes to named agencies only: make it RESTRICTED';

function tipOff(operation: OperationDriver, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Diversion of ammonium nitrate to a named buyer',
    description: 'Source reporting: the consignee resells to a known bomb-maker.',
    marking: 'RED',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  };
}

async function raised(by: Actor, input: Record<string, unknown>): Promise<{ id: string; reference: string }> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', input);
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return { id: result.id as string, reference: result.reference as string };
}

/** What `viewer` finds of the operation's alerts: their titles in the list and timeline, and one alert as a node. */
async function sight(operation: OperationDriver, viewer: Actor, alertId?: string) {
  const response = await file.app.graphql(
    `query($operationId: ID!, $alertId: ID!) {
      operation(id: $operationId) {
        alerts(first: 100) { edges { node { title } } }
        timeline(first: 500) { edges { node { type } } }
      }
      node(id: $alertId) { id }
    }`,
    { operationId: operation.id, alertId: alertId ?? operation.id },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  const { alerts, timeline } = response.data!.operation;
  return {
    titles: alerts.edges.map((edge: { node: { title: string } }) => edge.node.title) as string[],
    events: timeline.edges.length as number,
    node: alertId ? response.data!.node : undefined,
  };
}

describe('a TLP:RED alert', () => {
  it('to every participant is refused at its distribution: nothing stored, no event, audited as refused', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const before = await sight(operation, malaysia);

    const { value, audit } = await withAuditRows(file.app, () =>
      file.app.graphql(RAISE, { input: tipOff(operation) }, { token: malaysia.token }),
    );

    expect(value.data!.raiseAlert).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      fieldErrors: [{ path: ['distribution'], message: RED_TO_ALL }],
    });
    expect(await sight(operation, malaysia)).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'raiseAlert', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);
  });

  it('to every participant is refused the same over WebSocket', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const before = await sight(operation, malaysia);
    const socket = openSocket(file.app.wsUrl, { token: malaysia.token });
    file.sockets.push(socket);

    const answer = await execute<{ raiseAlert: unknown }>(socket, RAISE, { input: tipOff(operation) });

    expect(answer.data!.raiseAlert).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['distribution'] }] });
    expect(await sight(operation, malaysia)).toEqual(before);
  });

  it('to named agencies reaches them and exists for no one else: list, node, timeline, live stream', async () => {
    const { operation, planner, malaysia, thailand, indonesia } = await operationalRoom(file.kit, ROOM);
    const after = (await operation.view(planner, 'timeline(first: 500) { edges { cursor } }'))!.timeline.edges.at(-1).cursor as string;
    const live = (actor: Actor) => {
      const socket = openSocket(file.app.wsUrl, { token: actor.token });
      file.sockets.push(socket);
      return subscribe<{ operationEvents: { type: string; alert?: { title: string } } }>(
        socket,
        `subscription($operationId: ID!, $after: String) {
          operationEvents(operationId: $operationId, after: $after) { type ... on AlertRaisedEvent { alert { title } } }
        }`,
        { operationId: operation.id, after },
      );
    };
    const streams = { thailand: live(thailand), indonesia: live(indonesia), planner: live(planner) };

    const red = await raised(malaysia, tipOff(operation, { distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] }));
    expect((await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: red.id })).result).toMatchObject({ __typename: 'Alert' });
    // Then one for everyone: once the others have it, they would have had the RED one before it.
    await raised(malaysia, tipOff(operation, { title: 'Same buyer, second route', marking: 'GREEN' }));

    const titles = (stream: (typeof streams)['thailand']) =>
      stream.received.flatMap(({ operationEvents: event }) => (event.type === 'ALERT_RAISED' ? [event.alert!.title] : []));
    for (const stream of Object.values(streams)) await stream.until((s) => titles(s).includes('Same buyer, second route'));
    expect(titles(streams.thailand)).toEqual(['Diversion of ammonium nitrate to a named buyer', 'Same buyer, second route']);
    expect(titles(streams.indonesia)).toEqual(['Same buyer, second route']);
    expect(titles(streams.planner)).toEqual(['Same buyer, second route']);

    for (const named of [malaysia, thailand]) {
      const seen = await sight(operation, named, red.id);
      expect(seen.titles).toContain('Diversion of ammonium nitrate to a named buyer');
      expect(seen.node).toEqual({ id: red.id });
    }
    for (const outside of [indonesia, planner]) {
      const seen = await sight(operation, outside, red.id);
      expect(seen.titles).toEqual(expect.not.arrayContaining(['Diversion of ammonium nitrate to a named buyer']));
      expect(seen.node).toBeNull();
    }
  });
});

describe('what an export carries of marked alerts', () => {
  it('AMBER+STRICT references only when asked and only to their audience; RED ones never, even to their recipients', async () => {
    const { operation, planner, malaysia, thailand, indonesia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const toThailand = { distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] };
    const strict = await raised(malaysia, tipOff(operation, { ...toThailand, marking: 'AMBER_STRICT', title: 'Strict' }));
    const red = await raised(malaysia, tipOff(operation, { ...toThailand, title: 'Red' }));
    const open = await raised(malaysia, tipOff(operation, { marking: 'AMBER', title: 'Open' }));
    await file.seizures.reported(
      thailand,
      seizureInput(operation, ammoniumNitrate, { countryCode: 'TH', linkedAlertIds: [open.id, strict.id, red.id] }),
    );
    const results = resultsKit(file.app);
    /** Which of the three alerts' references the seizure list `viewer` exports names, whatever heads its columns. */
    const named = async (viewer: Actor, maxMarking?: string) => {
      const { text, error } = await results.csv(viewer, operation.id, 'seizures', { maxMarking, includeUnverified: true });
      expect(error).toBeUndefined();
      return Object.entries({ open, strict, red }).flatMap(([name, alert]) => (text!.includes(alert.reference) ? [name] : []));
    };

    for (const audience of [malaysia, thailand]) {
      expect(await named(audience)).toEqual(['open']);
      expect(await named(audience, 'AMBER_STRICT')).toEqual(['open', 'strict']);
      expect(await named(audience, 'RED')).toEqual(['open', 'strict']);
    }
    for (const outside of [indonesia, planner]) expect(await named(outside, 'RED')).toEqual(['open']);
    for (const table of ['seizures', 'alertOutcomes', 'totals']) {
      const { text } = await results.csv(thailand, operation.id, table, { maxMarking: 'RED', includeUnverified: true });
      expect(text).not.toContain(red.reference);
      expect(text).not.toContain('bomb-maker');
    }
  });
});
