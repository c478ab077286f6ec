import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';

// Thailand's contact point keeps the room of one operation open while Thailand also takes part in
// another: the room asks for the alerts awaiting Thailand's acknowledgement and feedback in its own
// operation only. Narrowing never widens: a RESTRICTED alert sent to Thailand alone stays out of
// Indonesia's lists and counts, and an agency outside the operation finds nothing in it.

const file = fileHandles(it);

/** The ids of an "awaiting my …" list as `viewer` reads it, with the arguments given. */
async function awaiting(viewer: Actor, list: 'awaitingMyAcknowledgement' | 'awaitingMyFeedback', args: string): Promise<string[]> {
  const response = await file.app.graphql(`{ ${list}(${args}) { edges { node { id } } } }`, {}, { token: viewer.token });
  expect(response.errors).toBeUndefined();
  return response.data![list].edges.map((edge: { node: { id: string } }) => edge.node.id);
}

/** The operation's count of alerts awaiting the viewer's agency, as the room asks for it; null when the operation is not theirs to see. */
async function awaitingCount(viewer: Actor, operation: OperationDriver): Promise<{ alerts: number; critical: number } | null> {
  const response = await file.app.graphql(
    `query ($id: ID!) { operation(id: $id) { awaitingMyAcknowledgementCount { alerts critical } } }`,
    { id: operation.id },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.operation?.awaitingMyAcknowledgementCount ?? null;
}

/** Raised a minute after the last, so that "oldest first" has one answer. */
async function raise(by: Actor, operation: OperationDriver, title: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await operation.raiseAlert(by, title, overrides);
  file.app.clock.advance({ seconds: 60 });
  return id;
}

describe('the alerts awaiting my agency, in one operation', () => {
  // Two operations taken to OPERATIONAL through every gate: slow on a loaded machine.
  it('narrows both lists to the operation asked for, and never to more than the agency may see', async () => {
    const { operation, planner, malaysia, thailand, indonesia, outsider } = await operationalRoom(file.kit, {
      indonesia: true,
      outsider: 'FR',
    });
    const other = await file.kit.operation(planner);
    await other.join(malaysia);
    await other.join(thailand);
    await other.advanceTo('OPERATIONAL');

    const here = await raise(malaysia, operation, 'Ammonium nitrate declared as fertiliser, Port Klang to Jakarta');
    const restricted = await raise(malaysia, operation, 'Consignee known to Thai customs only', {
      marking: 'RED',
      distribution: 'RESTRICTED',
      recipientAgencyIds: [thailand.agency.globalId],
    });
    const elsewhere = await raise(malaysia, other, 'Detonators in a courier parcel from Bangkok');

    const inOperation = `first: 100, operationId: "${operation.id}"`;
    expect(await awaiting(thailand, 'awaitingMyAcknowledgement', 'first: 100')).toEqual([here, restricted, elsewhere]);
    expect(await awaiting(thailand, 'awaitingMyAcknowledgement', inOperation)).toEqual([here, restricted]);
    expect(await awaiting(thailand, 'awaitingMyAcknowledgement', `first: 100, operationId: "${other.id}"`)).toEqual([elsewhere]);
    expect(await awaiting(indonesia, 'awaitingMyAcknowledgement', inOperation), 'not the RESTRICTED alert').toEqual([here]);
    expect(await awaiting(outsider, 'awaitingMyAcknowledgement', inOperation)).toEqual([]);
    expect(await awaiting(malaysia, 'awaitingMyAcknowledgement', inOperation), 'its own alerts ask nothing of it').toEqual([]);
    // An agency's id where an operation's is asked for narrows to nothing, not to every operation.
    expect(await awaiting(thailand, 'awaitingMyAcknowledgement', `first: 100, operationId: "${thailand.agency.globalId}"`)).toEqual([]);

    // The room's count says the same without the alerts: Indonesia's never counts Thailand's RED alert.
    expect(await awaitingCount(thailand, operation)).toEqual({ alerts: 2, critical: 0 });
    expect(await awaitingCount(thailand, other)).toEqual({ alerts: 1, critical: 0 });
    expect(await awaitingCount(indonesia, operation), 'not the RESTRICTED alert').toEqual({ alerts: 1, critical: 0 });
    expect(await awaitingCount(malaysia, operation), 'its own alerts ask nothing of it').toEqual({ alerts: 0, critical: 0 });
    expect(await awaitingCount(outsider, operation), 'no operation, so no count, for an agency outside it').toBeNull();

    for (const alert of [here, restricted, elsewhere]) await file.kit.mutate(thailand, 'acknowledgeAlert', { alertId: alert });
    await file.kit.mutate(indonesia, 'acknowledgeAlert', { alertId: here });
    expect(await awaitingCount(thailand, operation)).toEqual({ alerts: 0, critical: 0 });

    expect(await awaiting(thailand, 'awaitingMyFeedback', 'first: 100')).toEqual([here, restricted, elsewhere]);
    expect(await awaiting(thailand, 'awaitingMyFeedback', inOperation)).toEqual([here, restricted]);
    expect(await awaiting(thailand, 'awaitingMyFeedback', `first: 100, operationId: "${other.id}"`)).toEqual([elsewhere]);
    expect(await awaiting(indonesia, 'awaitingMyFeedback', inOperation), 'not the RESTRICTED alert').toEqual([here]);
    expect(await awaiting(outsider, 'awaitingMyFeedback', inOperation)).toEqual([]);
    expect(await awaiting(thailand, 'awaitingMyFeedback', `first: 100, operationId: "${thailand.agency.globalId}"`)).toEqual([]);

    await raise(malaysia, operation, 'Armed escort reported on the Kuala Lumpur to Bangkok night train', { severity: 'CRITICAL' });
    expect(await awaitingCount(thailand, operation)).toEqual({ alerts: 1, critical: 1 });
    expect(await awaitingCount(indonesia, operation)).toEqual({ alerts: 1, critical: 1 });
  }, 120_000);
});
