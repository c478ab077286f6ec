import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { encodeGlobalId } from '@jointops/server/global-id';
import type { Actor, OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { seizureInput } from '../testkit/seizures';

// Seizure reports in the operations room: Malaysian customs report 24 t of ammonium nitrate found
// by x-ray at Port Klang, a WCO reviewer sends the report back for a correction and then verifies
// it. Reports are filed while the operation runs and late in the weeks after it, never before or
// once it is closed; a draft is the reporting agency's own until it is submitted.

const file = fileHandles(it);

/** The usual cast, a WCO reviewer and an agency outside the operation, in OPERATIONAL. */
const ROOM = { reviewer: true, outsider: 'VN', commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE' } } as const;

/** What `viewer` finds of a seizure: in the operation's seizures, and as a node. */
async function sightOf(operation: OperationDriver, viewer: Actor, seizureId: string) {
  const response = await file.app.graphql(
    `query($operationId: ID!, $seizureId: ID!) {
      operation(id: $operationId) { seizures(first: 100) { edges { node { id } } } }
      node(id: $seizureId) { id ... on Seizure { status } }
    }`,
    { operationId: operation.id, seizureId },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  return {
    inList: response.data!.operation?.seizures.edges.some((edge: { node: { id: string } }) => edge.node.id === seizureId) ?? false,
    node: response.data!.node,
  };
}

const verify = (by: Actor, seizureId: string) => file.kit.mutate(by, 'verifySeizure', { seizureId });
const reject = (by: Actor, seizureId: string, reason: string) => file.kit.mutate(by, 'rejectSeizure', { seizureId, reason });

describe('a seizure report', () => {
  it('is reported, rejected with a reason, corrected, resubmitted and verified, all on the timeline and in the audit trail', async () => {
    const { operation, planner, malaysia, thailand, reviewer, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const { result: reported } = await file.seizures.report(malaysia, seizureInput(operation, ammoniumNitrate, { quantity: 2.4 }));
    expect(reported).toMatchObject({
      __typename: 'Seizure',
      reference: `${operation.code}/S-0001`,
      status: 'SUBMITTED',
      bonus: false,
      quantity: 2.4,
      unit: 'T',
      arrests: 2,
      commodity: { code: 'AMMONIUM_NITRATE' },
      reportingAgency: { id: malaysia.agency.globalId },
      reportedBy: { id: malaysia.globalId },
    });
    const id = reported!.id as string;
    expect(await sightOf(operation, thailand, id)).toEqual({ inList: true, node: { id, status: 'SUBMITTED' } });

    expect((await reject(reviewer, id, '   ')).result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['reason'] }],
    });
    expect((await verify(malaysia, id)).refusal).toBe('FORBIDDEN');
    expect(
      (
        await file.kit.mutate(thailand, 'correctSeizure', {
          ...seizureInput(operation, ammoniumNitrate),
          operationId: undefined,
          idempotencyKey: undefined,
          seizureId: id,
        })
      ).refusal,
    ).toBe('FORBIDDEN');
    const rejected = await reject(reviewer, id, 'Quantity reads 2.4 t; the x-ray report says 24 t.');
    expect(rejected.result).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Quantity reads 2.4 t; the x-ray report says 24 t.',
      rejectedBy: { id: reviewer.globalId },
    });
    expect((await verify(reviewer, id)).result).toMatchObject({ __typename: 'ConflictError' });

    const { operationId: _o, idempotencyKey: _k, ...content } = seizureInput(operation, ammoniumNitrate);
    const corrected = await file.kit.mutate(malaysia, 'correctSeizure', { ...content, seizureId: id });
    expect(corrected.result).toMatchObject({ status: 'SUBMITTED', quantity: 24, rejectionReason: null, rejectedBy: null });
    expect((await file.kit.mutate(malaysia, 'correctSeizure', { ...content, seizureId: id })).result).toMatchObject({
      __typename: 'ConflictError',
    });
    const verified = await verify(planner, id);
    expect(verified.result).toMatchObject({ status: 'VERIFIED', verifiedBy: { id: planner.globalId } });

    expect((await file.seizures.events(operation, thailand)).map((event) => event.type)).toEqual([
      'SEIZURE_REPORTED',
      'SEIZURE_REJECTED',
      'SEIZURE_CORRECTED',
      'SEIZURE_VERIFIED',
    ]);
    const rejection = await operation.view(
      thailand,
      'timeline(first: 500) { edges { node { ... on SeizureRejectedEvent { reason } ... on SeizureCorrectedEvent { resubmitted } } } }',
    );
    expect(rejection!.timeline.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      expect.arrayContaining([{ reason: 'Quantity reads 2.4 t; the x-ray report says 24 t.' }, { resubmitted: true }]),
    );
    // The audit trail reads newest first.
    const trail = await operation.view(reviewer, 'auditTrail(first: 500) { edges { node { action outcome targetType } } }');
    const entries = trail!.auditTrail.edges
      .map((edge: { node: { action: string; outcome: string; targetType: string } }) => edge.node)
      .filter((entry: { targetType: string }) => entry.targetType === 'Seizure');
    expect(
      entries.filter((entry: { outcome: string }) => entry.outcome === 'SUCCEEDED').map((entry: { action: string }) => entry.action),
    ).toEqual(['verifySeizure', 'correctSeizure', 'rejectSeizure', 'reportSeizure']);
  });

  it('is never verified by the person who filed it, nor by contact points', async () => {
    const { operation, planner, thailand, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const id = await file.seizures.reported(planner, seizureInput(operation, ammoniumNitrate, { countryCode: 'FR', place: 'Le Havre' }));
    expect((await verify(planner, id)).refusal).toBe('FORBIDDEN');
    expect((await verify(thailand, id)).refusal).toBe('FORBIDDEN');
  });

  it('kept as a DRAFT exists only for the reporting agency until it is submitted', async () => {
    const { operation, planner, malaysia, thailand, reviewer, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const id = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    expect(await sightOf(operation, malaysia, id)).toEqual({ inList: true, node: { id, status: 'DRAFT' } });
    for (const other of [thailand, planner, reviewer]) {
      expect(await sightOf(operation, other, id)).toEqual({ inList: false, node: null });
      expect(await file.seizures.events(operation, other)).toEqual([]);
    }
    const unknown = await verify(reviewer, encodeGlobalId('Seizure', randomUUID()));
    expect((await verify(reviewer, id)).result).toEqual(unknown.result);
    expect((await file.kit.mutate(thailand, 'submitSeizure', { seizureId: id })).result).toEqual(unknown.result);

    const { operationId: _o, idempotencyKey: _k, submit: _s, ...content } = seizureInput(operation, ammoniumNitrate, { submit: false });
    expect((await file.kit.mutate(malaysia, 'correctSeizure', { ...content, arrests: 3, seizureId: id })).result).toMatchObject({
      status: 'DRAFT',
      arrests: 3,
    });
    expect((await file.kit.mutate(malaysia, 'submitSeizure', { seizureId: id })).result).toMatchObject({ status: 'SUBMITTED' });
    expect((await file.kit.mutate(malaysia, 'submitSeizure', { seizureId: id })).result).toMatchObject({ __typename: 'ConflictError' });
    expect(await sightOf(operation, thailand, id)).toEqual({ inList: true, node: { id, status: 'SUBMITTED' } });
    expect((await file.seizures.events(operation, thailand)).map((event) => event.type)).toEqual(['SEIZURE_SUBMITTED']);
    expect((await file.seizures.events(operation, malaysia)).map((event) => event.type)).toEqual([
      'SEIZURE_REPORTED',
      'SEIZURE_CORRECTED',
      'SEIZURE_SUBMITTED',
    ]);
  });

  it('is listed by country, commodity, reporting agency and detection method through the API, never a draft of another agency', async () => {
    const { operation, malaysia, thailand, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const malaysian = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate));
    const thaiDogs = await file.seizures.reported(
      thailand,
      seizureInput(operation, null, { countryCode: 'TH', commodityDescription: 'Detonating cord', detectionMethod: 'CANINE' }),
    );
    const thaiDraft = await file.seizures.reported(
      thailand,
      seizureInput(operation, ammoniumNitrate, { countryCode: 'TH', submit: false }),
    );
    const listed = async (viewer: Actor, filter: string) =>
      (await operation.view<{ seizures: { edges: { node: { id: string } }[] } }>(
        viewer,
        `seizures(first: 10, ${filter}) { edges { node { id } } }`,
      ))!.seizures.edges.map((edge) => edge.node.id);

    expect(await listed(malaysia, 'countryCode: "TH"')).toEqual([thaiDogs]);
    expect(await listed(thailand, 'countryCode: "TH"')).toEqual([thaiDraft, thaiDogs]);
    expect(await listed(malaysia, `commodityId: "${ammoniumNitrate}"`)).toEqual([malaysian]);
    expect(await listed(malaysia, `reportingAgencyId: "${thailand.agency.globalId}"`)).toEqual([thaiDogs]);
    expect(await listed(malaysia, 'detectionMethod: CANINE')).toEqual([thaiDogs]);
    expect(await listed(malaysia, `detectionMethod: X_RAY, reportingAgencyId: "${malaysia.agency.globalId}"`)).toEqual([malaysian]);
    // An id of anything else names no commodity: nothing matches, rather than every report.
    expect(await listed(malaysia, `commodityId: "${thailand.agency.globalId}"`)).toEqual([]);

    // The count is of every page: one report a page, two in all for Thailand in Thailand.
    const counted = await operation.view<{ seizures: { totalCount: number; edges: unknown[] } }>(
      thailand,
      'seizures(first: 1, countryCode: "TH") { totalCount edges { cursor } }',
    );
    expect(counted!.seizures).toMatchObject({ totalCount: 2, edges: [expect.anything()] });
    const none = await operation.view<{ seizures: { totalCount: number } }>(malaysia, `seizures(commodityId: "nonsense") { totalCount }`);
    expect(none!.seizures.totalCount).toBe(0);
  });

  it('exists for nobody outside the operation', async () => {
    const { operation, malaysia, thailand, outsider, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const alert = await file.kit.mutate(malaysia, 'raiseAlert', {
      operationId: operation.id,
      idempotencyKey: randomUUID(),
      category: 'INTELLIGENCE',
      severity: 'HIGH',
      title: 'Consignee linked to an earlier diversion',
      marking: 'AMBER',
      distribution: 'ALL_PARTICIPANTS',
    });
    const alertId = alert.result!.id as string;
    const id = await file.seizures.reported(thailand, seizureInput(operation, ammoniumNitrate, { linkedAlertIds: [alertId] }));
    expect(await sightOf(operation, outsider, id)).toEqual({ inList: false, node: null });
    expect(await operation.view(outsider)).toBeNull();
    const throughAlert = `query($id: ID!) { node(id: $id) { ... on Alert { linkedSeizures { id } } } }`;
    expect((await file.app.graphql(throughAlert, { id: alertId }, { token: malaysia.token })).data!.node).toEqual({
      linkedSeizures: [{ id }],
    });
    expect((await file.app.graphql(throughAlert, { id: alertId }, { token: outsider.token })).data!.node).toBeNull();
    const unknown = await verify(outsider, encodeGlobalId('Seizure', randomUUID()));
    expect(unknown.result).toMatchObject({ __typename: 'NotFoundError' });
    expect((await verify(outsider, id)).result).toEqual(unknown.result);
    expect((await file.seizures.report(outsider, seizureInput(operation, ammoniumNitrate))).result).toMatchObject({
      __typename: 'NotFoundError',
    });
  });
});

describe('phase rules', () => {
  it('refuses reports before the operational phase and once closed, and takes late reports after it', async () => {
    const { operation, malaysia, reviewer, ammoniumNitrate } = await (async () => {
      const room = await file.kit.jointOperation();
      const reviewer = await file.kit.actor(room.planner.agency);
      await room.operation.assign(reviewer, 'REVIEWER');
      return { ...room, reviewer, ammoniumNitrate: await file.seizures.commodity(room.malaysia, 'AMMONIUM_NITRATE') };
    })();
    const refusedIn = async (phase: string) => {
      const before = await operation.state();
      expect((await file.seizures.report(malaysia, seizureInput(operation, ammoniumNitrate))).result).toMatchObject({
        __typename: 'PhaseRuleError',
        phase,
      });
      expect(await operation.state()).toEqual(before);
    };
    await refusedIn('PLANNING');
    await operation.advanceTo('PRE_OPERATIONAL');
    await refusedIn('PRE_OPERATIONAL');
    await operation.advanceTo('POST_OPERATIONAL');
    const late = await file.seizures.report(malaysia, seizureInput(operation, ammoniumNitrate));
    expect(late.result).toMatchObject({ __typename: 'Seizure', reference: `${operation.code}/S-0001`, status: 'SUBMITTED' });
    await verify(reviewer, late.result!.id);
    await operation.advanceTo('CLOSED');
    await refusedIn('CLOSED');
  });

  it('holds the operation open while reports are in draft or awaiting verification', async () => {
    const { operation, malaysia, thailand, reviewer, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const draft = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const submitted = await file.seizures.reported(
      thailand,
      seizureInput(operation, ammoniumNitrate, { countryCode: 'TH', place: 'Laem Chabang' }),
    );
    await operation.advanceTo('POST_OPERATIONAL');
    await operation.recordFinalReport('Results compiled per country and commodity.');
    const gate = await operation.view(operation.coordinator, 'phaseGate(to: CLOSED) { key description }');
    expect(gate!.phaseGate).toEqual([{ key: 'SEIZURES_SETTLED', description: expect.stringContaining('(2 left)') }]);

    await reject(reviewer, submitted, 'Photographs of the seals are missing.');
    expect(await operation.gate('CLOSED')).toEqual(['SEIZURES_SETTLED']);
    await file.kit.mutate(malaysia, 'submitSeizure', { seizureId: draft });
    await verify(reviewer, draft);
    expect(await operation.gate('CLOSED')).toEqual([]);
    expect((await operation.advance('CLOSED')).result).toMatchObject({ phase: 'CLOSED' });
    expect((await verify(reviewer, submitted)).result).toMatchObject({ __typename: 'PhaseRuleError', phase: 'CLOSED' });
  });
});
