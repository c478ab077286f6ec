import type { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { describeAlertEvent } from './alert-events';
import { describeAttachmentEvent } from './attachment-events';
import { describeCheckEvent } from './check-events';
import { actorName, type EventDescription } from './event-description';
import { describeOperationEvent } from './operation-events';
import { describeParticipationEvent } from './participation-events';
import { describeSeizureEvent } from './seizure-events';
import type { TimelineEvent } from './timeline-documents';

const generic = defineMessages({
  unknown: { id: 'timeline.event.unknown', defaultMessage: '{actor}: an event this version of the app cannot describe ({type})' },
});

const DESCRIBERS = [
  describeOperationEvent,
  describeParticipationEvent,
  describeAlertEvent,
  describeSeizureEvent,
  describeCheckEvent,
  describeAttachmentEvent,
];

/** The event in the reader's words; one of a type added to the API later still says who and what kind. */
export function describeEvent(intl: IntlShape, event: TimelineEvent): EventDescription {
  for (const describe of DESCRIBERS) {
    const description = describe(intl, event);
    if (description) return description;
  }
  return { sentence: intl.formatMessage(generic.unknown, { actor: actorName(intl, event.actor), type: event.type }) };
}

/**
 * The kinds of event the reader may narrow the timeline to, by GraphQL type, in reading order
 * (the operation, who takes part, alerts, seizures, the register of checks). Every type of the
 * schema must be here (the compiler checks), except a stream's ResyncRequiredEvent, which never
 * reaches the timeline.
 */
export const eventTypeWords = defineMessages({
  OperationCreatedEvent: { id: 'timeline.type.OperationCreatedEvent', defaultMessage: 'Operation created' },
  OperationUpdatedEvent: { id: 'timeline.type.OperationUpdatedEvent', defaultMessage: 'Plan changed' },
  PhaseAdvancedEvent: { id: 'timeline.type.PhaseAdvancedEvent', defaultMessage: 'Phase changed' },
  FinalReportRecordedEvent: { id: 'timeline.type.FinalReportRecordedEvent', defaultMessage: 'Final report recorded' },
  OperationCommodityAddedEvent: { id: 'timeline.type.OperationCommodityAddedEvent', defaultMessage: 'Commodity added' },
  ParticipationChangedEvent: { id: 'timeline.type.ParticipationChangedEvent', defaultMessage: 'Invitations and answers' },
  MemberAssignedEvent: { id: 'timeline.type.MemberAssignedEvent', defaultMessage: 'Member assigned' },
  MemberRemovedEvent: { id: 'timeline.type.MemberRemovedEvent', defaultMessage: 'Member removed' },
  AlertRaisedEvent: { id: 'timeline.type.AlertRaisedEvent', defaultMessage: 'Alert raised' },
  AlertAcknowledgedEvent: { id: 'timeline.type.AlertAcknowledgedEvent', defaultMessage: 'Alert acknowledged' },
  AlertOverdueEvent: { id: 'timeline.type.AlertOverdueEvent', defaultMessage: 'Alert overdue' },
  AlertCommentedEvent: { id: 'timeline.type.AlertCommentedEvent', defaultMessage: 'Alert commented on' },
  AlertFeedbackGivenEvent: { id: 'timeline.type.AlertFeedbackGivenEvent', defaultMessage: 'Alert feedback' },
  AlertReconciledEvent: { id: 'timeline.type.AlertReconciledEvent', defaultMessage: 'Alert settled by a seizure' },
  AlertAmendedEvent: { id: 'timeline.type.AlertAmendedEvent', defaultMessage: 'Alert amended' },
  AlertWithdrawnEvent: { id: 'timeline.type.AlertWithdrawnEvent', defaultMessage: 'Alert withdrawn' },
  SeizureReportedEvent: { id: 'timeline.type.SeizureReportedEvent', defaultMessage: 'Seizure reported' },
  SeizureSubmittedEvent: { id: 'timeline.type.SeizureSubmittedEvent', defaultMessage: 'Seizure sent for verification' },
  SeizureVerifiedEvent: { id: 'timeline.type.SeizureVerifiedEvent', defaultMessage: 'Seizure verified' },
  SeizureRejectedEvent: { id: 'timeline.type.SeizureRejectedEvent', defaultMessage: 'Seizure rejected' },
  SeizureCorrectedEvent: { id: 'timeline.type.SeizureCorrectedEvent', defaultMessage: 'Seizure corrected' },
  LicitShipmentsCheckedEvent: { id: 'timeline.type.LicitShipmentsCheckedEvent', defaultMessage: 'Licit shipments checked' },
  DatabaseChecksRecordedEvent: { id: 'timeline.type.DatabaseChecksRecordedEvent', defaultMessage: 'Database checks recorded' },
  AttachmentAddedEvent: { id: 'timeline.type.AttachmentAddedEvent', defaultMessage: 'File attached' },
}) satisfies Record<Exclude<TimelineEvent['__typename'], 'ResyncRequiredEvent'>, MessageDescriptor>;

export type FilterableEventType = keyof typeof eventTypeWords;

export const isFilterableEventType = (value: string | undefined): value is FilterableEventType =>
  value !== undefined && Object.hasOwn(eventTypeWords, value);
