import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { deliveryCounts } from '@jointops/server/live/shared-delivery';
import { frameCounts } from '@jointops/server/live/shared-frames';
import { sharedBuildCounts } from '@jointops/server/db/shared-builds';
import { sharedReadCounts } from '@jointops/server/db/shared-reads';
import type { Actor, OperationDriver } from '../testkit/operations';
import { seizureInput } from '../testkit/seizures';
import { openSocket, subscribe, type LiveSubscription } from '../testkit/ws';

// An event going to many subscribers is executed once per audience (agency, locale, role), and
// serialised once, and every subscriber still gets exactly what it would have got alone: its own
// language, its own role.

const STREAM = `subscription($operationId: ID!, $after: String) {
  operationEvents(operationId: $operationId, after: $after) {
    cursor type
    ... on AlertRaisedEvent { alert { reference commodities { name } } }
    ... on MemberAssignedEvent { member { role } }
  }
}`;
type Event = {
  operationEvents: {
    cursor: string;
    type: string;
    alert?: { reference: string; commodities: { name: string }[] };
    member?: { role: string };
  };
};

/** The seizure reports that answer an alert, as far as each viewer may see them: a draft is its own agency's. */
const LINKED_SEIZURES = `subscription($operationId: ID!, $after: String) {
  operationEvents(operationId: $operationId, after: $after) {
    type
    ... on AlertCommentedEvent { alert { reference linkedSeizures { id status } } }
  }
}`;
type LinkedSeizuresEvent = {
  operationEvents: { type: string; alert?: { reference: string; linkedSeizures: { id: string; status: string }[] } };
};

const file = fileHandles(it);

async function follow<T = Event>(operation: OperationDriver, viewer: Actor, document = STREAM): Promise<LiveSubscription<T>> {
  const seen = await operation.view(viewer, 'timeline(first: 500) { edges { cursor } }');
  const socket = openSocket(file.app.wsUrl, { token: viewer.token });
  file.sockets.push(socket);
  return subscribe<T>(socket, document, { operationId: operation.id, after: seen!.timeline.edges.at(-1).cursor });
}

/** Waits for a condition of the server's own state, which no message announces. */
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function raiseWithCommodity(operation: OperationDriver, by: Actor) {
  const [commodity] = await file.kit.catalogue(by);
  const { result } = await file.kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Consignee linked to an earlier diversion',
    commodityIds: [commodity!.id],
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
  });
  expect(result?.__typename).toBe('Alert');
  return result!;
}

describe('shared delivery', () => {
  it('executes an event once for subscribers alike, and apart for another language', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    await operation.advanceTo('OPERATIONAL');
    const thaiColleague = { ...(await file.kit.seed.user({ agency: thailand.agency, locale: 'fr' })) };
    await operation.assign(thaiColleague, 'CONTACT_POINT');
    const francophone = { ...thaiColleague, token: (await file.kit.seed.signIn(thaiColleague)).token };
    const alike = await Promise.all([follow(operation, thailand), follow(operation, thailand), follow(operation, thailand)]);
    const inFrench = await follow(operation, francophone);
    await until(() => file.app.app.liveHub.watching(uuidFromGlobalId(operation.id, 'Operation')!) === 4);

    const before = { ...deliveryCounts };
    const framesBefore = { ...frameCounts };
    const alert = await raiseWithCommodity(operation, malaysia);
    for (const live of [...alike, inFrench])
      await live.until((s) => s.received.some((event) => event.operationEvents.alert?.reference === alert.reference));
    expect(deliveryCounts.delivered - before.delivered).toBe(4);
    expect(deliveryCounts.executed - before.executed).toBe(2);
    // Serialised once per audience too: each socket's frame is its envelope around those bytes.
    expect(frameCounts.serialised - framesBefore.serialised).toBe(2);
    expect(frameCounts.written - framesBefore.written).toBe(4);

    const names = (live: LiveSubscription<Event>) =>
      live.received.find((event) => event.operationEvents.alert)!.operationEvents.alert!.commodities.map((c) => c.name);
    const [english, french] = [names(alike[0]!), names(inFrench)];
    expect(english).not.toEqual(french);
    for (const live of alike) expect(names(live)).toEqual(english);
  });

  it("shares the reads of an event's executions, never what one audience may see with another", async ({
    cast: { operation, planner, malaysia, thailand },
  }) => {
    await operation.advanceTo('OPERATIONAL');
    const alert = await raiseWithCommodity(operation, malaysia);
    // Thailand's draft answers the alert: Thailand sees it among the alert's seizures, nobody else does.
    const draft = await file.seizures.reported(
      thailand,
      seizureInput(operation, null, { commodityDescription: 'Detonating cord', linkedAlertIds: [alert.id], submit: false }),
    );
    const following = (viewer: Actor) => follow<LinkedSeizuresEvent>(operation, viewer, LINKED_SEIZURES);
    const [mine, theirs, coordinator] = await Promise.all([following(thailand), following(malaysia), following(planner)]);
    await until(() => file.app.app.liveHub.watching(uuidFromGlobalId(operation.id, 'Operation')!) === 3);

    const before = { ...deliveryCounts };
    const readsBefore = { ...sharedReadCounts };
    const buildsBefore = { ...sharedBuildCounts };
    const { result } = await file.kit.mutate(malaysia, 'commentOnAlert', { alertId: alert.id, body: 'Same consignee seen in Songkhla.' });
    expect(result?.__typename).toBe('Alert');
    const seen = async (live: LiveSubscription<LinkedSeizuresEvent>) => {
      await live.until((s) => s.received.some((event) => event.operationEvents.alert));
      return live.received.find((event) => event.operationEvents.alert)!.operationEvents.alert!.linkedSeizures;
    };
    // Each audience got what it may see, though the identical reads of the three executions (the
    // alert, its agency) were built and sent once: the links are read for a viewer, so never for another.
    expect(await seen(mine)).toEqual([{ id: draft, status: 'DRAFT' }]);
    expect(await seen(theirs)).toEqual([]);
    expect(await seen(coordinator)).toEqual([]);
    expect(deliveryCounts.executed - before.executed).toBe(3);
    expect(sharedReadCounts.shared - readsBefore.shared).toBeGreaterThan(0);
    expect(sharedBuildCounts.shared - buildsBefore.shared).toBeGreaterThan(0);
  });

  it("ends a member's stream after the event that changes their role, so they resume as what they now are", async ({
    cast: { operation, thailand },
  }) => {
    const colleague = { ...(await file.kit.seed.user({ agency: thailand.agency })) };
    await operation.assign(colleague, 'OBSERVER');
    const observer = { ...colleague, token: (await file.kit.seed.signIn(colleague)).token };
    const live = await follow(operation, observer);
    const bystander = await follow(operation, thailand);

    await operation.assign(colleague, 'CONTACT_POINT', thailand);
    await live.until((s) => s.completed);
    expect(live.received.map((event) => event.operationEvents.member?.role)).toEqual(['CONTACT_POINT']);
    await operation.update({ region: 'After the new role' });
    await bystander.until((s) => s.received.length === 2);
    expect(bystander.completed).toBe(false);
    expect(live.received).toHaveLength(1);
  });
});
