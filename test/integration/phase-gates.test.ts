import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { auditEntries } from '@jointops/server/db/schema/audit';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import type { Phase } from '@jointops/shared/domain';
import { plannedPhases, type Actor, type OperationDriver, type Outcome } from '../testkit/operations';
import type { Shaped } from '../testkit/graphql';

// An operation moves PLANNING → PRE_OPERATIONAL → OPERATIONAL → POST_OPERATIONAL → CLOSED one
// step at a time, and only through its gates. Each criterion is shown holding the operation back
// and then, once met, letting it go. A coordinator may push through in writing; a CLOSED
// operation is a record nobody can change.

const file = fileHandles(it);

const keys = (criteria: { key: string }[]) => criteria.map((criterion) => criterion.key);

/** `to` is refused for exactly `unmet`, by `phaseGate` and `advancePhase` alike, and nothing changed. */
async function expectBlocked(operation: OperationDriver, to: Phase, unmet: string[]): Promise<Outcome> {
  const before = await operation.state();
  expect(await operation.gate(to)).toEqual(unmet);
  const refused = await operation.advance(to);
  expect(refused.result).toMatchObject({ __typename: 'PhaseGateError', code: 'PHASE_GATE' });
  expect(keys(refused.result!.unmetCriteria)).toEqual(unmet);
  expect(await operation.state()).toEqual(before);
  return refused;
}

async function expectAdvances(operation: OperationDriver, to: Phase): Promise<void> {
  expect(await operation.gate(to)).toEqual([]);
  const { result } = await operation.advance(to);
  expect(result).toEqual({ __typename: 'Operation', id: operation.id, code: operation.code, name: expect.any(String), phase: to });
}

const countryAgency = (countryCode: string, name: string) =>
  file.kit.seed.agency({ name: `${name} ${Math.random().toString(36).slice(2, 8)}`, countryCode });
const wcoPlanner = async () => file.kit.actor(await file.kit.seed.agency({ kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null }));

async function lastPhaseEvent(operation: OperationDriver) {
  const timeline = await operation.view(
    operation.coordinator,
    `timeline(first: 500) { edges { node { __typename type actor { id }
       ... on PhaseAdvancedEvent { from to overridden justification overriddenCriteria { key } } } } }`,
  );
  return timeline!.timeline.edges
    .map((edge: { node: Shaped }) => edge.node)
    .filter((event: { type: string }) => event.type === 'PHASE_ADVANCED')
    .at(-1);
}

describe('from PLANNING to PRE_OPERATIONAL', () => {
  it('PARTICIPANTS_TWO_COUNTRIES: waits for two accepted agencies from two countries', async () => {
    const operation = await file.kit.operation(await wcoPlanner());
    await expectBlocked(operation, 'PRE_OPERATIONAL', ['PARTICIPANTS_TWO_COUNTRIES']);

    await operation.join(await file.kit.actor(await countryAgency('MY', 'Royal Malaysian Customs')));
    await expectBlocked(operation, 'PRE_OPERATIONAL', ['PARTICIPANTS_TWO_COUNTRIES']);
    await operation.join(await file.kit.actor(await countryAgency('MY', 'Royal Malaysia Police')));
    await expectBlocked(operation, 'PRE_OPERATIONAL', ['PARTICIPANTS_TWO_COUNTRIES']);

    const thai = await file.kit.actor(await countryAgency('TH', 'Thai Customs'));
    await operation.invite(thai.agency);
    await expectBlocked(operation, 'PRE_OPERATIONAL', ['PARTICIPANTS_TWO_COUNTRIES']);
    await operation.respond(thai, true);
    await expectAdvances(operation, 'PRE_OPERATIONAL');
  });

  it('PARTICIPANTS_CONTACT_POINTS: waits until every participating agency has a contact point, and names those without', async ({
    cast: { operation, thailand },
  }) => {
    await operation.assign(thailand, 'OBSERVER');
    const refused = await expectBlocked(operation, 'PRE_OPERATIONAL', ['PARTICIPANTS_CONTACT_POINTS']);
    expect(refused.result!.unmetCriteria[0].description).toContain(thailand.agency.name);

    await operation.assign(await file.kit.actor(thailand.agency), 'CONTACT_POINT');
    await expectAdvances(operation, 'PRE_OPERATIONAL');
  });

  it('PLAN_TARGET_COMMODITIES: waits until target commodities are chosen', async () => {
    const { operation, planner } = await file.kit.jointOperation({ targetCommodityIds: [] });
    await expectBlocked(operation, 'PRE_OPERATIONAL', ['PLAN_TARGET_COMMODITIES']);

    const [ammoniumNitrate] = await file.kit.catalogue(planner);
    expect((await operation.update({ targetCommodityIds: [ammoniumNitrate!.id] })).result?.__typename).toBe('Operation');
    await expectAdvances(operation, 'PRE_OPERATIONAL');
  });

  it('PLAN_PHASE_DATES: waits until every open phase has planned dates, and names the missing ones', async () => {
    const plan = plannedPhases(file.app.clock.now());
    const { operation } = await file.kit.jointOperation({
      plannedPhases: plan.filter((planned) => ['PLANNING', 'PRE_OPERATIONAL'].includes(planned.phase)),
    });
    const refused = await expectBlocked(operation, 'PRE_OPERATIONAL', ['PLAN_PHASE_DATES']);
    expect(refused.result!.unmetCriteria[0].description).toMatch(/OPERATIONAL, POST_OPERATIONAL/);

    expect((await operation.update({ plannedPhases: plan })).result?.__typename).toBe('Operation');
    await expectAdvances(operation, 'PRE_OPERATIONAL');
  });
});

