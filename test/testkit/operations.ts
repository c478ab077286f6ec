import { randomBytes } from 'node:crypto';
import type { MemberRole, ParticipationRole, Phase } from '@jointops/shared/domain';
import { calendarDateIn } from '@jointops/shared/validation';
import type { TestApp } from './app';
import { errorCode, type Fields } from './graphql';
import { seedKit, type SeededAgency, type SeededUser } from './seed';

// Operations built the way a planner and the agencies build them, through the real API, so a
// test states only what its story is about: who coordinates, who joins, which phase it is in.

/** A signed-in user. */
export interface Actor extends SeededUser {
  token: string;
}

/** What a mutation answered: a member of its result union, or a top-level refusal. */
export interface Outcome<T = Fields> {
  /** The union member, with `__typename`; null when refused at the top level. */
  result: (T & { __typename: string }) | null;
  /** UNAUTHENTICATED or FORBIDDEN, when refused before any result. */
  refusal: string | undefined;
}

export interface PlannedPhase {
  phase: Phase;
  startsAt: string;
  endsAt: string;
}

const ERRORS = '__typename ... on Error { code message } ... on ValidationError { fieldErrors { path message } }';
const PHASE_RULE = '... on PhaseRuleError { phase }';
const OPERATION = '... on Operation { id code name phase }';
const PARTICIPATION = '... on Participation { id role status respondedAt readinessAcknowledgedAt agency { id name } contactPoints { id } }';
const MEMBER = '... on OperationMember { id role user { id } agency { id } }';
const ALERT = `... on Alert { id reference category severity marking distribution outcome raisedAt raisedByAgency { id }
  recipients { agency { id } dueAt acknowledgedAt acknowledgedBy { id } overdue } comments { author { id } body } }`;
const ALERT_VERSIONS = `... on Alert { version title description severity amendedBy { id } withdrawnAt withdrawnBy { id } withdrawalReason
  versions { version title severity madeBy { id } madeAt supersededAt clearedAcknowledgements { agency { id } acknowledgedAt acknowledgedBy { id } } } }`;
const SEIZURE = `... on Seizure { id reference status bonus quantity unit arrests place countryCode commodityDescription rejectionReason
  commodity { code } reportingAgency { id } reportedBy { id } verifiedBy { id } rejectedBy { id } linkedAlerts { id }
  arrestsByNationality { nationality count } interpolNotifiedAt interpolNcb { id } interpolNotices { type reference } }`;
const LICIT_SHIPMENT_CHECK =
  '... on LicitShipmentCheck { id countryCode checkedOn shipments quantity unit agency { id } commodity { code } recordedBy { id } }';
const DATABASE_CHECK = '... on DatabaseCheck { id countryCode checkedOn database checks hits agency { id } recordedBy { id } }';

/** The result fields each mutation is asked for: success, then every failure it may answer with. */
const SELECTIONS = {
  createOperation: `${ERRORS} ${OPERATION}`,
  updateOperation: `${ERRORS} ${PHASE_RULE} ${OPERATION}`,
  inviteAgency: `${ERRORS} ${PHASE_RULE} ${PARTICIPATION}`,
  respondToInvitation: `${ERRORS} ${PHASE_RULE} ${PARTICIPATION}`,
  withdrawParticipation: `${ERRORS} ${PHASE_RULE} ${PARTICIPATION}`,
  assignMember: `${ERRORS} ${PHASE_RULE} ${MEMBER}`,
  advancePhase: `${ERRORS} ${PHASE_RULE} ${OPERATION} ... on PhaseGateError { unmetCriteria { key description } }`,
  recordFinalReport: `${ERRORS} ${PHASE_RULE} ${OPERATION} ... on Operation { finalReport }`,
  raiseAlert: `${ERRORS} ${PHASE_RULE} ${ALERT}`,
  acknowledgeAlert: `${ERRORS} ${PHASE_RULE} ${ALERT}`,
  giveAlertFeedback: `${ERRORS} ${PHASE_RULE} ${ALERT} ... on Alert { outcomeNote }`,
  commentOnAlert: `${ERRORS} ${PHASE_RULE} ${ALERT}`,
  amendAlert: `${ERRORS} ${PHASE_RULE} ${ALERT} ${ALERT_VERSIONS}`,
  withdrawAlert: `${ERRORS} ${PHASE_RULE} ${ALERT} ${ALERT_VERSIONS}`,
  reportSeizure: `${ERRORS} ${PHASE_RULE} ${SEIZURE}`,
  submitSeizure: `${ERRORS} ${PHASE_RULE} ${SEIZURE}`,
  correctSeizure: `${ERRORS} ${PHASE_RULE} ${SEIZURE}`,
  verifySeizure: `${ERRORS} ${PHASE_RULE} ${SEIZURE}`,
  rejectSeizure: `${ERRORS} ${PHASE_RULE} ${SEIZURE}`,
  recordLicitShipmentsChecked: `${ERRORS} ${PHASE_RULE} ${LICIT_SHIPMENT_CHECK}`,
  recordDatabaseChecks: `${ERRORS} ${PHASE_RULE} ${DATABASE_CHECK}`,
} as const;

