import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { DateTime } from '../../ui/time';
import { useOperation } from '../operations/operation-context';
import { SeizureHistoryQuery, type SeizureDetail } from './seizure-documents';

const words = defineMessages({
  heading: { id: 'seizures.history.heading', defaultMessage: 'History' },
  reported: { id: 'seizures.history.reported', defaultMessage: 'Reported by {person}' },
  submitted: { id: 'seizures.history.submitted', defaultMessage: 'Submitted for verification' },
  rejected: { id: 'seizures.history.rejected', defaultMessage: 'Rejected by {person}: {reason}' },
  corrected: { id: 'seizures.history.corrected', defaultMessage: 'Corrected by {person}' },
  resubmitted: { id: 'seizures.history.resubmitted', defaultMessage: 'Corrected by {person} and sent back for verification' },
  verified: { id: 'seizures.history.verified', defaultMessage: 'Verified by {person}' },
});

interface Step {
  key: string;
  at: string;
  text: string;
}

type Person = { displayName: string; agency: { name: string; acronym: string | null } } | null | undefined;

/** Reported, submitted, rejected with its reason, corrected, verified: in the order they happened. */
export function SeizureHistory({ seizure }: { seizure: SeizureDetail }) {
  const intl = useIntl();
  const operation = useOperation();
  const headingId = useId();
  const [{ data }] = useQuery({ query: SeizureHistoryQuery, variables: { operationId: operation.id } });
  const person = (who: Person) => (who ? `${who.displayName} (${who.agency.acronym || who.agency.name})` : '—');
  const steps: Step[] = [
    { key: 'reported', at: seizure.reportedAt, text: intl.formatMessage(words.reported, { person: person(seizure.reportedBy) }) },
  ];
  // A correction clears the rejection it answers and a resubmission moves `submittedAt`: those
  // steps come from the timeline, the rest from the report.
  const rejections = (data?.operation?.rejections.edges ?? []).map((edge) => edge.node);
  const corrections = (data?.operation?.corrections.edges ?? []).map((edge) => edge.node);
  for (const event of rejections) {
    if (!('reason' in event) || event.seizure.id !== seizure.id) continue;
    steps.push({
      key: event.cursor,
      at: event.occurredAt,
      text: intl.formatMessage(words.rejected, { person: person(event.actor), reason: event.reason }),
    });
  }
  for (const event of corrections) {
    if (!('resubmitted' in event) || event.seizure.id !== seizure.id) continue;
    const message = event.resubmitted ? words.resubmitted : words.corrected;
    steps.push({ key: event.cursor, at: event.occurredAt, text: intl.formatMessage(message, { person: person(event.actor) }) });
  }
  const resubmittedAt = new Set(
    corrections.filter((event) => 'resubmitted' in event && event.resubmitted).map((event) => event.occurredAt),
  );
  if (seizure.submittedAt && !resubmittedAt.has(seizure.submittedAt))
    steps.push({ key: 'submitted', at: seizure.submittedAt, text: intl.formatMessage(words.submitted) });
  if (seizure.rejectedAt && !steps.some((step) => step.at === seizure.rejectedAt))
    steps.push({
      key: 'rejected',
      at: seizure.rejectedAt,
      text: intl.formatMessage(words.rejected, { person: person(seizure.rejectedBy), reason: seizure.rejectionReason ?? '' }),
    });
  if (seizure.verifiedAt)
    steps.push({
      key: 'verified',
      at: seizure.verifiedAt,
      text: intl.formatMessage(words.verified, { person: person(seizure.verifiedBy) }),
    });
  steps.sort((a, b) => a.at.localeCompare(b.at));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h3>
      <ol className="seizure-history">
        {steps.map((step) => (
          <li key={step.key}>
            <DateTime value={step.at} referenceZone={operation.referenceTimeZone} /> — {step.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
