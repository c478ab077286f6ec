import { OPEN_PHASES, PHASES, type Phase } from '@jointops/shared/domain';
import { GATE_CRITERIA, GATE_CRITERION_KEYS } from '@jointops/shared/operations';
import { describe, expect, it } from 'vitest';
import { type AcceptedAgencyFacts, type GateFacts, isAllowedTransition, unmetCriteria } from './phase-gates';

// The web app's checklist lists every criterion of a gate from GATE_CRITERIA and asks the server
// which are unmet: the two lists must name the same criteria, in the same order.

const nothingMet: GateFacts = {
  now: new Date('2026-01-01T00:00:00Z'),
  acceptedAgencies: [
    {
      agencyId: 'a',
      name: 'Royal Malaysian Customs Department',
      role: 'PARTICIPATING',
      countryCode: 'MY',
      contactPoints: 0,
      readinessAcknowledged: false,
    },
  ],
  targetCommodities: 0,
  plannedPhases: {},
  unsettledSeizures: 3,
  finalReportRecorded: false,
  justification: null,
};

describe('the gates and the shared list of their criteria', () => {
  it.each(Object.entries(GATE_CRITERIA))('names the same criteria into %s', (to, keys) => {
    expect(unmetCriteria(to as keyof typeof GATE_CRITERIA, nothingMet).map((criterion) => criterion.key)).toEqual(
      keys.map((key) => GATE_CRITERION_KEYS[key]),
    );
  });

  it('gives the details a client needs to word each criterion', () => {
    const byKey = (to: 'PRE_OPERATIONAL' | 'OPERATIONAL' | 'CLOSED') =>
      Object.fromEntries(unmetCriteria(to, nothingMet).map(({ key, description: _description, ...details }) => [key, details]));
    expect(byKey('PRE_OPERATIONAL')).toEqual({
      'participants.twoCountries': {},
      'participants.contactPoints': { agencies: ['Royal Malaysian Customs Department'] },
      'plan.targetCommodities': {},
      'plan.phaseDates': { phases: ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'] },
    });
    expect(byKey('OPERATIONAL')['readiness.acknowledged']).toEqual({ agencies: ['Royal Malaysian Customs Department'] });
    expect(byKey('CLOSED')['seizures.settled']).toEqual({ count: 3 });
  });
});

// Each gate from an operation that meets everything, with one fact changed per row: the row names
// the criterion that change leaves unmet (none, where the change is one the gate allows).

const HOUR = 3_600_000;
const start = new Date('2026-05-01T00:00:00Z');
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
const agency = (fields: Partial<AcceptedAgencyFacts>): AcceptedAgencyFacts => ({
  agencyId: 'my',
  name: 'Royal Malaysian Customs Department',
  role: 'PARTICIPATING',
  countryCode: 'MY',
  contactPoints: 1,
  readinessAcknowledged: true,
  ...fields,
});
const wco = agency({
  agencyId: 'wco',
  name: 'World Customs Organization',
  role: 'COORDINATING',
  countryCode: null,
  contactPoints: 0,
  readinessAcknowledged: false,
});
const malaysia = agency({});
const thailand = agency({ agencyId: 'th', name: 'Thai Customs Department', countryCode: 'TH' });
const everythingMet: GateFacts = {
  now: at(3),
  acceptedAgencies: [wco, malaysia, thailand],
  targetCommodities: 2,
  plannedPhases: {
    PLANNING: { startsAt: at(0), endsAt: at(1) },
    PRE_OPERATIONAL: { startsAt: at(1), endsAt: at(2) },
    OPERATIONAL: { startsAt: at(2), endsAt: at(3) },
    POST_OPERATIONAL: { startsAt: at(3), endsAt: at(5) },
  },
  unsettledSeizures: 0,
  finalReportRecorded: true,
  justification: null,
};

describe('each gate, one fact at a time', () => {
  it.for([
    { to: 'PRE_OPERATIONAL', change: 'nothing', facts: {}, unmet: [] },
    {
      to: 'PRE_OPERATIONAL',
      change: 'only Malaysia accepted besides the WCO',
      facts: { acceptedAgencies: [wco, malaysia] },
      unmet: ['participants.twoCountries'],
    },
    {
      to: 'PRE_OPERATIONAL',
      change: 'two agencies, both Malaysian',
      facts: { acceptedAgencies: [wco, malaysia, agency({ agencyId: 'pdrm', name: 'Royal Malaysia Police' })] },
      unmet: ['participants.twoCountries'],
    },
    {
      to: 'PRE_OPERATIONAL',
      change: 'Thailand without a contact point',
      facts: { acceptedAgencies: [wco, malaysia, { ...thailand, contactPoints: 0 }] },
      unmet: ['participants.contactPoints'],
    },
    {
      to: 'PRE_OPERATIONAL',
      change: 'an observer without a contact point',
      facts: { acceptedAgencies: [wco, malaysia, { ...thailand, role: 'OBSERVING', contactPoints: 0 }] },
      unmet: [],
    },
    { to: 'PRE_OPERATIONAL', change: 'no target commodity', facts: { targetCommodities: 0 }, unmet: ['plan.targetCommodities'] },
    {
      to: 'PRE_OPERATIONAL',
      change: 'no dates for the debriefing',
      facts: { plannedPhases: { ...everythingMet.plannedPhases, POST_OPERATIONAL: undefined } },
      unmet: ['plan.phaseDates'],
    },
    { to: 'OPERATIONAL', change: 'nothing', facts: {}, unmet: [] },
    {
      to: 'OPERATIONAL',
      change: 'Thailand not acknowledging the readiness test',
      facts: { acceptedAgencies: [wco, malaysia, { ...thailand, readinessAcknowledged: false }] },
      unmet: ['readiness.acknowledged'],
    },
    {
      to: 'OPERATIONAL',
      change: 'an observer not acknowledging it',
      facts: { acceptedAgencies: [wco, malaysia, { ...thailand, role: 'OBSERVING', readinessAcknowledged: false }] },
      unmet: [],
    },
    {
      to: 'OPERATIONAL',
      change: 'a minute before the planned start',
      facts: { now: new Date(at(2).getTime() - 60_000) },
      unmet: ['schedule.operationalStart'],
    },
    { to: 'OPERATIONAL', change: 'the planned start exactly', facts: { now: at(2) }, unmet: [] },
    { to: 'OPERATIONAL', change: 'no planned start', facts: { plannedPhases: {} }, unmet: ['schedule.operationalStart'] },
    { to: 'POST_OPERATIONAL', change: 'nothing', facts: {}, unmet: [] },
    { to: 'POST_OPERATIONAL', change: 'before the planned end', facts: { now: at(2.5) }, unmet: ['schedule.operationalEnd'] },
    {
      to: 'POST_OPERATIONAL',
      change: 'before the planned end, justified',
      facts: { now: at(2.5), justification: 'Objectives met early.' },
      unmet: [],
    },
    { to: 'POST_OPERATIONAL', change: 'no planned end', facts: { plannedPhases: {} }, unmet: ['schedule.operationalEnd'] },
    { to: 'CLOSED', change: 'nothing', facts: {}, unmet: [] },
    { to: 'CLOSED', change: 'one report awaiting verification', facts: { unsettledSeizures: 1 }, unmet: ['seizures.settled'] },
    { to: 'CLOSED', change: 'no final report', facts: { finalReportRecorded: false }, unmet: ['report.recorded'] },
    { to: 'CANCELLED', change: 'nothing met at all', facts: nothingMet, unmet: [] },
  ] satisfies { to: Phase; change: string; facts: Partial<GateFacts>; unmet: string[] }[])(
    'into $to with $change: $unmet',
    ({ to, facts, unmet }) => {
      expect(unmetCriteria(to, { ...everythingMet, ...facts }).map((criterion) => criterion.key)).toEqual(unmet);
    },
  );
});

describe('the moves between phases', () => {
  const allowed = [
    'PLANNING → PRE_OPERATIONAL',
    'PRE_OPERATIONAL → OPERATIONAL',
    'OPERATIONAL → POST_OPERATIONAL',
    'POST_OPERATIONAL → CLOSED',
    ...OPEN_PHASES.map((from) => `${from} → CANCELLED`),
  ];
  const moves = PHASES.flatMap((from) => PHASES.map((to) => ({ move: `${from} → ${to}`, from, to })));
  it.for(moves.map((move) => ({ ...move, allowed: allowed.includes(move.move) })))('$move: $allowed', ({ from, to, allowed: expected }) => {
    expect(isAllowedTransition(from, to)).toBe(expected);
  });
});