export type OperationMutation = keyof typeof SELECTIONS;

const HOUR = 3_600_000;

/**
 * A phase plan counted in hours from `start`: short, so that a test can move the clock through a
 * whole operation without outliving its sessions (12 hours idle).
 */
export function plannedPhases(start: Date): PlannedPhase[] {
  const window = (phase: Phase, from: number, to: number) => ({
    phase,
    startsAt: new Date(start.getTime() + from * HOUR).toISOString(),
    endsAt: new Date(start.getTime() + to * HOUR).toISOString(),
  });
  return [window('PLANNING', 0, 1), window('PRE_OPERATIONAL', 1, 2), window('OPERATIONAL', 2, 4), window('POST_OPERATIONAL', 4, 6)];
}

export function operationKit(testApp: TestApp) {
  const seed = seedKit(testApp);
  let cachedCatalogue: Promise<{ id: string; code: string }[]> | undefined;

  async function mutate<T = Fields>(actor: Actor | null, name: OperationMutation, input: Record<string, unknown>): Promise<Outcome<T>> {
    const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const response = await testApp.graphql<Partial<Record<OperationMutation, T & { __typename: string }>>>(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${SELECTIONS[name]} } }`,
      { input },
      actor ? { token: actor.token } : {},
    );
    const refusal = errorCode(response);
    if (!refusal && response.errors) throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
    return { result: response.data?.[name] ?? null, refusal };
  }

  const kit = {
    seed,
    mutate,
    /** Any other call, as `testApp.graphql`. */
    graphql: testApp.graphql,
    /** The server's address (`http://127.0.0.1:<port>`), for the endpoints beside GraphQL (attachments). */
    url: testApp.url,

    /** A signed-in user of `agency`; of a new customs administration in Malaysia when absent. */
    async actor(agency?: SeededAgency, fields: { isAdmin?: boolean } = {}): Promise<Actor> {
      const user = await seed.user({ agency: agency ?? (await seed.agency()), ...fields });
      return { ...user, token: (await seed.signIn(user)).token };
    },

    /** The current commodity catalogue, as `viewer` reads it. */
    async catalogue(viewer: Actor): Promise<{ id: string; code: string }[]> {
      cachedCatalogue ??= testApp
        .graphql<{ commodityCatalogue: { items: { id: string; code: string }[] } }>(
          '{ commodityCatalogue { items { id code } } }',
          {},
          { token: viewer.token },
        )
        .then((response) => response.data!.commodityCatalogue.items);
      return cachedCatalogue;
    },

    /** The createOperation input a planner would send now, with `overrides`. */
    async operationInput(planner: Actor, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
      return {
        code: `PGS-TEST-${randomBytes(3).toString('hex').toUpperCase()}`,
        name: 'Operation Test Shield',
        programme: 'PROGRAMME_GLOBAL_SHIELD',
        referenceTimeZone: 'Asia/Bangkok',
        targetCommodityIds: (await kit.catalogue(planner)).slice(0, 2).map((item) => item.id),
        plannedPhases: plannedPhases(testApp.clock.now()),
        ...overrides,
      };
    },

    /** An operation `coordinator` created; throws unless it was created. */
    async operation(coordinator: Actor, overrides: Record<string, unknown> = {}): Promise<OperationDriver> {
      const { result } = await mutate(coordinator, 'createOperation', await kit.operationInput(coordinator, overrides));
      if (result?.__typename !== 'Operation') throw new Error(`createOperation failed: ${JSON.stringify(result)}`);
      return new OperationDriver(testApp, mutate, result.id, result.code, coordinator);
    },

    /**
     * The usual cast: a WCO planner coordinating, and the customs administrations of Malaysia and
     * Thailand taking part, each through the contact point who accepted. Ready to leave PLANNING.
     */
    async jointOperation(overrides: Record<string, unknown> = {}) {
      const wco = await seed.agency({
        name: `World Customs Organization ${randomBytes(4).toString('hex')}`,
        kind: 'INTERNATIONAL_ORGANIZATION',
        countryCode: null,
      });
      const planner = await kit.actor(wco);
      const operation = await kit.operation(planner, overrides);
      const malaysia = await operation.join(
        await kit.actor(await seed.agency({ name: `Royal Malaysian Customs ${randomBytes(4).toString('hex')}`, countryCode: 'MY' })),
      );
      const thailand = await operation.join(
        await kit.actor(await seed.agency({ name: `Thai Customs ${randomBytes(4).toString('hex')}`, countryCode: 'TH' })),
      );
      return { operation, planner, malaysia, thailand };
    },
  };
  return kit;
}