describe('from PRE_OPERATIONAL to OPERATIONAL', () => {
  it('READINESS_ACKNOWLEDGED: waits for every participating agency to acknowledge a TEST alert, naming those not ready', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    await operation.advanceTo('PRE_OPERATIONAL');
    operation.reachTime((await operation.planned('OPERATIONAL')).startsAt);
    await expectBlocked(operation, 'OPERATIONAL', ['READINESS_ACKNOWLEDGED']);

    const test = await operation.readinessTest();
    await expectBlocked(operation, 'OPERATIONAL', ['READINESS_ACKNOWLEDGED']);
    expect((await operation.acknowledge(test, malaysia)).result?.__typename).toBe('Alert');
    const refused = await expectBlocked(operation, 'OPERATIONAL', ['READINESS_ACKNOWLEDGED']);
    expect(refused.result!.unmetCriteria[0].description).toContain(thailand.agency.name);
    expect(refused.result!.unmetCriteria[0].description).not.toContain(malaysia.agency.name);
    const participations = (await operation.view(operation.coordinator, 'participations { agency { id } readinessAcknowledgedAt }'))!
      .participations;
    expect(participations).toEqual(
      expect.arrayContaining([
        { agency: { id: malaysia.agency.globalId }, readinessAcknowledgedAt: file.app.clock.now().toISOString() },
        { agency: { id: thailand.agency.globalId }, readinessAcknowledgedAt: null },
      ]),
    );

    await operation.acknowledge(test, thailand);
    await expectAdvances(operation, 'OPERATIONAL');
  });

  it('READINESS_ACKNOWLEDGED: the agency that sent a test is not thereby ready; it acknowledges one from another', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    await operation.advanceTo('PRE_OPERATIONAL');
    operation.reachTime((await operation.planned('OPERATIONAL')).startsAt);
    await operation.acknowledge(await operation.readinessTest(malaysia), thailand);
    const refused = await expectBlocked(operation, 'OPERATIONAL', ['READINESS_ACKNOWLEDGED']);
    expect(refused.result!.unmetCriteria[0].description).toContain(malaysia.agency.name);

    await operation.acknowledge(await operation.readinessTest(thailand), malaysia);
    await expectAdvances(operation, 'OPERATIONAL');
  });

  it('READINESS_ACKNOWLEDGED: an agency that withdrew and is invited again must pass a new test', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    await operation.advanceTo('PRE_OPERATIONAL');
    operation.reachTime((await operation.planned('OPERATIONAL')).startsAt);
    const first = await operation.readinessTest();
    await operation.acknowledge(first, malaysia);
    await operation.acknowledge(first, thailand);
    file.app.clock.advance({ minutes: 5 });
    await operation.withdraw(thailand.agency, 'Contact point hub not staffed this week.');
    await operation.invite(thailand.agency);
    expect((await operation.respond(thailand, true)).result).toMatchObject({ status: 'ACCEPTED', readinessAcknowledgedAt: null });
    await expectBlocked(operation, 'OPERATIONAL', ['READINESS_ACKNOWLEDGED']);

    await operation.acknowledge(await operation.readinessTest(), thailand);
    await expectAdvances(operation, 'OPERATIONAL');
  });

  it('SCHEDULE_OPERATIONAL_START: waits for the planned start of the operational phase', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    await operation.advanceTo('PRE_OPERATIONAL');
    const test = await operation.readinessTest();
    for (const participant of [malaysia, thailand]) await operation.acknowledge(test, participant);
    const { startsAt } = await operation.planned('OPERATIONAL');
    operation.reachTime(new Date(new Date(startsAt).getTime() - 1000));
    await expectBlocked(operation, 'OPERATIONAL', ['SCHEDULE_OPERATIONAL_START']);

    file.app.clock.advance({ seconds: 1 });
    await expectAdvances(operation, 'OPERATIONAL');
  });
});

