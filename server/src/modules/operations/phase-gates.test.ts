import { GATE_CRITERIA } from '@jointops/shared/operations';
import { describe, expect, it } from 'vitest';
import { unmetCriteria, type GateFacts } from './phase-gates';

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
    expect(unmetCriteria(to as keyof typeof GATE_CRITERIA, nothingMet).map((criterion) => criterion.key)).toEqual(keys);
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