export type OperationKit = ReturnType<typeof operationKit>;

/** One operation, driven through the API by its coordinator unless another actor is named. */
export class OperationDriver {
  /** Contact points of the participating agencies that joined through `join`, in order. */
  readonly participants: Actor[] = [];

  constructor(
    private readonly testApp: TestApp,
    private readonly mutate: OperationKit['mutate'],
    readonly id: string,
    readonly code: string,
    readonly coordinator: Actor,
  ) {}

  update(changes: Record<string, unknown>, by: Actor = this.coordinator) {
    return this.mutate(by, 'updateOperation', { operationId: this.id, ...changes });
  }

  invite(agency: SeededAgency, role: ParticipationRole = 'PARTICIPATING', by: Actor = this.coordinator) {
    return this.mutate(by, 'inviteAgency', { operationId: this.id, agencyId: agency.globalId, role });
  }

  respond(by: Actor, accept: boolean) {
    return this.mutate(by, 'respondToInvitation', { operationId: this.id, accept });
  }

  /** Invites the actor's agency and has the actor accept for it; throws unless both succeed. */
  async join(actor: Actor, role: ParticipationRole = 'PARTICIPATING'): Promise<Actor> {
    const invited = await this.invite(actor.agency, role);
    const accepted = await this.respond(actor, true);
    if (invited.result?.__typename !== 'Participation' || accepted.result?.status !== 'ACCEPTED') {
      throw new Error(`joining failed: ${JSON.stringify({ invited, accepted })}`);
    }
    if (role === 'PARTICIPATING') this.participants.push(actor);
    return actor;
  }

  withdraw(agency: SeededAgency, reason: string, by: Actor = this.coordinator) {
    return this.mutate(by, 'withdrawParticipation', { operationId: this.id, agencyId: agency.globalId, reason });
  }

  assign(user: SeededUser, role: MemberRole, by: Actor = this.coordinator) {
    return this.mutate(by, 'assignMember', { operationId: this.id, userId: user.globalId, role });
  }

  /** The readiness test: a TEST alert to every participant, raised by the coordinator unless `by` is named. */
  async readinessTest(by: Actor = this.coordinator): Promise<string> {
    const { result } = await this.mutate(by, 'raiseAlert', {
      operationId: this.id,
      idempotencyKey: randomBytes(8).toString('hex'),
      category: 'TEST',
      severity: 'LOW',
      title: 'Readiness test: please acknowledge',
      marking: 'GREEN',
      distribution: 'ALL_PARTICIPANTS',
    });
    if (result?.__typename !== 'Alert') throw new Error(`raising the readiness test failed: ${JSON.stringify(result)}`);
    return result.id;
  }

  /** An AMBER, HIGH intelligence alert to every participant (or as `overrides` say); its id. */
  async raiseAlert(by: Actor, title: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const { result } = await this.mutate(by, 'raiseAlert', {
      operationId: this.id,
      idempotencyKey: randomBytes(8).toString('hex'),
      category: 'INTELLIGENCE',
      severity: 'HIGH',
      title,
      marking: 'AMBER',
      distribution: 'ALL_PARTICIPANTS',
      ...overrides,
    });
    if (result?.__typename !== 'Alert') throw new Error(`raising "${title}" failed: ${JSON.stringify(result)}`);
    return result.id;
  }

  acknowledge(alertId: string, by: Actor) {
    return this.mutate(by, 'acknowledgeAlert', { alertId });
  }

  recordFinalReport(report: string, by: Actor = this.coordinator) {
    return this.mutate(by, 'recordFinalReport', { operationId: this.id, report });
  }

  advance(to: Phase, options: { overrideJustification?: string; by?: Actor } = {}) {
    return this.mutate(options.by ?? this.coordinator, 'advancePhase', {
      operationId: this.id,
      to,
      ...(options.overrideJustification === undefined ? {} : { overrideJustification: options.overrideJustification }),
    });
  }