describe('from OPERATIONAL to POST_OPERATIONAL', () => {
  it('SCHEDULE_OPERATIONAL_END: waits for the planned end of the operational phase', async ({ cast: { operation } }) => {
    await operation.advanceTo('OPERATIONAL');
    const { endsAt } = await operation.planned('OPERATIONAL');
    operation.reachTime(new Date(new Date(endsAt).getTime() - 60_000));
    await expectBlocked(operation, 'POST_OPERATIONAL', ['SCHEDULE_OPERATIONAL_END']);

    operation.reachTime(endsAt);
    await expectAdvances(operation, 'POST_OPERATIONAL');
  });

  it('ends before the planned end when the coordinator gives a justification, which the timeline keeps', async ({
    cast: { operation, planner },
  }) => {
    await operation.advanceTo('OPERATIONAL');
    const justification = 'Objectives met early: all target shipments intercepted by day two.';
    const { result } = await operation.advance('POST_OPERATIONAL', { overrideJustification: justification });
    expect(result).toMatchObject({ __typename: 'Operation', phase: 'POST_OPERATIONAL' });

    const { endsAt } = await operation.planned('OPERATIONAL');
    const ended = await operation.view(planner, 'plannedPhases { phase endedAt }');
    const operational = ended!.plannedPhases.find((planned: { phase: string }) => planned.phase === 'OPERATIONAL');
    expect(new Date(operational.endedAt).getTime()).toBeLessThan(new Date(endsAt).getTime());
    expect(await lastPhaseEvent(operation)).toMatchObject({
      from: 'OPERATIONAL',
      to: 'POST_OPERATIONAL',
      justification,
      actor: { id: planner.globalId },
    });
  });
});

describe('from POST_OPERATIONAL to CLOSED', () => {
  it('REPORT_RECORDED: waits for the final report', async ({ cast: { operation } }) => {
    await operation.advanceTo('POST_OPERATIONAL');
    await expectBlocked(operation, 'CLOSED', ['REPORT_RECORDED']);

    expect((await operation.recordFinalReport('475 seizures across 12 administrations; see annex.')).result?.__typename).toBe('Operation');
    await expectAdvances(operation, 'CLOSED');
  });
});

describe('a refused transition', () => {
  it('lists every unmet criterion at once', async () => {
    const operation = await file.kit.operation(await wcoPlanner(), { targetCommodityIds: [], plannedPhases: [] });
    const malaysia = await operation.join(await file.kit.actor(await countryAgency('MY', 'Royal Malaysian Customs')));
    await operation.assign(malaysia, 'OBSERVER');
    await expectBlocked(operation, 'PRE_OPERATIONAL', [
      'PARTICIPANTS_TWO_COUNTRIES',
      'PARTICIPANTS_CONTACT_POINTS',
      'PLAN_TARGET_COMMODITIES',
      'PLAN_PHASE_DATES',
    ]);

    const joint = await file.kit.jointOperation();
    await joint.operation.advanceTo('PRE_OPERATIONAL');
    await expectBlocked(joint.operation, 'OPERATIONAL', ['READINESS_ACKNOWLEDGED', 'SCHEDULE_OPERATIONAL_START']);
  });

  it.each<[string, Phase, Phase]>([
    ['skipping a phase', 'PLANNING', 'OPERATIONAL'],
    ['skipping to the end', 'PLANNING', 'CLOSED'],
    ['going back', 'PRE_OPERATIONAL', 'PLANNING'],
    ['going back two phases', 'OPERATIONAL', 'PLANNING'],
  ])('refuses %s (%s to %s) as a ValidationError on `to`, even with a justification, and changes nothing', async (_story, from, to) => {
    const { operation } = await file.kit.jointOperation();
    await operation.advanceTo(from);
    const before = await operation.state();
    for (const overrideJustification of [undefined, 'The coordinators agreed to this at the planning meeting.']) {
      const { result } = await operation.advance(to, { overrideJustification });
      expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
      expect(result!.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['to']);
    }
    expect(await operation.gate(to)).toEqual(['TRANSITION']);
    expect(await operation.state()).toEqual(before);
  });
});

