import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operations } from '@jointops/server/db/schema/operations';
import { encodeGlobalId } from '@jointops/server/global-id';
import type { MemberRole } from '@jointops/shared/domain';
import type { Actor, OperationDriver } from '../testkit/operations';
import type { Fields, Shaped } from '../testkit/graphql';

// A WCO planner sets up a joint operation, invites the customs administrations of Malaysia and
// Thailand, and they answer. Until an agency accepts, the operation does not exist for it; once
// it withdraws, it stops existing again. Everything that happens is on the timeline, and every
// attempt, refused or not, is on the audit trail that only coordinators and reviewers read.

const file = fileHandles(it);

const suffix = () => Math.random().toString(36).slice(2, 8);
const agencyIn = (countryCode: string | null, name: string) =>
  file.kit.seed.agency({ name: `${name} ${suffix()}`, countryCode, kind: countryCode ? 'CUSTOMS' : 'INTERNATIONAL_ORGANIZATION' });
const fieldPaths = (result: Fields) => result.fieldErrors.map((error: { path: string[] }) => error.path.join('.'));

/** What a user can find of an operation by every read path: by id, as a node, and in their list. */
async function sightOf(operation: OperationDriver, viewer: Actor) {
  const response = await file.app.graphql(
    `query($id: ID!) {
      operation(id: $id) { id }
      node(id: $id) { id }
      operations(first: 100) { edges { node { id } } }
    }`,
    { id: operation.id },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  return {
    operation: response.data!.operation,
    node: response.data!.node,
    listed: response.data!.operations.edges.some((edge: { node: { id: string } }) => edge.node.id === operation.id),
  };
}

const NOTHING = { operation: null, node: null, listed: false };

describe('creating an operation', () => {
  let planner: Actor;
  beforeAll(async () => {
    planner = await file.kit.actor(await agencyIn(null, 'World Customs Organization'));
  });

  it('makes the creator its coordinator, and their agency the coordinating agency, accepted', async () => {
    const [ammoniumNitrate, potassiumChlorate] = await file.kit.catalogue(planner);
    const input = await file.kit.operationInput(planner, {
      code: 'pgs-apac-2026-01',
      name: 'Operation Crystal Shield',
      objectives: 'Intercept precursor chemicals moving through Southeast Asian ports.',
      region: 'Asia/Pacific',
      targetCommodityIds: [ammoniumNitrate!.id, potassiumChlorate!.id],
      exercise: true,
    });
    const { result } = await file.kit.mutate(planner, 'createOperation', input);
    expect(result).toMatchObject({ __typename: 'Operation', code: 'PGS-APAC-2026-01', phase: 'PLANNING' });

    const operation = await file.app.graphql(
      `query($id: ID!) { operation(id: $id) {
        code name objectives region exercise referenceTimeZone myRole phase
        targetCommodities { code }
        participations { role status agency { id } }
        members { role user { id } agency { id } }
        plannedPhases { phase plannedStartsAt plannedEndsAt }
      } }`,
      { id: result!.id },
      { token: planner.token },
    );
    expect(operation.data?.operation).toEqual({
      code: 'PGS-APAC-2026-01',
      name: 'Operation Crystal Shield',
      objectives: 'Intercept precursor chemicals moving through Southeast Asian ports.',
      region: 'Asia/Pacific',
      exercise: true,
      referenceTimeZone: 'Asia/Bangkok',
      myRole: 'COORDINATOR',
      phase: 'PLANNING',
      targetCommodities: expect.arrayContaining([{ code: ammoniumNitrate!.code }, { code: potassiumChlorate!.code }]),
      participations: [{ role: 'COORDINATING', status: 'ACCEPTED', agency: { id: planner.agency.globalId } }],
      members: [{ role: 'COORDINATOR', user: { id: planner.globalId }, agency: { id: planner.agency.globalId } }],
      plannedPhases: expect.arrayContaining(
        (input.plannedPhases as { phase: string; startsAt: string; endsAt: string }[]).map((planned) => ({
          phase: planned.phase,
          plannedStartsAt: planned.startsAt,
          plannedEndsAt: planned.endsAt,
        })),
      ),
    });
    expect(operation.data?.operation.targetCommodities).toHaveLength(2);
  });

  it('refuses a code already in use, in any case, as a ValidationError on code, and creates nothing', async () => {
    const first = await file.kit.operation(planner);
    const before = await file.app.database.db.$count(operations);

    const { result } = await file.kit.mutate(
      planner,
      'createOperation',
      await file.kit.operationInput(planner, { code: first.code.toLowerCase() }),
    );
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(fieldPaths(result!)).toEqual(['code']);
    expect(await file.app.database.db.$count(operations)).toBe(before);
  });

  it.each([
    ['a commodity id that names nothing', () => encodeGlobalId('Commodity', randomUUID())],
    ['the id of something that is not a commodity', () => planner.agency.globalId],
  ])('takes target commodities only from the catalogue, refusing %s', async (_story, notACommodity) => {
    const [ammoniumNitrate] = await file.kit.catalogue(planner);
    const before = await file.app.database.db.$count(operations);
    const { result } = await file.kit.mutate(
      planner,
      'createOperation',
      await file.kit.operationInput(planner, { targetCommodityIds: [ammoniumNitrate!.id, notACommodity()] }),
    );
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(fieldPaths(result!)[0]).toMatch(/^targetCommodityIds/);
    expect(await file.app.database.db.$count(operations)).toBe(before);
  });
});

describe('editing an operation', () => {
  it('is done by a coordinator, and shows on the timeline', async ({ cast: { operation, planner } }) => {
    const { result } = await operation.update({ name: 'Operation Crystal Shield II', region: 'ASEAN ports' });
    expect(result).toMatchObject({ __typename: 'Operation', name: 'Operation Crystal Shield II' });
    expect(await operation.view(planner, 'name region')).toEqual({ name: 'Operation Crystal Shield II', region: 'ASEAN ports' });

    const timeline = await operation.view(
      planner,
      'timeline(first: 500) { edges { node { type actor { id } ... on OperationUpdatedEvent { changed } } } }',
    );
    expect(timeline!.timeline.edges.at(-1).node).toEqual({
      type: 'OPERATION_UPDATED',
      actor: { id: planner.globalId },
      changed: ['name', 'region'],
    });
  });

  it('is refused to a contact point with FORBIDDEN, changing nothing', async ({ cast: { operation, malaysia } }) => {
    const before = await operation.state();
    expect((await operation.update({ name: 'Operation Malaysia First' }, malaysia)).refusal).toBe('FORBIDDEN');
    expect(await operation.state()).toEqual(before);
  });
});

describe('inviting an agency', () => {
  it('is for coordinators: a contact point is refused with FORBIDDEN', async ({ cast: { operation, malaysia } }) => {
    const lao = await agencyIn('LA', 'Lao Customs');
    const before = await operation.state();
    expect((await operation.invite(lao, 'PARTICIPATING', malaysia)).refusal).toBe('FORBIDDEN');
    expect(await operation.state()).toEqual(before);
  });

  it('shows the invited agency its invitation, and nothing else of the operation', async () => {
    const { operation, planner } = await file.kit.jointOperation({ name: 'Operation Crystal Shield' });
    const lao = await file.kit.actor(await agencyIn('LA', 'Lao Customs'));
    const laoColleague = await file.kit.actor(lao.agency);
    const invited = await operation.invite(lao.agency, 'PARTICIPATING');
    expect(invited.result).toMatchObject({ __typename: 'Participation', status: 'INVITED', role: 'PARTICIPATING' });
    const { startsAt, endsAt } = await operation.planned('OPERATIONAL');
    const plannerName = (await file.app.graphql('{ me { displayName } }', {}, { token: planner.token })).data!.me.displayName;

    for (const viewer of [lao, laoColleague]) {
      const invitations = await file.app.graphql(
        '{ myInvitations { operationId code name role invitedAt invitedByName invitedByAgency operationalStartsAt operationalEndsAt } }',
        {},
        { token: viewer.token },
      );
      expect(invitations.data?.myInvitations).toEqual([
        {
          operationId: operation.id,
          code: operation.code,
          name: 'Operation Crystal Shield',
          role: 'PARTICIPATING',
          invitedAt: file.app.clock.now().toISOString(),
          invitedByName: plannerName,
          invitedByAgency: planner.agency.name,
          operationalStartsAt: startsAt,
          operationalEndsAt: endsAt,
        },
      ]);
      expect(await sightOf(operation, viewer)).toEqual(NOTHING);
    }

    // Exactly what an operation id that names nothing gets.
    const unknown = encodeGlobalId('Operation', randomUUID());
    const query = 'query($id: ID!) { operation(id: $id) { id } node(id: $id) { id } }';
    const invitedAnswer = await file.app.graphql(query, { id: operation.id }, { token: lao.token });
    const unknownAnswer = await file.app.graphql(query, { id: unknown }, { token: lao.token });
    expect(invitedAnswer.data).toEqual(unknownAnswer.data);
    expect(invitedAnswer.errors).toEqual(unknownAnswer.errors);
  });
});

describe('answering an invitation', () => {
  it.each<[string, 'PARTICIPATING' | 'OBSERVING', MemberRole]>([
    ['a participating agency', 'PARTICIPATING', 'CONTACT_POINT'],
    ['an observing agency', 'OBSERVING', 'OBSERVER'],
  ])('accepting for %s makes the answering user a member (%s → %s) and shows them the operation', async (_story, role, memberRole) => {
    const { operation } = await file.kit.jointOperation();
    const lao = await file.kit.actor(await agencyIn('LA', 'Lao Customs'));
    await operation.invite(lao.agency, role);

    const { result } = await operation.respond(lao, true);
    expect(result).toMatchObject({
      __typename: 'Participation',
      status: 'ACCEPTED',
      role,
      respondedAt: file.app.clock.now().toISOString(),
      agency: { id: lao.agency.globalId },
      contactPoints: memberRole === 'CONTACT_POINT' ? [{ id: lao.globalId }] : [],
    });
    expect(await sightOf(operation, lao)).toEqual({ operation: { id: operation.id }, node: { id: operation.id }, listed: true });
    expect(await operation.view(lao, 'myRole')).toEqual({ myRole: memberRole });
    const invitations = await file.app.graphql('{ myInvitations { code } }', {}, { token: lao.token });
    expect(invitations.data?.myInvitations).toEqual([]);
  });

  it('declining keeps the operation invisible to the agency, and the invitation is gone', async ({ cast: { operation, planner } }) => {
    const lao = await file.kit.actor(await agencyIn('LA', 'Lao Customs'));
    await operation.invite(lao.agency);

    expect((await operation.respond(lao, false)).result).toMatchObject({ __typename: 'Participation', status: 'DECLINED' });
    expect(await sightOf(operation, lao)).toEqual(NOTHING);
    expect((await file.app.graphql('{ myInvitations { code } }', {}, { token: lao.token })).data?.myInvitations).toEqual([]);
    expect((await operation.respond(lao, true)).result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await sightOf(operation, lao)).toEqual(NOTHING);

    const participations = await operation.view(planner, 'participations { status agency { id } } members { user { id } }');
    expect(participations!.participations).toContainEqual({ status: 'DECLINED', agency: { id: lao.agency.globalId } });
    expect(participations!.members).not.toContainEqual({ user: { id: lao.globalId } });
  });

  it('is answered for a user of an agency that was not invited exactly as for an operation that does not exist', async ({
    cast: { operation },
  }) => {
    const outsider = await file.kit.actor(await agencyIn('PH', 'Bureau of Customs'));
    const before = await operation.state();

    const refused = await operation.respond(outsider, true);
    expect(refused.result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const unknown = await file.kit.mutate(outsider, 'respondToInvitation', {
      operationId: encodeGlobalId('Operation', randomUUID()),
      accept: true,
    });
    expect(refused).toEqual(unknown);
    expect(await operation.state()).toEqual(before);
  });
});

describe('assigning members', () => {
  it.each<MemberRole>(['COORDINATOR', 'CONTACT_POINT', 'REVIEWER', 'OBSERVER'])(
    'a coordinator assigns a user of an accepted agency as %s',
    async (role) => {
      const { operation, planner, thailand } = await file.kit.jointOperation();
      const thaiOfficer = await file.kit.actor(thailand.agency);
      expect(await sightOf(operation, thaiOfficer)).toEqual(NOTHING);

      const { result } = await operation.assign(thaiOfficer, role);
      expect(result).toMatchObject({
        __typename: 'OperationMember',
        role,
        user: { id: thaiOfficer.globalId },
        agency: { id: thailand.agency.globalId },
      });
      expect(await operation.view(thaiOfficer, 'myRole')).toEqual({ myRole: role });
      expect((await operation.view(planner, 'members { role user { id } }'))!.members).toContainEqual({
        role,
        user: { id: thaiOfficer.globalId },
      });
    },
  );

  it.each<MemberRole>(['CONTACT_POINT', 'OBSERVER'])('a contact point adds a colleague of their own agency as %s', async (role) => {
    const { operation, malaysia } = await file.kit.jointOperation();
    const colleague = await file.kit.actor(malaysia.agency);
    const { result } = await operation.assign(colleague, role, malaysia);
    expect(result).toMatchObject({ __typename: 'OperationMember', role, user: { id: colleague.globalId } });
    expect(await operation.view(colleague, 'myRole')).toEqual({ myRole: role });
  });

  it('a contact point may not make a colleague coordinator or reviewer, nor assign anyone of another agency (FORBIDDEN)', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    const colleague = await file.kit.actor(malaysia.agency);
    const thaiOfficer = await file.kit.actor(thailand.agency);
    const before = await operation.state();

    for (const [user, role] of [
      [colleague, 'COORDINATOR'],
      [colleague, 'REVIEWER'],
      [thaiOfficer, 'CONTACT_POINT'],
      [thaiOfficer, 'OBSERVER'],
    ] as const) {
      expect((await operation.assign(user, role, malaysia)).refusal, `${role} of ${user.agency.name}`).toBe('FORBIDDEN');
    }
    expect(await operation.state()).toEqual(before);
    expect(await sightOf(operation, colleague)).toEqual(NOTHING);
  });

  it('a contact point may not change the role a coordinator gave a colleague (FORBIDDEN)', async ({ cast: { operation, malaysia } }) => {
    const colleague = await file.kit.actor(malaysia.agency);
    await operation.assign(colleague, 'COORDINATOR');
    const before = await operation.state();

    expect((await operation.assign(colleague, 'OBSERVER', malaysia)).refusal).toBe('FORBIDDEN');
    expect(await operation.state()).toEqual(before);
    expect(await operation.view(colleague, 'myRole')).toEqual({ myRole: 'COORDINATOR' });
  });

  it('only users of agencies that accepted can be members (ValidationError on userId)', async ({ cast: { operation } }) => {
    const invited = await file.kit.actor(await agencyIn('LA', 'Lao Customs'));
    await operation.invite(invited.agency);
    const declined = await file.kit.actor(await agencyIn('KH', 'General Department of Customs and Excise of Cambodia'));
    await operation.invite(declined.agency);
    await operation.respond(declined, false);
    const notInvited = await file.kit.actor(await agencyIn('PH', 'Bureau of Customs'));
    const before = await operation.state();

    for (const user of [invited, declined, notInvited]) {
      const { result } = await operation.assign(user, 'OBSERVER');
      expect(result, user.agency.name).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
      expect(fieldPaths(result!)).toEqual(['userId']);
      expect(await sightOf(operation, user)).toEqual(NOTHING);
    }
    expect(await operation.state()).toEqual(before);
  });
});

describe('withdrawing', () => {
  it("removes the agency's members, who lose sight of the operation at once", async ({
    cast: { operation, planner, malaysia, thailand },
  }) => {
    const colleague = await file.kit.actor(malaysia.agency);
    await operation.assign(colleague, 'OBSERVER');
    expect((await sightOf(operation, colleague)).listed).toBe(true);

    const { result } = await operation.withdraw(malaysia.agency, 'National priorities changed; resources redeployed.');
    expect(result).toMatchObject({
      __typename: 'Participation',
      status: 'WITHDRAWN',
      agency: { id: malaysia.agency.globalId },
      contactPoints: [],
    });
    for (const former of [malaysia, colleague]) expect(await sightOf(operation, former)).toEqual(NOTHING);
    expect(await operation.view(thailand, 'id')).toEqual({ id: operation.id });

    const seen = await operation.view(
      planner,
      `members { user { id } }
       timeline(first: 500) { edges { node { type actor { id } ... on ParticipationChangedEvent { reason participation { agency { id } } } } } }`,
    );
    expect(seen!.members.map((member: { user: { id: string } }) => member.user.id).sort()).toEqual(
      [planner.globalId, thailand.globalId].sort(),
    );
    expect(seen!.timeline.edges.at(-1).node).toEqual({
      type: 'PARTICIPATION_WITHDRAWN',
      actor: { id: planner.globalId },
      reason: 'National priorities changed; resources redeployed.',
      participation: { agency: { id: malaysia.agency.globalId } },
    });
  });

  it('a contact point withdraws their own agency, but not another', async ({ cast: { operation, malaysia, thailand } }) => {
    const before = await operation.state();
    expect((await operation.withdraw(thailand.agency, 'Not for Malaysia to decide.', malaysia)).refusal).toBe('FORBIDDEN');
    expect(await operation.state()).toEqual(before);

    expect((await operation.withdraw(thailand.agency, 'Our port is closed for repairs.', thailand)).result).toMatchObject({
      status: 'WITHDRAWN',
    });
    expect(await sightOf(operation, thailand)).toEqual(NOTHING);
  });
});

describe('an administrator who is not a member', () => {
  it('gets no operation content from being an administrator', async ({ cast: { operation } }) => {
    const admin = await file.kit.actor(await agencyIn(null, 'WCO Secretariat IT'), { isAdmin: true });

    expect(await sightOf(operation, admin)).toEqual(NOTHING);
    const all = await file.app.graphql('{ operations(first: 100) { edges { node { id } } } }', {}, { token: admin.token });
    expect(all.data?.operations.edges).toEqual([]);
    const before = await operation.state();
    expect((await operation.invite(admin.agency, 'OBSERVING', admin)).result).toMatchObject({ __typename: 'NotFoundError' });
    expect(await operation.state()).toEqual(before);
  });
});

describe('the timeline', () => {
  it('lists what happened, in order, with who did it', async ({ cast: { operation, planner, malaysia, thailand }, reviewer: analyst }) => {
    await operation.update({ objectives: 'Intercept precursor chemicals.' });
    await operation.advance('PRE_OPERATIONAL');

    const seen = await operation.view(
      malaysia,
      `timeline(first: 500) { edges { cursor node { __typename cursor type occurredAt actor { id }
         ... on ParticipationChangedEvent { participation { agency { id } } }
         ... on MemberAssignedEvent { member { role user { id } } }
         ... on PhaseAdvancedEvent { from to overridden } } } }`,
    );
    const events = seen!.timeline.edges.map((edge: { cursor: string; node: Record<string, unknown> }) => {
      expect(edge.node.cursor).toBe(edge.cursor);
      const { cursor: _cursor, occurredAt, ...event } = edge.node;
      expect(occurredAt).toBe(file.app.clock.now().toISOString());
      return event;
    });
    expect(events).toEqual([
      { __typename: 'OperationCreatedEvent', type: 'OPERATION_CREATED', actor: { id: planner.globalId } },
      {
        __typename: 'ParticipationChangedEvent',
        type: 'AGENCY_INVITED',
        actor: { id: planner.globalId },
        participation: { agency: { id: malaysia.agency.globalId } },
      },
      {
        __typename: 'ParticipationChangedEvent',
        type: 'INVITATION_ACCEPTED',
        actor: { id: malaysia.globalId },
        participation: { agency: { id: malaysia.agency.globalId } },
      },
      {
        __typename: 'ParticipationChangedEvent',
        type: 'AGENCY_INVITED',
        actor: { id: planner.globalId },
        participation: { agency: { id: thailand.agency.globalId } },
      },
      {
        __typename: 'ParticipationChangedEvent',
        type: 'INVITATION_ACCEPTED',
        actor: { id: thailand.globalId },
        participation: { agency: { id: thailand.agency.globalId } },
      },
      {
        __typename: 'MemberAssignedEvent',
        type: 'MEMBER_ASSIGNED',
        actor: { id: planner.globalId },
        member: { role: 'REVIEWER', user: { id: analyst.globalId } },
      },
      { __typename: 'OperationUpdatedEvent', type: 'OPERATION_UPDATED', actor: { id: planner.globalId } },
      {
        __typename: 'PhaseAdvancedEvent',
        type: 'PHASE_ADVANCED',
        actor: { id: planner.globalId },
        from: 'PLANNING',
        to: 'PRE_OPERATIONAL',
        overridden: false,
      },
    ]);

    // Paging forward from any cursor continues exactly where the page ended.
    const cursors: string[] = seen!.timeline.edges.map((edge: { cursor: string }) => edge.cursor);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Shaped = await operation.view(
        malaysia,
        `timeline(first: 3${after ? `, after: "${after}"` : ''}) { edges { cursor } pageInfo { hasNextPage endCursor } }`,
      );
      paged.push(...page.timeline.edges.map((edge: { cursor: string }) => edge.cursor));
      if (!page.timeline.pageInfo.hasNextPage) break;
      after = page.timeline.pageInfo.endCursor;
    }
    expect(paged).toEqual(cursors);
  });
});

