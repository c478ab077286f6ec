import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { deliveryCounts } from '@jointops/server/live/shared-delivery';
import { frameCounts } from '@jointops/server/live/shared-frames';
import type { Actor, OperationDriver } from '../testkit/operations';
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

const file = fileHandles(it);

async function follow(operation: OperationDriver, viewer: Actor): Promise<LiveSubscription<Event>> {
  const seen = await operation.view(viewer, 'timeline(first: 500) { edges { cursor } }');
  const socket = openSocket(file.app.wsUrl, { token: viewer.token });
  file.sockets.push(socket);
  return subscribe<Event>(socket, STREAM, { operationId: operation.id, after: seen!.timeline.edges.at(-1).cursor });
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
