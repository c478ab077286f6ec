import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { encodeGlobalId, uuidFromGlobalId } from '@jointops/server/global-id';
import { errorCode } from '../testkit/graphql';
import type { Actor, OperationDriver } from '../testkit/operations';
import type { SeededUser } from '../testkit/seed';
import { openSocket, subscribe } from '../testkit/ws';
import { withAuditRows } from './audit-rows';

// A WCO planner runs an operation with the customs administrations of Malaysia and Thailand. People
// come and go: the planner takes anyone off the operation, a national contact point takes off the
// contact points and observers of its own administration, and nobody takes off the last coordinator.
// For anyone outside, the operation stays exactly as absent as one that does not exist.

const REMOVE = `mutation($input: RemoveMemberInput!) {
  removeMember(input: $input) {
    __typename
    ... on Error { code message }
    ... on ValidationError { fieldErrors { path message } }
    ... on PhaseRuleError { phase }
    ... on OperationMember { id role removedAt user { id } }
  }
}`;

const STREAM = `subscription($operationId: ID!, $after: String) {
  operationEvents(operationId: $operationId, after: $after) { type ... on MemberRemovedEvent { member { id user { id } } } }
}`;
type StreamEvent = { operationEvents: { type: string; member?: { id: string; user: { id: string } } } };

const it = withApp({ env: { LIVE_CATCH_UP_INTERVAL_MS: '200' } });
const file = fileHandles(it);

async function remove(by: Actor | null, operationId: string, memberId: string) {
  const response = await file.app.graphql(REMOVE, { input: { operationId, memberId } }, by ? { token: by.token } : {});
  return { result: response.data?.removeMember ?? null, refusal: errorCode(response) };
}

/** Assigns `user` and answers the id of the membership. */
async function assigned(
  operation: OperationDriver,
  user: SeededUser,
  role: 'COORDINATOR' | 'CONTACT_POINT' | 'REVIEWER' | 'OBSERVER',
  by?: Actor,
): Promise<string> {
  const { result } = await operation.assign(user, role, by);
  expect(result?.__typename).toBe('OperationMember');
  return result!.id as string;
}

const memberUsers = async (operation: OperationDriver) =>
  ((await operation.view(operation.coordinator, 'members { user { id } }'))!.members as { user: { id: string } }[]).map(
    (member) => member.user.id,
  );