describe('the audit trail', () => {
  it('shows coordinators and reviewers every attempt, successful or refused; a contact point or observer sees none', async ({
    cast: { operation, planner, malaysia, thailand },
    reviewer: analyst,
  }) => {
    const thaiObserver = await file.kit.actor(thailand.agency);
    await operation.assign(thaiObserver, 'OBSERVER');
    const lao = await agencyIn('LA', 'Lao Customs');
    await operation.invite(lao, 'PARTICIPATING', malaysia);
    await operation.advance('OPERATIONAL');
    await operation.invite(lao);

    const latest = [
      {
        action: 'inviteAgency',
        outcome: 'SUCCEEDED',
        reason: null,
        actor: { id: planner.globalId },
        actorAgency: { id: planner.agency.globalId },
      },
      {
        action: 'advancePhase',
        outcome: 'REFUSED',
        reason: expect.stringMatching(/^VALIDATION: /),
        actor: { id: planner.globalId },
        actorAgency: { id: planner.agency.globalId },
      },
      {
        action: 'inviteAgency',
        outcome: 'REFUSED',
        reason: expect.stringMatching(/^FORBIDDEN: /),
        actor: { id: malaysia.globalId },
        actorAgency: { id: malaysia.agency.globalId },
      },
      {
        action: 'assignMember',
        outcome: 'SUCCEEDED',
        reason: null,
        actor: { id: planner.globalId },
        actorAgency: { id: planner.agency.globalId },
      },
    ];
    const trailOf = async (viewer: Actor) =>
      (await operation.view(
        viewer,
        'auditTrail(first: 500) { edges { node { action outcome reason actor { id } actorAgency { id } occurredAt requestId sourceAddress } } }',
      ))!.auditTrail.edges.map((edge: { node: Record<string, unknown> }) => edge.node);

    for (const reader of [planner, analyst]) {
      const trail = await trailOf(reader);
      expect(
        trail.slice(0, 4).map(({ action, outcome, reason, actor, actorAgency }: Record<string, unknown>) => ({
          action,
          outcome,
          reason,
          actor,
          actorAgency,
        })),
      ).toEqual(latest);
      expect(trail.at(-1)).toMatchObject({ action: 'createOperation', outcome: 'SUCCEEDED' });
      expect(trail[0]).toMatchObject({
        occurredAt: file.app.clock.now().toISOString(),
        requestId: expect.any(String),
        sourceAddress: '127.0.0.1',
      });
    }
    for (const reader of [malaysia, thaiObserver]) expect(await trailOf(reader)).toEqual([]);
  });
});
