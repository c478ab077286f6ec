import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { agencies, users } from '@jointops/server/db/schema/accounts';
import { decodeGlobalId, encodeGlobalId } from '@jointops/server/global-id';
import { hashPassword } from '@jointops/server/modules/accounts/passwords';
import { markingAllows } from '@jointops/shared/alerts';
import type { Marking, MemberRole, ParticipationRole } from '@jointops/shared/domain';
import type { TestApp } from './app';
import {
  roleOf,
  seesAlert,
  type ParticipationStatus,
  type SeizureStatus,
  type World,
  type WorldOperation,
  type WorldSeizure,
  type WorldUser,
} from './isolation-model';
import { operationKit, type OperationDriver, type OperationKit } from './operations';
import { seedKit } from './seed';
import type { Fields } from './graphql';

// Worlds for the isolation property: a plan drawn by fast-check (numbers that pick among whoever is
// eligible when the step runs, so every plan is a valid story), played through the real API, and
// recorded in the model as each step succeeds. Any step the API refuses fails the run.

export interface OperationPlan {
  planner: number;
  invitations: { agency: number; role: ParticipationRole; answer: 'ACCEPT' | 'DECLINE' | 'NONE'; by: number }[];
  assignments: { user: number; role: MemberRole }[];
  reachOperational: boolean;
  alerts: {
    by: number;
    restricted: boolean;
    recipients: number[];
    marking: Marking;
    test: boolean;
    acknowledge: number | null;
    comment: number | null;
    feedback: boolean;
  }[];
  seizures: { by: number; submit: boolean; link: number | null; review: 'NONE' | 'VERIFY' | 'REJECT'; reviewer: number }[];
  checks: { by: number; database: boolean }[];
  removals: number[];
  withdrawals: number[];
  reinvite: number | null;
  debrief: boolean;
}

export interface WorldPlan {
  /** Users per agency. */
  agencyUsers: number[];
  /** The agency of an administrator (an extra account): administration grants no operation content. */
  adminAgency: number;
  operations: OperationPlan[];
}

const pick = fc.nat({ max: 50 });

const operationPlan: fc.Arbitrary<OperationPlan> = fc.record({
  planner: pick,
  invitations: fc.array(
    fc.record({
      agency: pick,
      role: fc.constantFrom<ParticipationRole>('PARTICIPATING', 'PARTICIPATING', 'OBSERVING', 'COORDINATING'),
      answer: fc.constantFrom<'ACCEPT' | 'DECLINE' | 'NONE'>('ACCEPT', 'ACCEPT', 'ACCEPT', 'ACCEPT', 'DECLINE', 'NONE'),
      by: pick,
    }),
    { minLength: 2, maxLength: 4, size: 'max' },
  ),
  assignments: fc.array(
    fc.record({ user: pick, role: fc.constantFrom<MemberRole>('COORDINATOR', 'CONTACT_POINT', 'REVIEWER', 'OBSERVER') }),
    { maxLength: 4, size: 'max' },
  ),
  reachOperational: fc.constantFrom(true, true, true, false),
  alerts: fc.array(
    fc.record({
      by: pick,
      restricted: fc.boolean(),
      // Mostly one agency named, so that a restricted alert leaves someone out.
      recipients: fc.array(pick, { minLength: 1, maxLength: 2 }),
      marking: fc.constantFrom<Marking>('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'),
      test: fc.constantFrom(false, false, false, true),
      acknowledge: fc.option(pick, { nil: null }),
      comment: fc.option(pick, { nil: null }),
      feedback: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4, size: 'max' },
  ),
  seizures: fc.array(
    fc.record({
      by: pick,
      submit: fc.boolean(),
      link: fc.option(pick, { nil: null }),
      review: fc.constantFrom<'NONE' | 'VERIFY' | 'REJECT'>('NONE', 'VERIFY', 'VERIFY', 'REJECT'),
      reviewer: pick,
    }),
    { maxLength: 4, size: 'max' },
  ),
  checks: fc.array(fc.record({ by: pick, database: fc.boolean() }), { maxLength: 2 }),
  removals: fc.array(pick, { maxLength: 2 }),
  withdrawals: fc.array(pick, { maxLength: 1 }),
  reinvite: fc.option(pick, { nil: null }),
  debrief: fc.boolean(),
});

export const worldPlan: fc.Arbitrary<WorldPlan> = fc.record({
  agencyUsers: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 5, size: 'max' }),
  adminAgency: pick,
  operations: fc.array(operationPlan, { minLength: 1, maxLength: 2 }),
});

