import { OPEN_PHASES, type Phase } from '@jointops/shared/domain';
import type { StoredCriterionKey } from '@jointops/shared/operations';

// The gates between phases, as named criteria. Pure: the service gathers the facts, this says
// which criteria they leave unmet, so `phaseGate(to)` and `advancePhase` can never disagree.

export interface GateCriterion {
  /** As events and audit rows store it; GraphQL names it by GateCriterionKey. */
  key: StoredCriterionKey;
  description: string;
  /** The agencies the criterion still waits for, by name, so a client can word it in its language. */
  agencies?: string[];
  /** The phases still without planned dates. */
  phases?: Phase[];
  /** How many things are left (seizure reports to settle). */
  count?: number;
}

export interface AcceptedAgencyFacts {
  agencyId: string;
  name: string;
  role: 'COORDINATING' | 'PARTICIPATING' | 'OBSERVING';
  countryCode: string | null;
  contactPoints: number;
  /** A TEST alert acknowledged since the agency accepted. */
  readinessAcknowledged: boolean;
}

export interface GateFacts {
  now: Date;
  acceptedAgencies: AcceptedAgencyFacts[];
  targetCommodities: number;
  plannedPhases: Partial<Record<Phase, { startsAt: Date; endsAt: Date }>>;
  /** Seizure reports still DRAFT or SUBMITTED. */
  unsettledSeizures: number;
  finalReportRecorded: boolean;
  justification: string | null;
}

export const FORWARD: Partial<Record<Phase, Phase>> = {
  PLANNING: 'PRE_OPERATIONAL',
  PRE_OPERATIONAL: 'OPERATIONAL',
  OPERATIONAL: 'POST_OPERATIONAL',
  POST_OPERATIONAL: 'CLOSED',
};

/** Whether `to` is the one step forward from `from` (or a cancellation of an open operation). */
export function isAllowedTransition(from: Phase, to: Phase): boolean {
  return FORWARD[from] === to || (to === 'CANCELLED' && OPEN_PHASES.includes(from));
}

const PLANNED_FOR_PRE_OPERATIONAL: Phase[] = ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'];

export function unmetCriteria(to: Phase, facts: GateFacts): GateCriterion[] {
  const unmet: GateCriterion[] = [];
  const fail = (key: StoredCriterionKey, description: string, details: Omit<GateCriterion, 'key' | 'description'> = {}) =>
    unmet.push({ key, description, ...details });
  switch (to) {
    case 'PRE_OPERATIONAL': {
      const countries = new Set(facts.acceptedAgencies.map((agency) => agency.countryCode).filter(Boolean));
      if (facts.acceptedAgencies.length < 2 || countries.size < 2) {
        fail('participants.twoCountries', 'At least two agencies from at least two countries have accepted');
      }
      // Participating agencies act through contact points; coordinating agencies through their
      // coordinators, and observers only read.
      const withoutContactPoint = facts.acceptedAgencies.filter((agency) => agency.role === 'PARTICIPATING' && agency.contactPoints === 0);
      if (withoutContactPoint.length) {
        fail(
          'participants.contactPoints',
          `Every accepted agency has a contact point (missing: ${withoutContactPoint.map((agency) => agency.name).join(', ')})`,
          { agencies: withoutContactPoint.map((agency) => agency.name) },
        );
      }
      if (facts.targetCommodities === 0) fail('plan.targetCommodities', 'Target commodities are chosen');
      const unplanned = PLANNED_FOR_PRE_OPERATIONAL.filter((phase) => !facts.plannedPhases[phase]);
      if (unplanned.length)
        fail('plan.phaseDates', `All phase dates are planned (missing: ${unplanned.join(', ')})`, { phases: unplanned });
      break;
    }
    case 'OPERATIONAL': {
      // The readiness test is a TEST alert; every agency that takes part acknowledges one.
      const notReady = facts.acceptedAgencies.filter((agency) => agency.role === 'PARTICIPATING' && !agency.readinessAcknowledged);
      if (notReady.length) {
        fail(
          'readiness.acknowledged',
          `Every participating agency has acknowledged the readiness test (waiting for: ${notReady.map((agency) => agency.name).join(', ')})`,
          { agencies: notReady.map((agency) => agency.name) },
        );
      }
      const start = facts.plannedPhases.OPERATIONAL?.startsAt;
      if (!start || facts.now < start) fail('schedule.operationalStart', 'The planned start of the operational phase has been reached');
      break;
    }
    case 'POST_OPERATIONAL': {
      const end = facts.plannedPhases.OPERATIONAL?.endsAt;
      // Ending early is a normal decision (objectives met, a security incident), taken in writing.
      if ((!end || facts.now < end) && !facts.justification) {
        fail('schedule.operationalEnd', 'The planned end of the operational phase has been reached, or a justification is given');
      }
      break;
    }
    case 'CLOSED': {
      if (facts.unsettledSeizures > 0) {
        fail('seizures.settled', `No seizure report is left in draft or awaiting verification (${facts.unsettledSeizures} left)`, {
          count: facts.unsettledSeizures,
        });
      }
      if (!facts.finalReportRecorded) fail('report.recorded', 'The final report is recorded');
      break;
    }
    default:
      break;
  }
  return unmet;
}