  /** The keys of the criteria `phaseGate(to)` reports unmet. */
  async gate(to: Phase, viewer: Actor = this.coordinator): Promise<string[]> {
    const operation = await this.view(viewer, `phaseGate(to: ${to}) { key }`);
    return (operation!.phaseGate as { key: string }[]).map((criterion) => criterion.key);
  }

  /** `operation(id)` as `viewer` sees it, with `selection` (typed as `T` by a caller that knows it); null when it does not exist for them. */
  async view<T = Fields>(viewer: Actor, selection = 'id code phase'): Promise<T | null> {
    const response = await this.testApp.graphql<{ operation: T | null }>(
      `query($id: ID!) { operation(id: $id) { ${selection} } }`,
      { id: this.id },
      { token: viewer.token },
    );
    if (response.errors) throw new Error(`operation(id) failed: ${JSON.stringify(response.errors)}`);
    return response.data!.operation;
  }

  /**
   * Everything a change could touch, as the coordinator sees it: compare before and after a
   * refused attempt to prove it changed nothing (the timeline included).
   */
  async state(viewer: Actor = this.coordinator): Promise<Fields | null> {
    const operation = await this.view(
      viewer,
      `phase name objectives region referenceTimeZone finalReport finalReportRecordedAt acknowledgementDeadlines { severity minutes }
       targetCommodities { code }
       plannedPhases { phase plannedStartsAt plannedEndsAt startedAt endedAt }
       participations { agency { id } role status respondedAt readinessAcknowledgedAt contactPoints { id } }
       members { user { id } role }
       timeline(first: 500) { edges { cursor } }`,
    );
    operation?.plannedPhases.sort((a: { phase: string }, b: { phase: string }) => a.phase.localeCompare(b.phase));
    return operation;
  }

  /** Moves the test clock to `at`, if it is not there yet. */
  reachTime(at: string | Date): void {
    const ahead = new Date(at).getTime() - this.testApp.clock.now().getTime();
    if (ahead > 0) this.testApp.clock.advance({ seconds: ahead / 1000 });
  }

  /** The planned start and end of one phase. */
  async planned(phase: Phase): Promise<{ startsAt: string; endsAt: string }> {
    const operation = await this.view(this.coordinator, 'plannedPhases { phase plannedStartsAt plannedEndsAt }');
    const row = operation!.plannedPhases.find((planned: { phase: Phase }) => planned.phase === phase);
    return { startsAt: row.plannedStartsAt, endsAt: row.plannedEndsAt };
  }

  /** The day its operational phase began, in its reference time zone: a day checks may be recorded for. */
  async operationalDay(): Promise<string> {
    const operation = await this.view(this.coordinator, 'referenceTimeZone plannedPhases { phase startedAt }');
    const operational = operation!.plannedPhases.find((planned: { phase: Phase }) => planned.phase === 'OPERATIONAL');
    return calendarDateIn(operation!.referenceTimeZone, new Date(operational.startedAt));
  }

  /**
   * Moves the operation forward to `target` the honest way, meeting each gate: a readiness test
   * acknowledged by every participant, the clock at the planned dates, a final report. Throws if a gate refuses.
   */
  async advanceTo(target: Phase): Promise<void> {
    const order: Phase[] = ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL', 'CLOSED'];
    let phase = (await this.view(this.coordinator))!.phase as Phase;
    while (order.indexOf(phase) < order.indexOf(target)) {
      const next = order[order.indexOf(phase) + 1]!;
      if (next === 'OPERATIONAL') {
        const test = await this.readinessTest();
        for (const participant of this.participants) await this.acknowledge(test, participant);
        this.reachTime((await this.planned('OPERATIONAL')).startsAt);
      }
      if (next === 'POST_OPERATIONAL') this.reachTime((await this.planned('OPERATIONAL')).endsAt);
      if (next === 'CLOSED') await this.recordFinalReport('Results compiled per country and commodity; lessons learnt attached.');
      const { result } = await this.advance(next);
      if (result?.__typename !== 'Operation') throw new Error(`advancing to ${next} failed: ${JSON.stringify(result)}`);
      phase = next;
    }
  }
}

/**
 * A mutation's answer as the administration stories read it: the member of its result union (the
 * first root field's value), and the code of a top-level refusal, asked as `by` or anonymously.
 */
export async function mutationAnswer(app: TestApp, query: string, input: Record<string, unknown>, by: Actor | null) {
  const response = await app.graphql(query, { input }, by ? { token: by.token } : {});
  return { result: (Object.values(response.data ?? {})[0] as Fields | null) ?? null, refusal: errorCode(response) };
}