/** `list[n]`, taken round: a plan's numbers pick among whoever is eligible at that step. */
const among = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

const hex = () => randomBytes(6).toString('hex');
/** A mark unique to one piece of content, found wherever it surfaces. */
export const token = () => `tok${hex()}`;
const uuidOf = (globalId: string) => decodeGlobalId(globalId)!.id;
const JUSTIFICATION = 'Isolation property: the world skips the gates on purpose.';

/** Plays plans against one server; accounts share one password hash, hashed once. */
export function worldBuilder(testApp: TestApp) {
  const kit: OperationKit = operationKit(testApp);
  const seed = seedKit(testApp);
  const password = `isolation ${hex()}`;
  const passwordHash = hashPassword(password);
  let mutations = 0;

  async function succeed(actor: WorldUser, name: Parameters<OperationKit['mutate']>[1], input: Record<string, unknown>, typename: string) {
    mutations += 1;
    const outcome = await kit.mutate(actor, name, input);
    if (outcome.result?.__typename !== typename) {
      throw new Error(`world building: ${name} by ${actor.label} answered ${JSON.stringify(outcome)} for ${JSON.stringify(input)}`);
    }
    return outcome.result;
  }

  async function people(plan: WorldPlan): Promise<WorldUser[]> {
    const { db } = testApp.database;
    const hash = await passwordHash;
    const created: WorldUser[] = [];
    const adminAgency = plan.adminAgency % plan.agencyUsers.length;
    for (const [a, count] of plan.agencyUsers.entries()) {
      const [agency] = await db
        .insert(agencies)
        .values({ name: `Isolation Customs ${hex()}`, kind: 'CUSTOMS', countryCode: 'MY', timeZone: 'Asia/Kuala_Lumpur' })
        .returning();
      const seeded = {
        id: agency!.id,
        globalId: encodeGlobalId('Agency', agency!.id),
        name: agency!.name,
        countryCode: agency!.countryCode,
      };
      for (let u = 0; u < count + (a === adminAgency ? 1 : 0); u += 1) {
        const isAdmin = u === count;
        const [row] = await db
          .insert(users)
          .values({
            email: `isolation-${hex()}@test.demo`,
            displayName: `Isolation ${hex()}`,
            agencyId: agency!.id,
            passwordHash: hash,
            isAdmin,
          })
          .returning();
        const user = { id: row!.id, globalId: encodeGlobalId('User', row!.id), email: row!.email, password, isAdmin, agency: seeded };
        created.push({ ...user, token: (await seed.signIn(user)).token, label: `a${a}.${isAdmin ? 'admin' : `u${u}`}` });
      }
    }
    return created;
  }

  /** Records the ids of the memberships the server made by itself (creation, acceptance). */
  async function learnMembers(operation: WorldOperation, viewer: WorldUser): Promise<void> {
    const response = await testApp.graphql(
      `query($id: ID!) { operation(id: $id) { members { id role user { id } agency { id } } } }`,
      { id: operation.globalId },
      { token: viewer.token },
    );
    for (const member of response.data!.operation.members as {
      id: string;
      role: MemberRole;
      user: { id: string };
      agency: { id: string };
    }[]) {
      const userId = uuidOf(member.user.id);
      operation.members.set(userId, {
        id: uuidOf(member.id),
        globalId: member.id,
        userId,
        agencyId: uuidOf(member.agency.id),
        role: member.role,
        current: true,
      });
    }
  }

  function participation(
    operation: WorldOperation,
    result: Fields,
    agencyId: string,
    role: ParticipationRole,
    status: ParticipationStatus,
  ) {
    operation.participations.set(agencyId, { id: uuidOf(result.id), globalId: result.id, agencyId, role, status });
  }

  const currentMembers = (world: World, operation: WorldOperation, roles?: MemberRole[]) =>
    world.users.filter((user) => {
      const role = roleOf(user, operation);
      return role !== null && operation.participations.get(user.agency.id)?.status === 'ACCEPTED' && (!roles || roles.includes(role));
    });
  const agenciesWith = (operation: WorldOperation, status: string) =>
    [...operation.participations.values()].filter((p) => p.status === status).map((p) => p.agencyId);

  async function planOperation(
    world: World,
    plan: OperationPlan,
  ): Promise<{ operation: WorldOperation; driver: OperationDriver; planner: WorldUser }> {
    const planner = among(
      world.users.filter((user) => !user.isAdmin),
      plan.planner,
    )!;
    mutations += 1;
    const driver = await kit.operation(planner, { code: `ISO-${hex().toUpperCase()}` });
    const operation: WorldOperation = {
      id: uuidOf(driver.id),
      globalId: driver.id,
      code: driver.code,
      phase: 'PLANNING',
      plannerId: planner.id,
      participations: new Map(),
      members: new Map(),
      alerts: [],
      seizures: [],
      checks: new Map(),
    };
    world.operations.push(operation);
    const coordinating = await testApp.graphql(
      `query($id: ID!) { operation(id: $id) { participations { id } } }`,
      { id: driver.id },
      { token: planner.token },
    );
    participation(operation, coordinating.data!.operation.participations[0], planner.agency.id, 'COORDINATING', 'ACCEPTED');

    for (const invitation of plan.invitations) {
      const agencyId = among(
        world.agencyIds.filter((id) => !operation.participations.has(id)),
        invitation.agency,
      );
      if (!agencyId) break;
      const agency = world.users.find((user) => user.agency.id === agencyId)!.agency;
      participation(
        operation,
        await succeed(
          planner,
          'inviteAgency',
          { operationId: driver.id, agencyId: agency.globalId, role: invitation.role },
          'Participation',
        ),
        agencyId,
        invitation.role,
        'INVITED',
      );
      if (invitation.answer === 'NONE') continue;
      const responder = among(
        world.users.filter((user) => user.agency.id === agencyId),
        invitation.by,
      )!;
      const accept = invitation.answer === 'ACCEPT';
      await succeed(responder, 'respondToInvitation', { operationId: driver.id, accept }, 'Participation');
      operation.participations.get(agencyId)!.status = accept ? 'ACCEPTED' : 'DECLINED';
    }
    await learnMembers(operation, planner);

    for (const assignment of plan.assignments) {
      const accepted = agenciesWith(operation, 'ACCEPTED');
      // The planner stays a coordinator throughout: someone must be able to run the operation.
      const user = among(
        world.users.filter((candidate) => candidate !== planner && accepted.includes(candidate.agency.id)),
        assignment.user,
      );
      if (!user) break;
      const member = await succeed(
        planner,
        'assignMember',
        { operationId: driver.id, userId: user.globalId, role: assignment.role },
        'OperationMember',
      );
      operation.members.set(user.id, {
        id: uuidOf(member.id),
        globalId: member.id,
        userId: user.id,
        agencyId: user.agency.id,
        role: assignment.role,
        current: true,
      });
    }
    return { operation, driver, planner };
  }

  async function advance(operation: WorldOperation, driver: OperationDriver, planner: WorldUser, to: string) {
    await succeed(planner, 'advancePhase', { operationId: driver.id, to, overrideJustification: JUSTIFICATION }, 'Operation');
    operation.phase = to;
  }

  async function alerts(world: World, operation: WorldOperation, driver: OperationDriver, plan: OperationPlan) {
    for (const alertPlan of plan.alerts) {
      const raiser = among(currentMembers(world, operation, ['COORDINATOR', 'CONTACT_POINT']), alertPlan.by);
      if (!raiser) break;
      const others = agenciesWith(operation, 'ACCEPTED').filter((id) => id !== raiser.agency.id);
      const named = [...new Set(alertPlan.recipients.map((n) => among(others, n)).filter((id): id is string => !!id))];
      const restricted = alertPlan.restricted && named.length > 0;
      const distribution = restricted ? 'RESTRICTED' : 'ALL_PARTICIPANTS';
      // TLP:RED goes to named agencies only: a plan that names none raises it AMBER+STRICT instead.
      const marking = markingAllows(alertPlan.marking, distribution) ? alertPlan.marking : 'AMBER_STRICT';
      const tokens = [token(), token()];
      const input = {
        operationId: driver.id,
        idempotencyKey: hex(),
        category: alertPlan.test ? 'TEST' : 'INTELLIGENCE',
        severity: 'HIGH',
        title: `Alert ${tokens[0]}`,
        description: `Details ${tokens[1]}`,
        marking,
        distribution,
        ...(restricted ? { recipientAgencyIds: named.map((id) => encodeGlobalId('Agency', id)) } : {}),
      };
      const result = await succeed(raiser, 'raiseAlert', input, 'Alert');
      const alert = {
        id: uuidOf(result.id),
        globalId: result.id,
        reference: result.reference as string,
        category: input.category as 'TEST',
        distribution: input.distribution as 'RESTRICTED',
        marking,
        raisedByAgencyId: raiser.agency.id,
        recipientAgencyIds: restricted ? named : others,
        tokens,
      };
      operation.alerts.push(alert);
      const answerers = currentMembers(world, operation, ['COORDINATOR', 'CONTACT_POINT']).filter((user) =>
        alert.recipientAgencyIds.includes(user.agency.id),
      );
      const acknowledger = alertPlan.acknowledge === null ? undefined : among(answerers, alertPlan.acknowledge);
      if (acknowledger) await succeed(acknowledger, 'acknowledgeAlert', { alertId: alert.globalId }, 'Alert');
      if (alertPlan.feedback && answerers.length) {
        tokens.push(token());
        await succeed(
          answerers[0]!,
          'giveAlertFeedback',
          { alertId: alert.globalId, outcome: 'NOTHING_FOUND', note: `Note ${tokens.at(-1)}` },
          'Alert',
        );
      }
      const commenter =
        alertPlan.comment === null
          ? undefined
          : among(
              currentMembers(world, operation).filter((user) => seesAlert(user, operation, alert)),
              alertPlan.comment,
            );
      if (commenter) {
        tokens.push(token());
        await succeed(commenter, 'commentOnAlert', { alertId: alert.globalId, body: `Comment ${tokens.at(-1)}` }, 'Alert');
      }
    }
  }

  async function seizures(world: World, operation: WorldOperation, driver: OperationDriver, plan: OperationPlan) {
    for (const seizurePlan of plan.seizures) {
      const reporter = among(currentMembers(world, operation, ['COORDINATOR', 'CONTACT_POINT']), seizurePlan.by);
      if (!reporter) break;
      const linkable = operation.alerts.filter((alert) => seesAlert(reporter, operation, alert));
      const linked = seizurePlan.link === null ? undefined : among(linkable, seizurePlan.link);
      const quantityKg = 2 ** operation.seizures.length;
      const tokens = [token(), token()];
      const result = await succeed(
        reporter,
        'reportSeizure',
        {
          operationId: driver.id,
          idempotencyKey: hex(),
          seizedAt: new Date(testApp.clock.now().getTime() - 600_000).toISOString(),
          countryCode: 'MY',
          place: `Port ${tokens[0]}`,
          locationType: 'SEAPORT',
          commodityDescription: `Goods ${tokens[1]}`,
          quantity: quantityKg,
          unit: 'KG',
          detectionMethod: 'X_RAY',
          transportMode: 'SEA',
          arrests: 1,
          submit: seizurePlan.submit,
          linkedAlertIds: linked ? [linked.globalId] : [],
        },
        'Seizure',
      );
      const seizure: WorldSeizure = {
        id: uuidOf(result.id),
        globalId: result.id,
        reference: result.reference as string,
        status: result.status as SeizureStatus,
        reportingAgencyId: reporter.agency.id,
        reportedBy: reporter.id,
        linkedAlertIds: linked ? [linked.id] : [],
        quantityKg,
        tokens,
      };
      operation.seizures.push(seizure);
      if (seizure.status !== 'SUBMITTED' || seizurePlan.review === 'NONE') continue;
      const reviewer = among(
        currentMembers(world, operation, ['COORDINATOR', 'REVIEWER']).filter((user) => user !== reporter),
        seizurePlan.reviewer,
      );
      if (!reviewer) continue;
      if (seizurePlan.review === 'VERIFY') await succeed(reviewer, 'verifySeizure', { seizureId: seizure.globalId }, 'Seizure');
      else {
        tokens.push(token());
        await succeed(reviewer, 'rejectSeizure', { seizureId: seizure.globalId, reason: `Reason ${tokens.at(-1)}` }, 'Seizure');
      }
      seizure.status = seizurePlan.review === 'VERIFY' ? 'VERIFIED' : 'REJECTED';
    }
  }

  async function checks(world: World, operation: WorldOperation, driver: OperationDriver, plan: OperationPlan) {
    if (!plan.checks.length) return;
    const checkedOn = await driver.operationalDay();
    const commodityId = (await kit.catalogue(world.users[0]!))[0]!.id;
    for (const checkPlan of plan.checks) {
      const recorder = among(currentMembers(world, operation, ['COORDINATOR', 'CONTACT_POINT']), checkPlan.by);
      if (!recorder) break;
      const result = checkPlan.database
        ? await succeed(
            recorder,
            'recordDatabaseChecks',
            { operationId: driver.id, checkedOn, database: 'WCO_CEN', checks: 3, hits: 1 },
            'DatabaseCheck',
          )
        : await succeed(
            recorder,
            'recordLicitShipmentsChecked',
            { operationId: driver.id, checkedOn, commodityId, shipments: 2 },
            'LicitShipmentCheck',
          );
      operation.checks.set(result.id, {
        id: uuidOf(result.id),
        globalId: result.id,
        kind: checkPlan.database ? 'DatabaseCheck' : 'LicitShipmentCheck',
      });
    }
  }

  async function departures(operation: WorldOperation, driver: OperationDriver, planner: WorldUser, plan: OperationPlan) {
    for (const removal of plan.removals) {
      const member = among(
        [...operation.members.values()].filter((m) => m.current && m.userId !== planner.id),
        removal,
      );
      if (!member) break;
      // Not among the operation kit's mutations: sent as the web app sends it.
      mutations += 1;
      const removed = await testApp.graphql(
        'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { __typename } }',
        { input: { operationId: driver.id, memberId: member.globalId } },
        { token: planner.token },
      );
      if (removed.data?.removeMember?.__typename !== 'OperationMember')
        throw new Error(`world building: removeMember answered ${JSON.stringify(removed)}`);
      member.current = false;
    }
    for (const withdrawal of plan.withdrawals) {
      const taking = [...operation.participations.values()].filter(
        (p) => p.role !== 'COORDINATING' && (p.status === 'ACCEPTED' || p.status === 'INVITED'),
      );
      const leaving = among(taking, withdrawal);
      if (!leaving) break;
      await succeed(
        planner,
        'withdrawParticipation',
        { operationId: driver.id, agencyId: encodeGlobalId('Agency', leaving.agencyId), reason: `Reason ${token()}` },
        'Participation',
      );
      leaving.status = 'WITHDRAWN';
      for (const member of operation.members.values()) if (member.agencyId === leaving.agencyId) member.current = false;
    }
    const back =
      plan.reinvite === null
        ? undefined
        : among(
            [...operation.participations.values()].filter((p) => p.status === 'DECLINED' || p.status === 'WITHDRAWN'),
            plan.reinvite,
          );
    if (back) {
      await succeed(
        planner,
        'inviteAgency',
        { operationId: driver.id, agencyId: encodeGlobalId('Agency', back.agencyId), role: back.role },
        'Participation',
      );
      back.status = 'INVITED';
    }
  }

  return {
    get mutations() {
      return mutations;
    },

    /** Builds the world a plan describes and returns its model. */
    async build(plan: WorldPlan): Promise<World> {
      const world: World = { agencyIds: [], users: await people(plan), operations: [] };
      world.agencyIds = [...new Set(world.users.map((user) => user.agency.id))];
      const planned = [];
      for (const operationPlan of plan.operations) planned.push({ plan: operationPlan, ...(await planOperation(world, operationPlan)) });
      const running = planned.filter(({ plan: p }) => p.reachOperational);
      for (const { operation, driver, planner } of running) {
        await advance(operation, driver, planner, 'PRE_OPERATIONAL');
        await advance(operation, driver, planner, 'OPERATIONAL');
      }
      // Into the planned operational window, so reports are dated inside the operation.
      if (running.length) testApp.clock.advance({ seconds: 150 * 60 });
      for (const { plan: p, operation, driver } of running) {
        await alerts(world, operation, driver, p);
        await seizures(world, operation, driver, p);
        await checks(world, operation, driver, p);
      }
      for (const { plan: p, operation, driver, planner } of planned) await departures(operation, driver, planner, p);
      for (const { plan: p, operation, driver, planner } of running)
        if (p.debrief) await advance(operation, driver, planner, 'POST_OPERATIONAL');
      return world;
    },
  };
}
