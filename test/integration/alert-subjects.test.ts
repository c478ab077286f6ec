import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { openSocket, subscribe } from '../testkit/ws';
import { SHIPMENT_SUBJECT } from '../testkit/alert-subjects';

// An alert's subject is typed by its category: a shipment, a passenger, a conveyance, or free JSON
// for intelligence and tests. It is given as one kind (AlertSubjectInput, @oneOf) or, for existing
// clients, as the deprecated JSON; the shared rules check both, and every read path answers the union.

const file = fileHandles(it);

const PASSENGER = { travelDocumentCountry: 'NG', flightNumber: 'mh123', route: { origin: 'NG', destination: 'MY' } };
const CONVEYANCE = { vesselName: 'SEA PEARL 9', imo: '9412337' };
const FREE = { source: 'tip-off', reliability: 'B2' };

// A passenger's flight is always given, a conveyance's may not be: two types, so a query aliases one.
const SUBJECT_FIELDS = `subject {
  __typename
  ... on ShipmentSubject { containerNumber billOfLading airWaybill hsCode consignor consignee route { origin transit destination } }
  ... on PassengerSubject { travelDocumentCountry flightNumber route { origin transit destination } }
  ... on ConveyanceSubject { vesselName imo flight: flightNumber vehicleRegistration }
  ... on FreeSubject { content }
}`;

function alertInput(operation: OperationDriver, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'MEDIUM',
    title: 'Subject under watch',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  };
}

const raise = (by: Actor, input: Record<string, unknown>) => file.kit.mutate(by, 'raiseAlert', input);
const raiseAnswer = (by: Actor, input: Record<string, unknown>) =>
  file.app.graphql(
    `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { __typename ... on ValidationError { fieldErrors { path message key category } } } }`,
    { input },
    { token: by.token },
  );

/** The subject of each alert `viewer` finds, by id: in the list, as a node. */
async function subjectsSeen(operation: OperationDriver, viewer: Actor, ids: string[]) {
  const response = await file.app.graphql(
    `query($id: ID!${ids.map((_, index) => `, $id${index}: ID!`).join('')}) {
      operation(id: $id) { alerts(first: 100) { edges { node { id ${SUBJECT_FIELDS} } } } }
      ${ids.map((_, index) => `node${index}: node(id: $id${index}) { ... on Alert { ${SUBJECT_FIELDS} } }`).join('\n')}
    }`,
    { id: operation.id, ...Object.fromEntries(ids.map((id, index) => [`id${index}`, id])) },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  const listed = new Map(
    response.data!.operation.alerts.edges.map((edge: { node: { id: string; subject: unknown } }) => [edge.node.id, edge.node.subject]),
  );
  return {
    listed: ids.map((id) => listed.get(id)),
    nodes: ids.map((_, index) => response.data![`node${index}`].subject),
  };
}

const EXPECTED = [
  { __typename: 'ShipmentSubject', ...SHIPMENT_SUBJECT, airWaybill: null },
  { __typename: 'PassengerSubject', ...PASSENGER, flightNumber: 'MH123', route: { ...PASSENGER.route, transit: [] } },
  { __typename: 'ConveyanceSubject', ...CONVEYANCE, flight: null, vehicleRegistration: null },
  { __typename: 'FreeSubject', content: FREE },
  null,
];

describe('a typed subject', () => {
  it('is answered as its category’s member of the union in the list, as a node and in the live stream', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const seen = await operation.view(thailand, 'timeline(first: 500) { edges { cursor } }');
    const socket = openSocket(file.app.wsUrl, { token: thailand.token });
    file.sockets.push(socket);
    const stream = subscribe<{ operationEvents: { type: string; alert?: { id: string; subject: unknown } } }>(
      socket,
      `subscription($id: ID!, $after: String) { operationEvents(operationId: $id, after: $after) { type ... on AlertRaisedEvent { alert { id ${SUBJECT_FIELDS} } } } }`,
      // From the last event before the raises: the stream misses none of them, whenever it is in place.
      { id: operation.id, after: seen!.timeline.edges.at(-1).cursor },
    );

    const inputs = [
      { category: 'SHIPMENT', typedSubject: { shipment: SHIPMENT_SUBJECT } },
      { category: 'PASSENGER', typedSubject: { passenger: PASSENGER } },
      { category: 'CONVEYANCE', typedSubject: { conveyance: CONVEYANCE } },
      { category: 'INTELLIGENCE', typedSubject: { free: FREE } },
      { category: 'INTELLIGENCE' },
    ];
    const ids: string[] = [];
    for (const input of inputs) {
      const { result } = await raise(malaysia, alertInput(operation, input));
      expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
      ids.push(result!.id);
    }

    for (const viewer of [malaysia, thailand]) {
      expect(await subjectsSeen(operation, viewer, ids)).toEqual({ listed: EXPECTED, nodes: EXPECTED });
    }
    await stream.until((s) => s.received.filter((event) => event.operationEvents.type === 'ALERT_RAISED').length === ids.length);
    const streamed = stream.received.flatMap(({ operationEvents: event }) => (event.type === 'ALERT_RAISED' ? [event.alert!] : []));
    expect(streamed.map((alert) => alert.id)).toEqual(ids);
    expect(streamed.map((alert) => alert.subject)).toEqual(EXPECTED);
  });

  it('given as the deprecated JSON, is kept and answered the same way', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit);
    const { result } = await raise(malaysia, alertInput(operation, { category: 'SHIPMENT', subject: SHIPMENT_SUBJECT }));
    expect((await subjectsSeen(operation, malaysia, [result!.id])).nodes).toEqual([EXPECTED[0]]);
  });
});

