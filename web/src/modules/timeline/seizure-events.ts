import type { IntlShape } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { actorName, quantityOf, type EventDescription } from './event-description';
import type { TimelineEvent } from './timeline-documents';

// Seizure reports from filing to verification: each names the report by reference, with what
// was seized and how much, in the reader's number conventions.

const words = defineMessages({
  reported: { id: 'timeline.event.seizureReported', defaultMessage: '{actor} reported seizure {reference}: {quantity}' },
  submitted: {
    id: 'timeline.event.seizureSubmitted',
    defaultMessage: '{actor} sent seizure report {reference} for verification: {quantity}',
  },
  verified: { id: 'timeline.event.seizureVerified', defaultMessage: '{actor} verified seizure report {reference}: {quantity}' },
  rejected: {
    id: 'timeline.event.seizureRejected',
    defaultMessage: '{actor} sent seizure report {reference} back for correction: {quantity}',
  },
  corrected: { id: 'timeline.event.seizureCorrected', defaultMessage: '{actor} corrected seizure report {reference}: {quantity}' },
  resubmitted: {
    id: 'timeline.event.seizureResubmitted',
    defaultMessage: '{actor} corrected seizure report {reference} and sent it back for verification: {quantity}',
  },
  rejectedTag: { id: 'timeline.tag.rejected', defaultMessage: 'Rejected' },
  verifiedTag: { id: 'timeline.tag.verified', defaultMessage: 'Verified' },
  reason: { id: 'timeline.detail.rejectionReason', defaultMessage: 'Reason for rejecting' },
});

export function describeSeizureEvent(intl: IntlShape, event: TimelineEvent): EventDescription | null {
  const actor = actorName(intl, event.actor);
  const say = (message: (typeof words)[keyof typeof words], seizure: Parameters<typeof quantityOf>[1] & { reference: string }) =>
    intl.formatMessage(message, { actor, reference: seizure.reference, quantity: quantityOf(intl, seizure) });
  switch (event.__typename) {
    case 'SeizureReportedEvent':
      return { sentence: say(words.reported, event.seizure) };
    case 'SeizureSubmittedEvent':
      return { sentence: say(words.submitted, event.seizure) };
    case 'SeizureVerifiedEvent':
      return { sentence: say(words.verified, event.seizure), tags: [{ text: intl.formatMessage(words.verifiedTag), tone: 'ok' }] };
    case 'SeizureRejectedEvent':
      return {
        sentence: say(words.rejected, event.seizure),
        tags: [{ text: intl.formatMessage(words.rejectedTag), tone: 'danger' }],
        details: [{ label: intl.formatMessage(words.reason), text: event.rejectionReason }],
      };
    case 'SeizureCorrectedEvent':
      return { sentence: say(event.resubmitted ? words.resubmitted : words.corrected, event.seizure) };
    default:
      return null;
  }
}