describe('removing a member', () => {
  it('by a coordinator, of any agency: gone from the members and the operation, on the timeline, audited', async ({
    cast: { operation, planner, thailand },
  }) => {
    const observer = await file.kit.actor(thailand.agency);
    const memberId = await assigned(operation, observer, 'OBSERVER');
    expect(await operation.view(observer)).not.toBeNull();

    const { value, audit } = await withAuditRows(file.app, () => remove(planner, operation.id, memberId));

    expect(value.result).toEqual({
      __typename: 'OperationMember',
      id: memberId,
      role: 'OBSERVER',
      removedAt: file.app.clock.now().toISOString(),
      user: { id: observer.globalId },
    });
    expect(await memberUsers(operation)).not.toContain(observer.globalId);
    expect(await operation.view(observer)).toBeNull();
    const timeline = await operation.view(
      thailand,
      'timeline(first: 500) { edges { node { __typename type actor { id } ... on MemberRemovedEvent { role member { id removedAt user { id } } } } } }',
    );
    expect(timeline!.timeline.edges.at(-1).node).toEqual({
      __typename: 'MemberRemovedEvent',
      type: 'MEMBER_REMOVED',
      actor: { id: planner.globalId },
      role: 'OBSERVER',
      member: { id: memberId, removedAt: file.app.clock.now().toISOString(), user: { id: observer.globalId } },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'removeMember',
        outcome: 'SUCCEEDED',
        actorUserId: planner.id,
        targetType: 'OperationMember',
        targetId: uuidFromGlobalId(memberId, 'OperationMember'),
        operationId: uuidFromGlobalId(operation.id, 'Operation'),
        details: { role: 'OBSERVER' },
      }),
    ]);
  });

  it('by a contact point, of the contact points and observers of its own agency, itself included', async ({
    cast: { operation, malaysia },
  }) => {
    const observer = await file.kit.seed.user({ agency: malaysia.agency });
    const deputy = await file.kit.seed.user({ agency: malaysia.agency });
    const observerMember = await assigned(operation, observer, 'OBSERVER', malaysia);
    const deputyMember = await assigned(operation, deputy, 'CONTACT_POINT', malaysia);
    const ownMember = (await operation.view(operation.coordinator, 'members { id user { id } }'))!.members.find(
      (member: { user: { id: string } }) => member.user.id === malaysia.globalId,
    ).id;

    for (const memberId of [observerMember, deputyMember, ownMember]) {
      expect((await remove(malaysia, operation.id, memberId)).result).toMatchObject({ __typename: 'OperationMember', id: memberId });
    }
    const left = await memberUsers(operation);
    expect([observer, deputy, malaysia].map((person) => left.includes(person.globalId))).toEqual([false, false, false]);
  });

  it('is refused FORBIDDEN to a contact point for anyone else, and to reviewers and observers for anyone; nothing changes, each attempt audited', async ({
    cast: { operation, planner, malaysia, thailand },
  }) => {
    const reviewerAtMalaysia = await assigned(operation, await file.kit.seed.user({ agency: malaysia.agency }), 'REVIEWER');
    const observerAtMalaysia = await assigned(operation, await file.kit.seed.user({ agency: malaysia.agency }), 'OBSERVER');
    const analyst = await file.kit.actor(planner.agency);
    await assigned(operation, analyst, 'REVIEWER');
    const thaiObserver = await file.kit.actor(thailand.agency);
    await assigned(operation, thaiObserver, 'OBSERVER');
    const members = (await operation.view(planner, 'members { id user { id } }'))!.members as { id: string; user: { id: string } }[];
    const memberOf = (person: Actor) => members.find((member) => member.user.id === person.globalId)!.id;

    const attempts: [Actor, string][] = [
      [malaysia, memberOf(thailand)],
      [malaysia, reviewerAtMalaysia],
      [malaysia, memberOf(planner)],
      [analyst, observerAtMalaysia],
      [thaiObserver, observerAtMalaysia],
    ];
    for (const [by, memberId] of attempts) {
      const before = await operation.state();
      const { value, audit } = await withAuditRows(file.app, () => remove(by, operation.id, memberId));
      expect(value).toEqual({ result: null, refusal: 'FORBIDDEN' });
      expect(await operation.state()).toEqual(before);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'removeMember',
          outcome: 'REFUSED',
          actorUserId: by.id,
          reason: expect.stringMatching(/^FORBIDDEN/),
        }),
      ]);
    }
  });

  it('keeps the last coordinator (a ValidationError on memberId, nothing changed, audited); with a second one, either may go', async ({
    cast: { operation, planner },
  }) => {
    const plannerMember = (await operation.view(planner, 'members { id role }'))!.members.find(
      (member: { role: string }) => member.role === 'COORDINATOR',
    ).id;
    const before = await operation.state();

    const { value, audit } = await withAuditRows(file.app, () => remove(planner, operation.id, plannerMember));

    expect(value.result).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      fieldErrors: [{ path: ['memberId'], message: expect.stringMatching(/coordinator/) }],
    });
    expect(await operation.state()).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'removeMember', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);

    const deputy = await file.kit.actor(planner.agency);
    await assigned(operation, deputy, 'COORDINATOR');
    expect((await remove(deputy, operation.id, plannerMember)).result).toMatchObject({
      __typename: 'OperationMember',
      role: 'COORDINATOR',
    });
    expect(await operation.view(planner)).toBeNull();
  });

  it('answers a ValidationError on memberId for what is not a current member of this operation, changing nothing', async ({
    cast: { operation, planner, malaysia },
  }) => {
    const other = await file.kit.operation(planner);
    const elsewhere = await assigned(other, await file.kit.seed.user({ agency: planner.agency }), 'OBSERVER');
    const gone = await assigned(operation, await file.kit.seed.user({ agency: malaysia.agency }), 'OBSERVER');
    expect((await remove(planner, operation.id, gone)).result?.__typename).toBe('OperationMember');

    for (const memberId of [elsewhere, gone, encodeGlobalId('OperationMember', randomUUID()), malaysia.globalId, 'nope']) {
      const before = await operation.state();
      const { value, audit } = await withAuditRows(file.app, () => remove(planner, operation.id, memberId));
      expect(value.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['memberId'] }] });
      expect(await operation.state()).toEqual(before);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'removeMember', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
      ]);
    }
    expect(await memberUsers(other)).toHaveLength(2);
  });

  it('answers whoever may not see the operation exactly as for a made-up operation id, and changes nothing', async ({
    cast: { operation, planner, malaysia },
  }) => {
    const memberId = (await operation.view(planner, 'members { id user { id } }'))!.members.find(
      (member: { user: { id: string } }) => member.user.id === malaysia.globalId,
    ).id;
    const invitedAgency = await file.kit.seed.agency({ countryCode: 'PH', kind: 'POLICE' });
    expect((await operation.invite(invitedAgency)).result?.__typename).toBe('Participation');
    const removedColleague = await file.kit.actor(planner.agency);
    const removedMember = await assigned(operation, removedColleague, 'COORDINATOR');
    expect((await remove(planner, operation.id, removedMember)).result?.__typename).toBe('OperationMember');
    const people = {
      outsider: await file.kit.actor(),
      invited: await file.kit.actor(invitedAgency),
      administrator: await file.kit.actor(planner.agency, { isAdmin: true }),
      'a removed member': removedColleague,
    };
    const madeUp = encodeGlobalId('Operation', randomUUID());

    for (const [who, person] of Object.entries(people)) {
      const before = await operation.state();
      const { value, audit } = await withAuditRows(file.app, () => remove(person, operation.id, memberId));
      expect(value, who).toEqual(await remove(person, madeUp, memberId));
      expect(value.result, who).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Operation not found.' });
      expect(await operation.state(), who).toEqual(before);
      expect(audit, who).toEqual([
        expect.objectContaining({ action: 'removeMember', outcome: 'REFUSED', reason: expect.stringMatching(/^NOT_FOUND/) }),
      ]);
    }
    expect(await remove(null, operation.id, memberId)).toEqual({ result: null, refusal: 'UNAUTHENTICATED' });
  });

  it('is refused once the operation is closed, with PhaseRuleError', async ({ cast: { operation, planner, thailand } }) => {
    const memberId = (await operation.view(planner, 'members { id user { id } }'))!.members.find(
      (member: { user: { id: string } }) => member.user.id === thailand.globalId,
    ).id;
    await operation.advanceTo('CLOSED');
    const before = await operation.state();

    const { value, audit } = await withAuditRows(file.app, () => remove(planner, operation.id, memberId));

    expect(value.result).toMatchObject({ __typename: 'PhaseRuleError', code: 'PHASE_RULE', phase: 'CLOSED' });
    expect(await operation.state()).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'removeMember', outcome: 'REFUSED', reason: expect.stringMatching(/^PHASE_RULE/) }),
    ]);
  });

  it("ends the removed member's live stream at once, while the others see the removal", async ({
    cast: { operation, planner, malaysia, thailand },
  }) => {
    const observer = await file.kit.actor(thailand.agency);
    const memberId = await assigned(operation, observer, 'OBSERVER');
    const after = (await operation.view(planner, 'timeline(first: 500) { edges { cursor } }'))!.timeline.edges.at(-1).cursor;
    const follow = (person: Actor) => {
      const socket = openSocket(file.app.wsUrl, { token: person.token });
      file.sockets.push(socket);
      return subscribe<StreamEvent>(socket, STREAM, { operationId: operation.id, after });
    };
    const observerStream = follow(observer);
    const colleagueStream = follow(malaysia);
    await operation.update({ region: 'Before the removal' });
    await observerStream.until((s) => s.received.length === 1);

    expect((await remove(planner, operation.id, memberId)).result?.__typename).toBe('OperationMember');
    await observerStream.until((s) => s.completed, 2_000);
    await operation.update({ region: 'After the removal' });
    await colleagueStream.until((s) => s.received.length === 3);

    expect(observerStream.received.map((event) => event.operationEvents.type)).toEqual(['OPERATION_UPDATED']);
    expect(colleagueStream.received.map((event) => event.operationEvents)).toEqual([
      { type: 'OPERATION_UPDATED' },
      { type: 'MEMBER_REMOVED', member: { id: memberId, user: { id: observer.globalId } } },
      { type: 'OPERATION_UPDATED' },
    ]);
  });
});