describe('a typed subject that does not hold', () => {
  it.each([
    [
      'a kind that is not the category’s',
      { category: 'PASSENGER', typedSubject: { shipment: SHIPMENT_SUBJECT } },
      [
        {
          path: ['typedSubject', 'shipment'],
          message: 'Not the subject of a PASSENGER alert',
          key: 'SUBJECT_NOT_OF_CATEGORY',
          category: 'PASSENGER',
        },
      ],
    ],
    [
      'a free subject for a shipment alert',
      { category: 'SHIPMENT', typedSubject: { free: FREE } },
      [
        {
          path: ['typedSubject', 'free'],
          message: 'Not the subject of a SHIPMENT alert',
          key: 'SUBJECT_NOT_OF_CATEGORY',
          category: 'SHIPMENT',
        },
      ],
    ],
    [
      'both the typed and the deprecated subject',
      { category: 'SHIPMENT', subject: SHIPMENT_SUBJECT, typedSubject: { shipment: SHIPMENT_SUBJECT } },
      [
        {
          path: ['typedSubject'],
          message: 'Give the subject once: typedSubject, or the deprecated subject',
          key: 'SUBJECT_TWICE',
          category: null,
        },
      ],
    ],
    [
      'a shipment rule broken (a country that is no code)',
      {
        category: 'SHIPMENT',
        typedSubject: { shipment: { ...SHIPMENT_SUBJECT, billOfLading: null, route: { origin: 'Malaysia', destination: 'PH' } } },
      },
      [
        {
          path: ['typedSubject', 'shipment', 'route', 'origin'],
          message: 'Use a two-letter ISO 3166-1 country code',
          key: 'NOT_A_COUNTRY',
          category: null,
        },
      ],
    ],
    [
      'a shipment without a transport document',
      { category: 'SHIPMENT', typedSubject: { shipment: { ...SHIPMENT_SUBJECT, billOfLading: null } } },
      [
        {
          path: ['typedSubject', 'shipment', 'billOfLading'],
          message: 'Give a bill of lading or an air waybill',
          key: 'TRANSPORT_DOCUMENT_REQUIRED',
          category: null,
        },
      ],
    ],
    [
      'a conveyance that names nothing',
      { category: 'CONVEYANCE', typedSubject: { conveyance: {} } },
      [
        {
          path: ['typedSubject', 'conveyance', 'vesselName'],
          message: 'Name the vessel (or its IMO number), the flight or the vehicle',
          key: 'CONVEYANCE_REQUIRED',
          category: null,
        },
      ],
    ],
  ])('refuses %s with a ValidationError naming the field, and raises nothing', async (_mistake, change, fieldErrors) => {
    const { operation, malaysia } = await operationalRoom(file.kit);
    const before = await operation.view(malaysia, 'alerts(first: 100) { edges { node { id } } }');
    const response = await raiseAnswer(malaysia, alertInput(operation, change));
    expect(response.errors).toBeUndefined();
    expect(response.data!.raiseAlert).toEqual({ __typename: 'ValidationError', fieldErrors });
    expect(await operation.view(malaysia, 'alerts(first: 100) { edges { node { id } } }')).toEqual(before);
  });

  it('refuses two kinds at once before anything runs (@oneOf), and raises nothing', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit);
    const before = await operation.view(malaysia, 'alerts(first: 100) { edges { node { id } } }');
    const response = await raiseAnswer(
      malaysia,
      alertInput(operation, { category: 'SHIPMENT', typedSubject: { shipment: SHIPMENT_SUBJECT, free: FREE } }),
    );
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.message).toMatch(/Exactly one key must be specified for OneOf type "AlertSubjectInput"/);
    expect(await operation.view(malaysia, 'alerts(first: 100) { edges { node { id } } }')).toEqual(before);
  });

  it('names each problem by key and bound as well as in English, so a client words it in its reader’s language', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit);
    const response = await file.app.graphql(
      `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { ... on ValidationError { fieldErrors { path key min max } } } }`,
      {
        input: alertInput(operation, {
          title: 'T'.repeat(301),
          description: 'Declared\u0000weight',
          category: 'SHIPMENT',
          typedSubject: { shipment: { ...SHIPMENT_SUBJECT, consignor: ' ', route: { origin: 'XX', destination: 'PH' } } },
        }),
      },
      { token: malaysia.token },
    );
    const problems = response.data!.raiseAlert.fieldErrors.map((error: { path: string[] }) => ({ ...error, path: error.path.join('.') }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'title', key: 'TOO_LONG', min: null, max: 300 },
        { path: 'description', key: 'CONTROL_CHARACTER', min: null, max: null },
      ]),
    );
    const subjectResponse = await file.app.graphql(
      `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { ... on ValidationError { fieldErrors { path key min max } } } }`,
      {
        input: alertInput(operation, {
          category: 'SHIPMENT',
          typedSubject: { shipment: { ...SHIPMENT_SUBJECT, consignor: ' ', route: { origin: 'XX', destination: 'PH' } } },
        }),
      },
      { token: malaysia.token },
    );
    expect(subjectResponse.data!.raiseAlert.fieldErrors).toEqual([
      { path: ['typedSubject', 'shipment', 'consignor'], key: 'REQUIRED', min: null, max: null },
      { path: ['typedSubject', 'shipment', 'route', 'origin'], key: 'NOT_A_COUNTRY', min: null, max: null },
    ]);
  });
});
