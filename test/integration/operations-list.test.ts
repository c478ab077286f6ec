import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import type { Fields } from '../testkit/graphql';

// A planner's list of operations, and the rules that keep an operation workable and its record
// readable: it never loses its last coordinator, a cancelled operation's invitation disappears,
// the timeline tells what each participation event did, and administrators read account events only.

const file = fileHandles(it);

const listed = async (token: string, filter: string) => {
  const response = await file.app.graphql(`{ operations(first: 50${filter}) { edges { node { code phase } } } }`, {}, { token });
  expect(response.errors).toBeUndefined();
  return response.data!.operations.edges.map((edge: { node: { code: string } }) => edge.node.code);
};

describe("a planner's list of operations", () => {
  it('filters by phase and by text in the code or name, and pages through the rest', async () => {
    const planner = await file.kit.actor();
    const shield = await file.kit.operation(planner, { code: 'PGS-LIST-SHIELD', name: 'Precursor Shield' });
    file.app.clock.advance({ minutes: 1 });
    const passengers = await file.kit.operation(planner, {
      code: 'PAX-LIST-TRAVEL',
      name: 'Passenger watch',
      programme: 'PASSENGER_CONTROLS',
    });
    await passengers.advance('CANCELLED', { overrideJustification: 'Merged into the regional passenger operation.' });

    expect(await listed(planner.token, '')).toEqual(['PAX-LIST-TRAVEL', 'PGS-LIST-SHIELD']);
    expect(await listed(planner.token, ', phase: CANCELLED')).toEqual(['PAX-LIST-TRAVEL']);
    expect(await listed(planner.token, ', phase: PLANNING')).toEqual([shield.code]);
    expect(await listed(planner.token, ', search: "shield"')).toEqual(['PGS-LIST-SHIELD']);
    expect(await listed(planner.token, ', search: "pax-list"')).toEqual(['PAX-LIST-TRAVEL']);
    expect(await listed(planner.token, ', search: "%"')).toEqual([]);

    const firstPage = await file.app.graphql(
      '{ operations(first: 1) { edges { node { code } } pageInfo { hasNextPage endCursor } } }',
      {},
      { token: planner.token },
    );
    const { endCursor, hasNextPage } = firstPage.data!.operations.pageInfo;
    expect(hasNextPage).toBe(true);
    const secondPage = await file.app.graphql(
      `{ operations(first: 1, after: "${endCursor}") { edges { node { code } } pageInfo { hasNextPage } } }`,
      {},
      { token: planner.token },
    );
    expect(secondPage.data!.operations.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual(['PGS-LIST-SHIELD']);
    expect(secondPage.data!.operations.pageInfo.hasNextPage).toBe(false);
  });
});

describe('an operation', () => {
  it('keeps at least one coordinator: the last cannot be given another role, one of two can', async ({ cast: { operation, planner } }) => {
    const refused = await operation.assign(planner, 'OBSERVER');
    expect(refused.result).toMatchObject({ __typename: 'ValidationError' });
    expect(refused.result!.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['role']);

    const deputy = await file.kit.actor(planner.agency);
    expect((await operation.assign(deputy, 'COORDINATOR')).result).toMatchObject({ __typename: 'OperationMember', role: 'COORDINATOR' });
    expect((await operation.assign(planner, 'REVIEWER', deputy)).result).toMatchObject({ __typename: 'OperationMember', role: 'REVIEWER' });
  });

  it('takes its pending invitations with it when it is cancelled', async () => {
    const planner = await file.kit.actor();
    const operation = await file.kit.operation(planner);
    const invitee = await file.kit.actor(await file.kit.seed.agency({ countryCode: 'VN' }));
    await operation.invite(invitee.agency);
    const invitations = () => file.app.graphql('{ myInvitations { code } }', {}, { token: invitee.token });
    expect((await invitations()).data!.myInvitations).toEqual([{ code: operation.code }]);

    await operation.advance('CANCELLED', { overrideJustification: 'The partner administrations asked to postpone.' });
    expect((await invitations()).data!.myInvitations).toEqual([]);
  });

  it('tells on its timeline what each participation event did, whatever the participation became since', async ({
    cast: { operation, malaysia },
  }) => {
    const seen = await operation.view(
      malaysia,
      'timeline(first: 50) { edges { node { type ... on ParticipationChangedEvent { statusAfter participation { status } } } } }',
    );
    const participationEvents = seen!.timeline.edges
      .map((edge: { node: Fields }) => edge.node)
      .filter((event: Fields) => event.statusAfter);
    expect(participationEvents.map((event: Fields) => [event.type, event.statusAfter, event.participation.status])).toEqual([
      ['AGENCY_INVITED', 'INVITED', 'ACCEPTED'],
      ['INVITATION_ACCEPTED', 'ACCEPTED', 'ACCEPTED'],
      ['AGENCY_INVITED', 'INVITED', 'ACCEPTED'],
      ['INVITATION_ACCEPTED', 'ACCEPTED', 'ACCEPTED'],
    ]);
  });
});

describe("an administrator's audit trail", () => {
  it('holds account-level entries and nothing of any operation', async ({ cast: { operation } }) => {
    const admin = await file.kit.actor(undefined, { isAdmin: true });
    const response = await file.app.graphql(
      '{ accountAuditTrail(first: 500) { edges { node { action outcome targetType details } } } }',
      {},
      { token: admin.token },
    );
    expect(response.errors).toBeUndefined();
    const entries = response.data!.accountAuditTrail.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(entries.some((entry: Record<string, unknown>) => entry.action === 'login' && entry.outcome === 'SUCCEEDED')).toBe(true);
    const operationActions = ['createOperation', 'inviteAgency', 'respondToInvitation'];
    expect(entries.filter((entry: Record<string, unknown>) => operationActions.includes(entry.action as string))).toEqual([]);
    expect(JSON.stringify(response.data)).not.toContain(operation.code);
  });
});
