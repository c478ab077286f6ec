import type { IntlShape } from 'react-intl';
import { phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { commodityName } from '../../ui/commodity-name';
import { criterionStatement } from '../operations/gate-criteria';
import { actorName, type EventDescription } from './event-description';
import type { TimelineEvent } from './timeline-documents';

// The operation's own life: created, its plan changed, its phases, its own commodities, its final report.

const words = defineMessages({
  created: { id: 'timeline.event.operationCreated', defaultMessage: '{actor} created the operation' },
  updated: { id: 'timeline.event.operationUpdated', defaultMessage: '{actor} changed the plan: {parts}' },
  updatedNothing: { id: 'timeline.event.operationUpdatedNothing', defaultMessage: '{actor} saved the plan without changing it' },
  advanced: { id: 'timeline.event.phaseAdvanced', defaultMessage: '{actor} advanced the operation from {from} to {to}' },
  advancedOverriding: {
    id: 'timeline.event.phaseAdvancedOverriding',
    defaultMessage:
      '{actor} advanced the operation from {from} to {to}, overriding {count, plural, one {# unmet criterion} other {# unmet criteria}}',
  },
  cancelled: { id: 'timeline.event.operationCancelled', defaultMessage: '{actor} cancelled the operation during the {from} phase' },
  finalReport: { id: 'timeline.event.finalReportRecorded', defaultMessage: '{actor} recorded the final report' },
  commodityAdded: {
    id: 'timeline.event.operationCommodityAdded',
    defaultMessage: '{actor} added {name} ({code}) to the commodities of this operation',
  },
  resync: { id: 'timeline.event.resyncRequired', defaultMessage: 'The live link lost its place and reloaded the operation' },
  override: { id: 'timeline.tag.override', defaultMessage: 'Override' },
  notMet: { id: 'timeline.detail.criteriaNotMet', defaultMessage: 'Criteria not met' },
  justification: { id: 'timeline.detail.justification', defaultMessage: 'Justification' },
  reason: { id: 'timeline.detail.reason', defaultMessage: 'Reason' },
});

/** The parts of the plan an update names (`changed`), in words; a part added later shows its name. */
const partWords = defineMessages({
  name: { id: 'timeline.part.name', defaultMessage: 'name' },
  objectives: { id: 'timeline.part.objectives', defaultMessage: 'objectives' },
  region: { id: 'timeline.part.region', defaultMessage: 'region' },
  referenceTimeZone: { id: 'timeline.part.referenceTimeZone', defaultMessage: 'reference time zone' },
  targetCommodities: { id: 'timeline.part.targetCommodities', defaultMessage: 'target commodities' },
  plannedPhases: { id: 'timeline.part.plannedPhases', defaultMessage: 'planned phase dates' },
  acknowledgementDeadlines: { id: 'timeline.part.acknowledgementDeadlines', defaultMessage: 'alert acknowledgement deadlines' },
  coordinatorEscalationFactor: { id: 'timeline.part.coordinatorEscalationFactor', defaultMessage: 'escalation to the coordinators' },
});

/** A part of the plan an update changed, in words (the timeline and the audit trail say it alike). */
export const partName = (intl: IntlShape, part: string): string =>
  Object.hasOwn(partWords, part) ? intl.formatMessage(partWords[part as keyof typeof partWords]) : part;

export function describeOperationEvent(intl: IntlShape, event: TimelineEvent): EventDescription | null {
  const actor = actorName(intl, event.actor);
  switch (event.__typename) {
    case 'OperationCreatedEvent':
      return { sentence: intl.formatMessage(words.created, { actor }) };
    case 'OperationUpdatedEvent': {
      if (!event.changed.length) return { sentence: intl.formatMessage(words.updatedNothing, { actor }) };
      const parts = intl.formatList(
        event.changed.map((part) => partName(intl, part)),
        { type: 'conjunction' },
      );
      return { sentence: intl.formatMessage(words.updated, { actor, parts }) };
    }
    case 'PhaseAdvancedEvent': {
      const from = intl.formatMessage(phaseWords[event.from]);
      const to = intl.formatMessage(phaseWords[event.to]);
      const justification = event.justification ? [{ label: intl.formatMessage(words.justification), text: event.justification }] : [];
      if (event.to === 'CANCELLED') {
        const reason = event.justification ? [{ label: intl.formatMessage(words.reason), text: event.justification }] : [];
        return { sentence: intl.formatMessage(words.cancelled, { actor, from }), details: reason, tags: [{ text: to, tone: 'danger' }] };
      }
      if (!event.overridden) return { sentence: intl.formatMessage(words.advanced, { actor, from, to }), details: justification };
      const criteria = event.overriddenCriteria.map((criterion) => criterionStatement(intl, criterion.key));
      return {
        sentence: intl.formatMessage(words.advancedOverriding, { actor, from, to, count: criteria.length }),
        details: [...(criteria.length ? [{ label: intl.formatMessage(words.notMet), text: criteria }] : []), ...justification],
        tags: [{ text: intl.formatMessage(words.override), tone: 'warn' }],
        flagged: true,
      };
    }
    case 'FinalReportRecordedEvent':
      return { sentence: intl.formatMessage(words.finalReport, { actor }) };
    case 'OperationCommodityAddedEvent':
      return {
        sentence: intl.formatMessage(words.commodityAdded, {
          actor,
          name: commodityName(intl.locale, event.commodity),
          code: event.commodity.code,
        }),
      };
    case 'ResyncRequiredEvent':
      return { sentence: intl.formatMessage(words.resync) };
    default:
      return null;
  }
}
