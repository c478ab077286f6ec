import type { Phase } from '@jointops/shared/domain';
import { criterionKeyOf, type GateCriterionKey } from '@jointops/shared/gate-criteria';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { phaseWords } from '../../i18n/codes';

// The criteria of the phase gates in words. The server names each criterion by its key (the enum
// GateCriterionKey; GATE_CRITERIA in shared/ lists them gate by gate) and gives what it still waits
// for as details, so each reader gets the sentence in their language rather than the server's
// English description. A table over every key: a criterion added without words does not compile.

const statements: Record<GateCriterionKey, MessageDescriptor> = defineMessages({
  PARTICIPANTS_TWO_COUNTRIES: {
    id: 'overview.gate.participants.twoCountries',
    defaultMessage: 'At least two agencies from two countries have accepted',
  },
  PARTICIPANTS_CONTACT_POINTS: {
    id: 'overview.gate.participants.contactPoints',
    defaultMessage: 'Every participating agency that accepted has a contact point',
  },
  PLAN_TARGET_COMMODITIES: { id: 'overview.gate.plan.targetCommodities', defaultMessage: 'The target commodities are chosen' },
  PLAN_PHASE_DATES: { id: 'overview.gate.plan.phaseDates', defaultMessage: 'Every phase has planned dates' },
  READINESS_ACKNOWLEDGED: {
    id: 'overview.gate.readiness.acknowledged',
    defaultMessage: 'Every participating agency has acknowledged the readiness test',
  },
  SCHEDULE_OPERATIONAL_START: {
    id: 'overview.gate.schedule.operationalStart',
    defaultMessage: 'The planned start of the operational phase has been reached',
  },
  SCHEDULE_OPERATIONAL_END: {
    id: 'overview.gate.schedule.operationalEnd',
    defaultMessage: 'The planned end of the operational phase has been reached, or a justification is given',
  },
  SEIZURES_SETTLED: {
    id: 'overview.gate.seizures.settled',
    defaultMessage: 'No seizure report is left in draft or awaiting verification',
  },
  REPORT_RECORDED: { id: 'overview.gate.report.recorded', defaultMessage: 'The final report is recorded' },
  // What the server answers when the page asks about a phase the operation has already left.
  TRANSITION: { id: 'overview.gate.transition', defaultMessage: 'The operation is in the phase just before this one' },
});

const details = defineMessages({
  withoutContactPoint: { id: 'overview.gate.detail.withoutContactPoint', defaultMessage: 'Without a contact point: {agencies}' },
  notAcknowledged: { id: 'overview.gate.detail.notAcknowledged', defaultMessage: 'Not acknowledged yet: {agencies}' },
  undatedPhases: { id: 'overview.gate.detail.undatedPhases', defaultMessage: 'No planned dates yet: {phases}' },
  unsettledSeizures: {
    id: 'overview.gate.detail.unsettledSeizures',
    defaultMessage: '{count, plural, one {# seizure report is} other {# seizure reports are}} still in draft or awaiting verification',
  },
  unknown: { id: 'overview.gate.unknown', defaultMessage: 'A condition the server names “{key}” is not met' },
});

/** An unmet criterion as phaseGate, PhaseGateError and the timeline give it (details optional). */
export interface CriterionDetails {
  key: GateCriterionKey;
  agencies?: readonly string[] | null;
  phases?: readonly Phase[] | null;
  count?: number | null;
}

/** What the criterion requires, as a sentence that is true once it is met. */
export function criterionStatement(intl: IntlShape, key: GateCriterionKey): string {
  return intl.formatMessage(statements[key]);
}

/**
 * What a criterion recorded in an audit row requires: the row keeps the key as the server stored it
 * (`participants.twoCountries`), from before the enum; one no criterion has is named as it is.
 */
export function storedCriterionStatement(intl: IntlShape, stored: string): string {
  const key = criterionKeyOf(stored);
  return key ? criterionStatement(intl, key) : intl.formatMessage(details.unknown, { key: stored });
}

/** What the criterion still waits for (agencies, phases, reports), or null when it says no more. */
export function criterionDetail(intl: IntlShape, criterion: CriterionDetails): string | null {
  const agencies = criterion.agencies ?? [];
  const phases = criterion.phases ?? [];
  const list = (items: readonly string[]) => intl.formatList(items, { type: 'conjunction' });
  const say = (message: MessageDescriptor, values: Record<string, string | number>) => intl.formatMessage(message, values);
  switch (criterion.key) {
    case 'PARTICIPANTS_CONTACT_POINTS':
      return agencies.length ? say(details.withoutContactPoint, { agencies: list(agencies) }) : null;
    case 'READINESS_ACKNOWLEDGED':
      return agencies.length ? say(details.notAcknowledged, { agencies: list(agencies) }) : null;
    case 'PLAN_PHASE_DATES':
      return phases.length
        ? say(details.undatedPhases, { phases: list(phases.map((phase) => intl.formatMessage(phaseWords[phase]))) })
        : null;
    case 'SEIZURES_SETTLED':
      return criterion.count ? say(details.unsettledSeizures, { count: criterion.count }) : null;
    default:
      return null;
  }
}