describe('the people a member may assign', () => {
  const ASSIGNABLE = 'assignableUsers { id displayName agency { id name } }';
  type Offered = { id: string; displayName: string; agency: { id: string; name: string } };
  const offeredTo = async (operation: OperationDriver, viewer: Actor) =>
    (await operation.view(viewer, ASSIGNABLE))!.assignableUsers as Offered[];
  const byAgencyThenName = (people: Offered[]) =>
    [...people].sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'en') || a.displayName.localeCompare(b.displayName, 'en'));

  it('are, for a coordinator, the active people of every agency that accepted, by agency then name', async ({
    cast: { operation, planner, malaysia, thailand },
  }) => {
    const administrator = await file.kit.actor(await file.kit.seed.agency({ countryCode: 'BE', kind: 'OTHER' }), { isAdmin: true });
    const malaysian = await file.kit.seed.user({ agency: malaysia.agency });
    const thai = await file.kit.seed.user({ agency: thailand.agency });
    const leaver = await file.kit.seed.user({ agency: thailand.agency });
    await file.app.graphql(
      'mutation($id: ID!) { deactivateUser(input: { userId: $id }) { __typename } }',
      { id: leaver.globalId },
      { token: administrator.token },
    );
    const invitedAgency = await file.kit.seed.agency({ countryCode: 'PH', kind: 'POLICE' });
    await operation.invite(invitedAgency);
    await file.kit.seed.user({ agency: invitedAgency });
    const indonesia = await operation.join(await file.kit.actor(await file.kit.seed.agency({ countryCode: 'ID' })));
    const switchedOff = await file.app.graphql(
      'mutation($id: ID!) { deactivateAgency(input: { agencyId: $id }) { __typename ... on Agency { active } } }',
      { id: indonesia.agency.globalId },
      { token: administrator.token },
    );
    expect(switchedOff.data?.deactivateAgency).toEqual({ __typename: 'Agency', active: false });

    const offered = await offeredTo(operation, planner);

    expect(offered.map((person) => person.id).sort()).toEqual(
      [planner, malaysia, malaysian, thailand, thai].map((person) => person.globalId).sort(),
    );
    expect(offered).toEqual(byAgencyThenName(offered));
    // The picker offers exactly whom assignMember takes: not a person of a deactivated agency.
    expect((await operation.assign(indonesia, 'OBSERVER')).result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['userId'] }],
    });
  });

  it('are, for a contact point, the people of its own agency whose role it could give; for reviewers and observers, nobody', async ({
    cast: { operation, planner, malaysia, thailand },
  }) => {
    const colleague = await file.kit.seed.user({ agency: malaysia.agency });
    const observerColleague = await file.kit.seed.user({ agency: malaysia.agency });
    await assigned(operation, observerColleague, 'OBSERVER', malaysia);
    await assigned(operation, await file.kit.seed.user({ agency: malaysia.agency }), 'REVIEWER');
    const analyst = await file.kit.actor(planner.agency);
    await assigned(operation, analyst, 'REVIEWER');
    const thaiObserver = await file.kit.actor(thailand.agency);
    await assigned(operation, thaiObserver, 'OBSERVER');

    const offered = await offeredTo(operation, malaysia);

    expect(offered.map((person) => person.id).sort()).toEqual(
      [malaysia, colleague, observerColleague].map((person) => person.globalId).sort(),
    );
    expect(offered).toEqual(byAgencyThenName(offered));
    expect(await offeredTo(operation, analyst)).toEqual([]);
    expect(await offeredTo(operation, thaiObserver)).toEqual([]);
  });
});
