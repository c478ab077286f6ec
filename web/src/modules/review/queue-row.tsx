import { rejectSeizureInput } from '@jointops/shared/seizures';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { detectionMethodWords, locationTypeWords, transportModeWords, unitWords } from '../../i18n/codes';
import { problemsByField, type Problem } from '../../i18n/problems';
import { AgencyName, CountryName } from '../../ui/agency';
import { commodityName } from '../../ui/commodity-name';
import { TextAreaField } from '../../ui/fields';
import { DateTime } from '../../ui/time';
import type { QueuedSeizure } from './review-documents';
import { reviewWords } from './review-words';
import type { Decision } from './use-review-decisions';

interface QueueRowProps {
  seizure: QueuedSeizure;
  operationCode: string;
  referenceZone: string;
  /** Null: the viewer may not decide on this report (not a reviewer, or their own report). */
  review: null | {
    selected: boolean;
    pending: boolean;
    onSelect(selected: boolean): void;
    onDecide(decision: Decision): void;
  };
  ownReport: boolean;
}

/** One report as a reviewer checks it: what, how much, where, how found, by whom, and which alerts it answers. */
export function QueueRow({ seizure, operationCode, referenceZone, review, ownReport }: QueueRowProps) {
  const intl = useIntl();
  const { reference } = seizure;
  const what = seizure.commodity ? commodityName(intl.locale, seizure.commodity) : (seizure.commodityDescription ?? '');
  return (
    <tr aria-busy={review?.pending || undefined}>
      {(review || ownReport) && (
        <td className="queue-select">
          {review && (
            <input
              type="checkbox"
              aria-label={intl.formatMessage(reviewWords.select, { reference })}
              checked={review.selected}
              disabled={review.pending}
              onChange={(event) => review.onSelect(event.target.checked)}
            />
          )}
        </td>
      )}
      <th scope="row">
        <span className="queue-reference">{reference}</span>
        <span className="muted">
          <FormattedMessage
            {...reviewWords.seizedAt}
            values={{ when: <DateTime value={seizure.seizedAt} referenceZone={referenceZone} /> }}
          />
        </span>
      </th>
      <td>
        <strong>
          {intl.formatNumber(seizure.quantity)} {intl.formatMessage(unitWords[seizure.unit])}
        </strong>{' '}
        {what}
      </td>
      <td>
        <span>
          {seizure.place}, <CountryName code={seizure.countryCode} /> · {intl.formatMessage(locationTypeWords[seizure.locationType])}
        </span>
        <span className="muted">
          <FormattedMessage
            {...reviewWords.detection}
            values={{ method: intl.formatMessage(detectionMethodWords[seizure.detectionMethod]) }}
          />
        </span>
        <span className="muted">
          <FormattedMessage {...reviewWords.transport} values={{ mode: intl.formatMessage(transportModeWords[seizure.transportMode]) }} />
        </span>
        {seizure.concealment && (
          <span className="muted">
            <FormattedMessage {...reviewWords.concealment} values={{ concealment: seizure.concealment }} />
          </span>
        )}
      </td>
      <td>
        <AgencyName agency={seizure.reportingAgency} />
        <span className="muted">{seizure.reportedBy.displayName}</span>
      </td>
      <td>
        {seizure.linkedAlerts.length ? (
          <ul className="queue-alerts">
            {seizure.linkedAlerts.map((alert) => (
              <li key={alert.id}>
                <Link to="/operations/$code/alerts/$alertId" params={{ code: operationCode, alertId: alert.id }}>
                  {alert.reference}
                </Link>{' '}
                {alert.title}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">
            <FormattedMessage {...reviewWords.noAlert} />
          </span>
        )}
      </td>
      {(review || ownReport) && (
        <td className="queue-actions">
          {review ? (
            <Decide reference={reference} pending={review.pending} onDecide={review.onDecide} />
          ) : (
            <FormattedMessage {...reviewWords.ownReport} />
          )}
        </td>
      )}
    </tr>
  );
}

function Decide({ reference, pending, onDecide }: { reference: string; pending: boolean; onDecide(decision: Decision): void }) {
  const intl = useIntl();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  if (pending)
    return (
      <span role="status">
        <FormattedMessage {...reviewWords.deciding} />
      </span>
    );
  if (!rejecting)
    return (
      <div className="queue-buttons">
        <button
          type="button"
          className="primary"
          aria-label={intl.formatMessage(reviewWords.verifyOne, { reference })}
          onClick={() => onDecide({ kind: 'verify' })}
        >
          <FormattedMessage {...reviewWords.verify} />
        </button>
        <button type="button" aria-label={intl.formatMessage(reviewWords.rejectOne, { reference })} onClick={() => setRejecting(true)}>
          <FormattedMessage {...reviewWords.reject} />
        </button>
      </div>
    );
  const reject = () => {
    // The seizure id is the server's to check; here only the reason is the reader's to fix.
    const checked = rejectSeizureInput.shape.reason.safeParse(reason);
    if (!checked.success) return setProblem(Object.values(problemsByField(checked.error.issues))[0]);
    onDecide({ kind: 'reject', reason: checked.data });
  };
  return (
    <div className="queue-reject">
      <TextAreaField
        label={intl.formatMessage(reviewWords.reason, { reference })}
        hint={<FormattedMessage {...reviewWords.reasonHint} />}
        value={reason}
        problem={problem}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="queue-buttons">
        <button type="button" className="danger" onClick={reject}>
          <FormattedMessage {...reviewWords.confirmReject} />
        </button>
        <button type="button" onClick={() => setRejecting(false)}>
          <FormattedMessage {...reviewWords.cancel} />
        </button>
      </div>
    </div>
  );
}
