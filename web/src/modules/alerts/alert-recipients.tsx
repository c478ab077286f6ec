import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { outcomeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel } from '../../ui/agency';
import { DateTime } from '../../ui/time';
import type { AlertFeedbackData, AlertRecipientData } from './alert-documents';
import { Deadline } from './deadline';

const words = defineMessages({
  heading: { id: 'alerts.recipients.heading', defaultMessage: 'Recipients' },
  caption: { id: 'alerts.recipients.caption', defaultMessage: 'Each recipient agency’s acknowledgement and feedback' },
  agency: { id: 'alerts.recipients.agency', defaultMessage: 'Agency' },
  acknowledgement: { id: 'alerts.recipients.acknowledgement', defaultMessage: 'Acknowledgement' },
  feedback: { id: 'alerts.recipients.feedback', defaultMessage: 'Feedback' },
  acknowledged: { id: 'alerts.recipients.acknowledged', defaultMessage: 'Acknowledged by {person}' },
  awaiting: { id: 'alerts.recipients.awaiting', defaultMessage: 'Not acknowledged yet' },
  noFeedback: { id: 'alerts.recipients.noFeedback', defaultMessage: 'No feedback yet' },
  givenBy: { id: 'alerts.recipients.givenBy', defaultMessage: 'by {person}' },
  history: {
    id: 'alerts.recipients.history',
    defaultMessage: '{count, plural, one {# earlier feedback} other {# earlier feedbacks}}',
  },
  yours: { id: 'alerts.recipients.yours', defaultMessage: 'your agency' },
  none: { id: 'alerts.recipients.none', defaultMessage: 'No agency was named.' },
});

function Feedback({ feedback, referenceZone }: { feedback: AlertFeedbackData; referenceZone: string }) {
  const intl = useIntl();
  return (
    <div className="feedback">
      <p>
        <strong className={`outcome outcome-${feedback.outcome}`}>{intl.formatMessage(outcomeWords[feedback.outcome])}</strong>{' '}
        <span className="muted">
          <FormattedMessage {...words.givenBy} values={{ person: feedback.givenBy.displayName }} />
          {', '}
          <DateTime value={feedback.givenAt} referenceZone={referenceZone} />
        </span>
      </p>
      {feedback.note && <p className="feedback-note">{feedback.note}</p>}
    </div>
  );
}

interface AlertRecipientsProps {
  recipients: readonly AlertRecipientData[];
  viewerAgencyId: string;
  referenceZone: string;
  withdrawn: boolean;
}

/** Who the alert went to, and for each agency: its acknowledgement, its feedback and what it said before. */
export function AlertRecipients({ recipients, viewerAgencyId, referenceZone, withdrawn }: AlertRecipientsProps) {
  const intl = useIntl();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h3>
      {recipients.length === 0 ? (
        <p className="muted">
          <FormattedMessage {...words.none} />
        </p>
      ) : (
        <div className="table-scroll">
          <table className="alert-recipients">
            <caption className="visually-hidden">{intl.formatMessage(words.caption)}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage {...words.agency} />
                </th>
                <th scope="col">
                  <FormattedMessage {...words.acknowledgement} />
                </th>
                <th scope="col">
                  <FormattedMessage {...words.feedback} />
                </th>
              </tr>
            </thead>
            <tbody>
              {recipients.map((recipient) => {
                const earlier = recipient.feedbackHistory.filter((feedback) => feedback.supersededAt);
                return (
                  <tr key={recipient.agency.id} data-agency={recipient.agency.id}>
                    <th scope="row">
                      {agencyLabel(intl.locale, recipient.agency)}
                      {recipient.agency.id === viewerAgencyId && (
                        <span className="muted">
                          {' '}
                          (<FormattedMessage {...words.yours} />)
                        </span>
                      )}
                    </th>
                    <td>
                      {recipient.acknowledgedAt ? (
                        <>
                          <span className="badge badge-ok">
                            <FormattedMessage {...words.acknowledged} values={{ person: recipient.acknowledgedBy?.displayName ?? '—' }} />
                          </span>{' '}
                          <DateTime value={recipient.acknowledgedAt} referenceZone={referenceZone} />
                        </>
                      ) : (
                        <>
                          <span className={recipient.overdue ? 'badge badge-danger' : 'badge badge-warn'}>
                            <FormattedMessage {...words.awaiting} />
                          </span>{' '}
                          {!withdrawn && <Deadline dueAt={recipient.dueAt} referenceZone={referenceZone} />}
                        </>
                      )}
                    </td>
                    <td>
                      {recipient.feedback ? (
                        <Feedback feedback={recipient.feedback} referenceZone={referenceZone} />
                      ) : (
                        <span className="muted">
                          <FormattedMessage {...words.noFeedback} />
                        </span>
                      )}
                      {earlier.length > 0 && (
                        <details className="feedback-history">
                          <summary>
                            <FormattedMessage {...words.history} values={{ count: earlier.length }} />
                          </summary>
                          <ol>
                            {earlier.map((feedback, index) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: earlier feedback has no id and only grows at its head; two may share a second.
                              <li key={index}>
                                <Feedback feedback={feedback} referenceZone={referenceZone} />
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