describe('overriding a gate', () => {
  it('moves the phase when a coordinator justifies it, and the timeline and the audit trail keep the justification', async () => {
    const planner = await wcoPlanner();
    const operation = await file.kit.operation(planner);
    await operation.join(await file.kit.actor(await countryAgency('MY', 'Royal Malaysian Customs')));
    const justification = 'Thai Customs accepted by letter of 28 May; their account is being set up.';

    const { result } = await operation.advance('PRE_OPERATIONAL', { overrideJustification: justification });
    expect(result).toMatchObject({ __typename: 'Operation', phase: 'PRE_OPERATIONAL' });

    expect(await lastPhaseEvent(operation)).toEqual({
      __typename: 'PhaseAdvancedEvent',
      type: 'PHASE_ADVANCED',
      actor: { id: planner.globalId },
      from: 'PLANNING',
      to: 'PRE_OPERATIONAL',
      overridden: true,
      justification,
      overriddenCriteria: [{ key: 'PARTICIPANTS_TWO_COUNTRIES' }],
    });
    const trail = await operation.view(planner, 'auditTrail(first: 1) { edges { node { action outcome reason actor { id } } } }');
    expect(trail!.auditTrail.edges[0].node).toEqual({
      action: 'advancePhase',
      outcome: 'SUCCEEDED',
      reason: null,
      actor: { id: planner.globalId },
    });
    const [audited] = await file.app.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.operationId, uuidFromGlobalId(operation.id, 'Operation')!), eq(auditEntries.action, 'advancePhase')))
      .orderBy(desc(auditEntries.id))
      .limit(1);
    expect(audited?.details).toMatchObject({
      overridden: true,
      justification,
      // The audit row keeps the key as stored, from before GateCriterionKey; the schema names it by the enum.
      overriddenCriteria: [expect.objectContaining({ key: 'participants.twoCountries' })],
    });
  });

  it('needs a justification of at least 20 characters, not counting surrounding spaces (ValidationError on overrideJustification)', async () => {
    const operation = await file.kit.operation(await wcoPlanner());
    const before = await operation.state();
    for (const tooShort of ['Agreed by telephone', `   ${'x'.repeat(19)}          `]) {
      const { result } = await operation.advance('PRE_OPERATIONAL', { overrideJustification: tooShort });
      expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
      expect(result!.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['overrideJustification']);
    }
    expect(await operation.state()).toEqual(before);

    const { result } = await operation.advance('PRE_OPERATIONAL', { overrideJustification: 'Agreed by telephone.' });
    expect(result).toMatchObject({ __typename: 'Operation', phase: 'PRE_OPERATIONAL' });
  });

  it('is for coordinators only: a contact point is refused with FORBIDDEN', async () => {
    const { operation, malaysia } = await file.kit.jointOperation({ targetCommodityIds: [] });
    const before = await operation.state();
    const { refusal } = await operation.advance('PRE_OPERATIONAL', {
      by: malaysia,
      overrideJustification: 'We are ready, whatever the plan says.',
    });
    expect(refusal).toBe('FORBIDDEN');
    expect(await operation.state()).toEqual(before);
  });
});

describe('cancelling', () => {
  it.each<Phase>(['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'])(
    'cancels an operation in %s, only with a reason',
    async (phase) => {
      const { operation, planner } = await file.kit.jointOperation();
      await operation.advanceTo(phase);
      const before = await operation.state();
      const withoutReason = await operation.advance('CANCELLED');
      expect(withoutReason.result).toMatchObject({ __typename: 'ValidationError' });
      expect(withoutReason.result!.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['overrideJustification']);
      expect(await operation.state()).toEqual(before);

      const reason = 'Security incident at the main port: operation suspended by the OCU.';
      expect((await operation.advance('CANCELLED', { overrideJustification: reason })).result).toMatchObject({
        __typename: 'Operation',
        phase: 'CANCELLED',
      });
      expect(await lastPhaseEvent(operation)).toMatchObject({
        from: phase,
        to: 'CANCELLED',
        justification: reason,
        actor: { id: planner.globalId },
      });
    },
  );
});

