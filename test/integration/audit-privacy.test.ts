import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import type { Actor, OperationDriver } from '../testkit/operations';
import { seizureInput } from '../testkit/seizures';

// A DRAFT seizure report is its agency's own work until submitted (seizures.policy.ts): the
// audit trail coordinators and reviewers read does not show it to other agencies either, neither
// who drafts it (with their e-mail address) nor who corrects it. Its own agency's reviewer sees
// it; once submitted, the report and its history are the operation's.

interface Entry {
  action: string;
  targetType: string | null;
  targetId: string | null;
  actor: { email: string } | null;
  requestId: string | null;
  clientRequestId: string | null;
}

async function trailOf(operation: OperationDriver, reader: Actor): Promise<Entry[]> {
  const seen = await operation.view(
    reader,
    'auditTrail(first: 200) { edges { node { action targetType targetId actor { email } requestId clientRequestId } } }',
  );
  return seen!.auditTrail.edges.map((edge: { node: Entry }) => edge.node);
}

const about = (entries: Entry[], seizureId: string) =>
  entries.filter((entry) => entry.targetType === 'Seizure' && entry.targetId === uuidFromGlobalId(seizureId, 'Seizure'));

describe("another agency's DRAFT seizure in the audit trail", () => {
  it('is out of the trail of coordinators and reviewers of other agencies, in that of its own agency, and in everyone’s once submitted', async ({
    kit,
    seizures,
    cast: { operation, planner, malaysia },
  }) => {
    const wcoReviewer = await kit.actor(planner.agency);
    const malaysianReviewer = await kit.actor(malaysia.agency);
    await operation.assign(wcoReviewer, 'REVIEWER');
    await operation.assign(malaysianReviewer, 'REVIEWER');
    await operation.advanceTo('OPERATIONAL');
    const ammoniumNitrate = await seizures.commodity(malaysia, 'AMMONIUM_NITRATE');

    const draftId = await seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const corrected = await kit.mutate(malaysia, 'correctSeizure', {
      seizureId: draftId,
      ...seizureInput(operation, ammoniumNitrate, { quantity: 25 }),
      operationId: undefined,
      idempotencyKey: undefined,
    });
    expect(corrected.result?.__typename).toBe('Seizure');
    const submittedId = await seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate));

    for (const outsider of [planner, wcoReviewer]) {
      const trail = await trailOf(operation, outsider);
      expect(about(trail, draftId)).toEqual([]);
      expect(JSON.stringify(trail)).not.toContain(uuidFromGlobalId(draftId, 'Seizure'));
      // The trail itself is still there: the submitted report and the rest of the operation.
      expect(about(trail, submittedId).map((entry) => entry.action)).toEqual(['reportSeizure']);
    }
    expect(about(await trailOf(operation, malaysianReviewer), draftId)).toEqual([
      expect.objectContaining({ action: 'correctSeizure', actor: { email: malaysia.email } }),
      expect.objectContaining({ action: 'reportSeizure', actor: { email: malaysia.email } }),
    ]);

    expect((await kit.mutate(malaysia, 'submitSeizure', { seizureId: draftId })).result?.__typename).toBe('Seizure');
    expect(about(await trailOf(operation, planner), draftId).map((entry) => entry.action)).toEqual([
      'submitSeizure',
      'correctSeizure',
      'reportSeizure',
    ]);
  });
});

describe('an audit entry', () => {
  it("shows the server's request id, and the client's beside it", async ({ app, cast: { operation, planner } }) => {
    const updated = await app.graphql(
      'mutation($input: UpdateOperationInput!) { updateOperation(input: $input) { __typename } }',
      { input: { operationId: operation.id, region: 'South-East Asia' } },
      { token: planner.token, headers: { 'x-request-id': 'escalator' } },
    );
    expect(updated.data?.updateOperation.__typename).toBe('Operation');
    const [latest] = await trailOf(operation, planner);
    expect(latest).toMatchObject({
      action: 'updateOperation',
      clientRequestId: 'escalator',
      requestId: updated.headers.get('x-request-id'),
    });
    expect(latest!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
