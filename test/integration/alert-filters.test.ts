import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { SHIPMENT_SUBJECT } from '../testkit/alert-subjects';

// A contact point finds their work among an operation's alerts by severity, category, originator,
// whether their agency still owes an acknowledgement, outcome and words; the filters only narrow
// what the viewer may already see, so a RESTRICTED alert stays out of every other agency's answer.

const file = fileHandles(it);

function alertInput(operation: OperationDriver, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'MEDIUM',
    title: 'Courier network moving cash through KLIA',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  };
}

async function raise(by: Actor, input: Record<string, unknown>): Promise<{ id: string; reference: string }> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', input);
  expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
  return { id: result!.id as string, reference: result!.reference as string };
}

/** The references of the alerts `viewer` finds in the operation with `filter`, newest first, and the end cursor. */
async function found(operation: OperationDriver, viewer: Actor, filter: Record<string, unknown>, page = 'first: 100') {
  const response = await file.app.graphql(
    `query($id: ID!, $filter: AlertFilter) {
      operation(id: $id) { alerts(${page}, filter: $filter) { edges { node { reference } } pageInfo { hasNextPage endCursor } } }
    }`,
    { id: operation.id, filter },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  const alerts = response.data!.operation.alerts;
  return {
    references: alerts.edges.map((edge: { node: { reference: string } }) => edge.node.reference) as string[],
    pageInfo: alerts.pageInfo as { hasNextPage: boolean; endCursor: string | null },
  };
}

/**
 * Malaysia's shipment and cash alerts, Thailand's 100% tip, and a RESTRICTED alert from Malaysia to
 * Thailand only; a minute apart from the cash alert on, so that deadlines of one severity tell their order.
 */
async function busyRoom() {
  const room = await operationalRoom(file.kit, { indonesia: true });
  const { operation, malaysia, thailand } = room;
  const shipment = await raise(
    malaysia,
    alertInput(operation, {
      category: 'SHIPMENT',
      severity: 'HIGH',
      title: 'Ammonium nitrate declared as fertiliser',
      description: 'Density inconsistent with NPK',
      subject: SHIPMENT_SUBJECT,
    }),
  );
  const cash = await raise(malaysia, alertInput(operation, {}));
  file.app.clock.advance({ seconds: 60 });
  const tip = await raise(thailand, alertInput(operation, { title: 'Tip rated 100% reliable', description: 'Source graded A_1' }));
  file.app.clock.advance({ seconds: 60 });
  const restricted = await raise(
    malaysia,
    alertInput(operation, {
      severity: 'HIGH',
      title: 'Ammonium nitrate: the informant',
      marking: 'RED',
      distribution: 'RESTRICTED',
      recipientAgencyIds: [thailand.agency.globalId],
    }),
  );
  return { ...room, shipment, cash, tip, restricted };
}

describe("an operation's alerts, filtered", () => {
  it('narrows by each filter alone and by several together, within what the viewer may see', async () => {
    const { operation, malaysia, thailand, indonesia, shipment, cash, tip, restricted } = await busyRoom();
    const refs = async (viewer: Actor, filter: Record<string, unknown>) => (await found(operation, viewer, filter)).references;

    expect(await refs(thailand, { severity: 'HIGH' })).toEqual([restricted.reference, shipment.reference]);
    expect(await refs(thailand, { category: 'SHIPMENT' })).toEqual([shipment.reference]);
    expect(await refs(thailand, { raisedByAgencyId: thailand.agency.globalId })).toEqual([tip.reference]);
    expect(await refs(thailand, { text: 'ammonium NITRATE' })).toEqual([restricted.reference, shipment.reference]);
    expect(await refs(thailand, { text: 'npk' }), 'the description is searched too').toEqual([shipment.reference]);
    expect(await refs(thailand, { severity: 'HIGH', text: 'informant', raisedByAgencyId: malaysia.agency.globalId })).toEqual([
      restricted.reference,
    ]);
    expect(await refs(thailand, { outcome: 'SEIZED', category: 'INTELLIGENCE' })).toEqual([]);
    expect(await refs(thailand, { raisedByAgencyId: operation.id }), 'an id that is no agency matches nothing').toEqual([]);
    expect(await refs(thailand, { raisedInCountry: 'MY' })).toEqual([restricted.reference, cash.reference, shipment.reference]);
    expect(await refs(thailand, { raisedInCountry: 'th', severity: 'MEDIUM' }), 'the code in either case').toEqual([tip.reference]);
    expect(await refs(indonesia, { raisedInCountry: 'MY' }), 'the restricted alert stays out').toEqual([
      cash.reference,
      shipment.reference,
    ]);
    expect(await refs(thailand, { raisedInCountry: 'ID' })).toEqual([]);

    await file.kit.mutate(thailand, 'giveAlertFeedback', { alertId: cash.id, outcome: 'NOTHING_FOUND' });
    expect(await refs(indonesia, { outcome: 'NOTHING_FOUND' })).toEqual([cash.reference]);
    expect(await refs(indonesia, { outcome: 'PENDING', category: 'INTELLIGENCE' })).toEqual([tip.reference]);
  });

  it("tells apart the alerts the viewer's agency acknowledged, still owes, and was never asked for", async () => {
    const { operation, thailand, shipment, cash, tip, restricted } = await busyRoom();
    const refs = async (filter: Record<string, unknown>) =>
      (await found(operation, thailand, { category: 'INTELLIGENCE', ...filter })).references;
    await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: cash.id });

    expect(await refs({ acknowledgement: 'ACKNOWLEDGED' })).toEqual([cash.reference]);
    expect(await refs({ acknowledgement: 'AWAITING' })).toEqual([restricted.reference]);
    expect(await refs({ acknowledgement: 'NOT_ADDRESSED_TO_US' }), 'Thailand raised the tip itself').toEqual([tip.reference]);
    expect((await found(operation, thailand, { acknowledgement: 'AWAITING', severity: 'HIGH' })).references).toEqual([
      restricted.reference,
      shipment.reference,
    ]);
  });

  it('takes % and _ in the text literally', async () => {
    const { operation, thailand, tip } = await busyRoom();
    const refs = async (text: string) => (await found(operation, thailand, { text })).references;
    expect(await refs('100%')).toEqual([tip.reference]);
    expect(await refs('%')).toEqual([tip.reference]);
    expect(await refs('A_1')).toEqual([tip.reference]);
    expect(await refs('_'), 'an underscore matches only an underscore').toEqual([tip.reference]);
  });

  it('refuses words longer than a title, naming the field, control characters, and a country that is no ISO code', async () => {
    const { operation, thailand } = await busyRoom();
    for (const filter of [
      { text: 'x'.repeat(201) },
      { text: 'nitrate\u0000' },
      { raisedInCountry: 'Malaysia' },
      { raisedInCountry: 'XK' },
    ]) {
      const response = await file.app.graphql(
        'query($id: ID!, $filter: AlertFilter) { operation(id: $id) { alerts(first: 5, filter: $filter) { edges { node { id } } } } }',
        { id: operation.id, filter },
        { token: thailand.token },
      );
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe('VALIDATION');
      expect(JSON.stringify(response.errors)).toContain('filter');
    }
    expect((await found(operation, thailand, { text: 'x'.repeat(200) })).references).toEqual([]);
  });

  it('pages through a filter, newest first, without gaps or repeats', async () => {
    const { operation, thailand, shipment, cash, tip, restricted } = await busyRoom();
    const filter = { category: 'INTELLIGENCE' };
    const first = await found(operation, thailand, filter, 'first: 2');
    expect(first.references).toEqual([restricted.reference, tip.reference]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await found(operation, thailand, filter, `first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(next.references).toEqual([cash.reference]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(next.references).not.toContain(shipment.reference);
  });

  it('never shows nor counts a RESTRICTED alert for an agency it was not sent to, whatever the filter', async () => {
    const { operation, planner, indonesia, restricted } = await busyRoom();
    const filters: Record<string, unknown>[] = [
      {},
      { severity: 'HIGH' },
      { category: 'INTELLIGENCE' },
      { text: 'informant' },
      { acknowledgement: 'NOT_ADDRESSED_TO_US' },
      { outcome: 'PENDING', severity: 'HIGH', category: 'INTELLIGENCE' },
    ];
    for (const viewer of [planner, indonesia]) {
      for (const filter of filters) expect((await found(operation, viewer, filter)).references).not.toContain(restricted.reference);
      expect((await found(operation, viewer, { text: 'informant' })).references).toEqual([]);
    }
  });

  it('shows an agency outside the operation nothing through any filter', async () => {
    const { operation } = await busyRoom();
    const outsider = await file.kit.actor(await file.kit.seed.agency({ countryCode: 'FR' }));
    const response = await file.app.graphql(
      'query($id: ID!) { operation(id: $id) { alerts(first: 100, filter: { text: "ammonium" }) { edges { node { id } } } } }',
      { id: operation.id },
      { token: outsider.token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.operation).toBeNull();
  });
});

/** The references `viewer` finds awaiting their agency's acknowledgement, oldest deadline first, and the end cursor. */
async function awaiting(viewer: Actor, page = 'first: 100') {
  const response = await file.app.graphql(
    `{ awaitingMyAcknowledgement(${page}) { edges { node { reference } } pageInfo { hasNextPage endCursor } } }`,
    {},
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  const list = response.data!.awaitingMyAcknowledgement;
  return {
    references: list.edges.map((edge: { node: { reference: string } }) => edge.node.reference) as string[],
    pageInfo: list.pageInfo as { hasNextPage: boolean; endCursor: string | null },
  };
}

describe('the alerts awaiting my acknowledgement', () => {
  it("lists, across operations, what the viewer's agency still owes, oldest deadline first, until it acknowledges", async () => {
    const { operation, planner, malaysia, thailand, indonesia, shipment, cash, tip, restricted } = await busyRoom();
    const second = await file.kit.operation(planner);
    await second.join(malaysia);
    await second.join(thailand);
    await second.advanceTo('OPERATIONAL');
    const urgent = await raise(planner, alertInput(second, { severity: 'CRITICAL', title: 'Vessel MV Seri Angkasa diverted' }));

    // The second operation went live hours later, yet its CRITICAL alert falls due before the first one's MEDIUM alert.
    expect((await awaiting(thailand)).references).toEqual([shipment.reference, restricted.reference, urgent.reference, cash.reference]);
    expect((await awaiting(indonesia)).references, 'not the RESTRICTED alert, nor the other operation').toEqual([
      shipment.reference,
      cash.reference,
      tip.reference,
    ]);

    const firstPage = await awaiting(thailand, 'first: 2');
    expect(firstPage.references).toEqual([shipment.reference, restricted.reference]);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const nextPage = await awaiting(thailand, `first: 2, after: "${firstPage.pageInfo.endCursor}"`);
    expect(nextPage).toMatchObject({ references: [urgent.reference, cash.reference], pageInfo: { hasNextPage: false } });

    await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: shipment.id });
    await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: urgent.id });
    expect((await awaiting(thailand)).references).toEqual([restricted.reference, cash.reference]);
    expect((await awaiting(indonesia)).references, "another agency's acknowledgement is not ours").toContain(shipment.reference);
    expect(operation.id).not.toBe(second.id);
  });

  it('is empty for an agency outside every operation, and refuses a cursor that is not one of its own', async () => {
    await busyRoom();
    const outsider = await file.kit.actor(await file.kit.seed.agency({ countryCode: 'FR' }));
    expect((await awaiting(outsider)).references).toEqual([]);
    const response = await file.app.graphql(
      '{ awaitingMyAcknowledgement(first: 5, after: "bm90LWEtY3Vyc29y") { edges { cursor } } }',
      {},
      {
        token: outsider.token,
      },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