describe('a CLOSED operation', () => {
  let operation: OperationDriver;
  let planner: Actor;
  let malaysia: Actor;
  let stillInvited: Actor;
  let malaysianColleague: Actor;
  let newcomer: Actor;

  beforeAll(async () => {
    ({ operation, planner, malaysia } = await file.kit.jointOperation());
    stillInvited = await file.kit.actor(await countryAgency('PH', 'Bureau of Customs'));
    await operation.invite(stillInvited.agency);
    malaysianColleague = await file.kit.actor(malaysia.agency);
    newcomer = await file.kit.actor(await countryAgency('LA', 'Lao Customs'));
    await operation.advanceTo('CLOSED');
  });

  const attempts: [string, () => Promise<Outcome>][] = [
    ['updateOperation', () => operation.update({ name: 'Renamed after the fact' })],
    ['inviteAgency', () => operation.invite(newcomer.agency)],
    ['respondToInvitation', () => operation.respond(stillInvited, true)],
    ['withdrawParticipation', () => operation.withdraw(malaysia.agency, 'Leaving after the results are out')],
    ['assignMember', () => operation.assign(malaysianColleague, 'OBSERVER')],
    ['advancePhase', () => operation.advance('CANCELLED', { overrideJustification: 'Cancelling to hide the results of this one.' })],
    ['recordFinalReport', () => operation.recordFinalReport('A rewritten final report.')],
  ];

  it.each(attempts)('refuses %s with a PhaseRuleError, changes nothing, and audits the refusal', async (action, attempt) => {
    const before = await operation.state();
    const { result, refusal } = await attempt();
    expect(refusal).toBeUndefined();
    expect(result).toMatchObject({ __typename: 'PhaseRuleError', code: 'PHASE_RULE', phase: 'CLOSED' });
    expect(await operation.state()).toEqual(before);
    const trail = await operation.view(planner, 'auditTrail(first: 1) { edges { node { action outcome reason } } }');
    expect(trail!.auditTrail.edges[0].node).toEqual({ action, outcome: 'REFUSED', reason: expect.stringMatching(/^PHASE_RULE: /) });
  });
});

describe('recordFinalReport', () => {
  it('is accepted only in POST_OPERATIONAL', async ({ cast: { operation } }) => {
    await operation.advanceTo('OPERATIONAL');
    const before = await operation.state();
    expect((await operation.recordFinalReport('Too early to tell.')).result).toMatchObject({
      __typename: 'PhaseRuleError',
      code: 'PHASE_RULE',
      phase: 'OPERATIONAL',
    });
    expect(await operation.state()).toEqual(before);
  });

  it('is recorded by coordinators and reviewers, not by contact points or observers', async ({
    cast: { operation, planner, malaysia, thailand },
    reviewer: analyst,
  }) => {
    const thaiObserver = await file.kit.actor(thailand.agency);
    await operation.assign(thaiObserver, 'OBSERVER');
    await operation.advanceTo('POST_OPERATIONAL');

    const before = await operation.state();
    for (const outsider of [malaysia, thaiObserver]) {
      expect((await operation.recordFinalReport('Our own version of the results.', outsider)).refusal).toBe('FORBIDDEN');
    }
    expect(await operation.state()).toEqual(before);

    const byReviewer = await operation.recordFinalReport('Draft results: 12 seizures, 3.2 t of precursors.', analyst);
    expect(byReviewer.result).toMatchObject({ __typename: 'Operation', finalReport: 'Draft results: 12 seizures, 3.2 t of precursors.' });
    const byCoordinator = await operation.recordFinalReport('Final results: 12 seizures, 3.2 t of precursors.');
    expect(byCoordinator.result).toMatchObject({
      __typename: 'Operation',
      finalReport: 'Final results: 12 seizures, 3.2 t of precursors.',
    });

    const timeline = await operation.view(planner, 'timeline(first: 500) { edges { node { type actor { id } } } }');
    expect(
      timeline!.timeline.edges
        .map((edge: { node: Shaped }) => edge.node)
        .filter((event: { type: string }) => event.type === 'FINAL_REPORT_RECORDED'),
    ).toEqual([
      { type: 'FINAL_REPORT_RECORDED', actor: { id: analyst.globalId } },
      { type: 'FINAL_REPORT_RECORDED', actor: { id: planner.globalId } },
    ]);
  });
});
