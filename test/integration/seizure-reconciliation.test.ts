import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { decodeGlobalId, encodeGlobalId } from '@jointops/server/global-id';
import type { Actor, OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { seizureInput } from '../testkit/seizures';

// Reconciliation: Malaysian customs warn of ammonium nitrate containers bound for the southern
// Philippines; Thai customs seize one and link their report to the alert, which then reads SEIZED
// unless a recipient already said otherwise. After the operational phase, the alerts still
// without an outcome are listed for the debriefing. A RESTRICTED alert stays invisible to anyone
// outside its audience, through the seizure reports that answer it too.

const file = fileHandles(it);

const ROOM = { indonesia: { name: 'Indonesian Customs' }, commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE' } } as const;

async function raise(by: Actor, operation: OperationDriver, overrides: Record<string, unknown> = {}): Promise<string> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Ammonium nitrate containers bound for General Santos',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  });
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return result.id as string;
}

/** An alert as `viewer` sees it through node: its outcome and the seizures linked to it; null when it does not exist for them. */
async function alertAsSeenBy(viewer: Actor, alertId: string) {
  const response = await file.app.graphql(
    'query($id: ID!) { node(id: $id) { ... on Alert { outcome linkedSeizures { id } } } }',
    { id: alertId },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.node as { outcome: string; linkedSeizures: { id: string }[] } | null;
}

describe('a seizure linked to alerts', () => {
  it("makes each linked alert SEIZED when submitted, and leaves a recipient's own feedback as it gave it", async () => {
    const { operation, malaysia, thailand, indonesia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const pending = await raise(malaysia, operation);
    const answered = await raise(malaysia, operation, { title: 'Second consignment, same consignee' });
    await file.kit.mutate(indonesia, 'giveAlertFeedback', {
      alertId: answered,
      outcome: 'NOTHING_FOUND',
      note: 'Inspected at Tanjung Priok.',
    });

    const draft = await file.seizures.reported(
      thailand,
      seizureInput(operation, ammoniumNitrate, { submit: false, linkedAlertIds: [pending, answered] }),
    );
    expect(await alertAsSeenBy(malaysia, pending)).toEqual({ outcome: 'PENDING', linkedSeizures: [] });
    expect(await alertAsSeenBy(thailand, pending)).toEqual({ outcome: 'PENDING', linkedSeizures: [{ id: draft }] });

    await file.kit.mutate(thailand, 'submitSeizure', { seizureId: draft });
    expect(await alertAsSeenBy(malaysia, pending)).toEqual({ outcome: 'SEIZED', linkedSeizures: [{ id: draft }] });
    // The derived outcome: a submitted linked report makes it SEIZED; Indonesia's word stays Indonesia's.
    expect(await alertAsSeenBy(malaysia, answered)).toEqual({ outcome: 'SEIZED', linkedSeizures: [{ id: draft }] });
    const feedback = await file.app.graphql(
      'query($id: ID!) { node(id: $id) { ... on Alert { recipients { agency { id } feedback { outcome note } } } } }',
      { id: answered },
      { token: malaysia.token },
    );
    const recipients = (feedback.data!.node as { recipients: { agency: { id: string }; feedback: unknown }[] }).recipients;
    expect(recipients.find((recipient) => recipient.agency.id === indonesia.agency.globalId)!.feedback).toEqual({
      outcome: 'NOTHING_FOUND',
      note: 'Inspected at Tanjung Priok.',
    });
    const reconciled = (await file.seizures.events(operation, indonesia)).filter((event) => event.type === 'ALERT_RECONCILED');
    expect(reconciled).toEqual([
      { type: 'ALERT_RECONCILED', alert: { id: pending }, seizure: { id: draft } },
      { type: 'ALERT_RECONCILED', alert: { id: answered }, seizure: { id: draft } },
    ]);
  });

  it('may link only alerts its reporter can see: a RESTRICTED one not naming them is refused like an unknown id', async () => {
    const { operation, planner, malaysia, thailand, indonesia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const restricted = await raise(malaysia, operation, {
      distribution: 'RESTRICTED',
      recipientAgencyIds: [thailand.agency.globalId],
      marking: 'RED',
    });

    const unknown = await file.seizures.report(
      indonesia,
      seizureInput(operation, ammoniumNitrate, { linkedAlertIds: [encodeGlobalId('Alert', randomUUID())] }),
    );
    expect(unknown.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['linkedAlertIds', '0'] }] });
    const before = await operation.state();
    const hidden = await file.seizures.report(indonesia, seizureInput(operation, ammoniumNitrate, { linkedAlertIds: [restricted] }));
    expect(hidden.result).toEqual(unknown.result);
    expect(await operation.state()).toEqual(before);

    // Thai customs, named by the alert, answer it: the seizure is for everyone, the link is not.
    const seizure = await file.seizures.reported(
      thailand,
      seizureInput(operation, ammoniumNitrate, { countryCode: 'TH', place: 'Laem Chabang', linkedAlertIds: [restricted] }),
    );
    expect(await alertAsSeenBy(thailand, restricted)).toEqual({ outcome: 'SEIZED', linkedSeizures: [{ id: seizure }] });
    for (const outsider of [indonesia, planner]) {
      expect(await alertAsSeenBy(outsider, restricted)).toBeNull();
      const seen = await file.app.graphql(
        'query($id: ID!) { node(id: $id) { ... on Seizure { id linkedAlerts { id } } } }',
        { id: seizure },
        { token: outsider.token },
      );
      expect(seen.data!.node).toEqual({ id: seizure, linkedAlerts: [] });
      expect((await file.seizures.events(operation, outsider)).map((event) => event.type)).toEqual(['SEIZURE_REPORTED']);
      expect(
        JSON.stringify(
          await operation.view(
            outsider,
            'timeline(first: 500) { edges { node { type } } } seizures(first: 10) { edges { node { linkedAlerts { id } } } }',
          ),
        ),
      ).not.toContain(restricted);
    }
    const trail = await operation.view(planner, 'auditTrail(first: 500) { edges { node { action details } } }');
    expect(JSON.stringify(trail)).not.toContain(decodeGlobalId(restricted)!.id);
  });
});

describe('alerts awaiting feedback', () => {
  it('lists, once the operational phase is over, the alerts the viewer may see that still have no outcome', async () => {
    const { operation, malaysia, thailand, indonesia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seized = await raise(malaysia, operation);
    const silent = await raise(malaysia, operation, { title: 'Transhipment via Singapore' });
    const restricted = await raise(malaysia, operation, {
      title: 'Named consignee',
      distribution: 'RESTRICTED',
      recipientAgencyIds: [thailand.agency.globalId],
    });
    await file.seizures.reported(thailand, seizureInput(operation, ammoniumNitrate, { linkedAlertIds: [seized] }));
    const awaiting = async (viewer: Actor) =>
      (await operation.view(viewer, 'alertsAwaitingFeedback { id }'))!.alertsAwaitingFeedback.map((alert: { id: string }) => alert.id);

    expect(await awaiting(thailand)).toEqual([]);
    await operation.advanceTo('POST_OPERATIONAL');
    expect(await awaiting(thailand)).toEqual([silent, restricted]);
    expect(await awaiting(indonesia)).toEqual([silent]);
  });
});
