import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { alertCategoryWords, distributionWords, markingMeaningWords, outcomeWords, severityWords, tlpLabel } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { describeError, problemWords, say, type Problem } from '../../i18n/problems';
import { useSession } from '../../shell/viewer-context';
import { agencyLabel } from '../../ui/agency';
import { formatInstant, RelativeTime } from '../../ui/time';
import { awaitsAcknowledgementBy, countdownTo, recipientFor } from './alert-state';
import { AcknowledgeAlertMutation } from './feed-documents';
import type { RoomAlert } from './room-alert-fields';

const words = defineMessages({
  acknowledge: { id: 'room.alert.acknowledge', defaultMessage: 'Acknowledge' },
  acknowledging: { id: 'room.alert.acknowledging', defaultMessage: 'Acknowledging…' },
  acknowledgeNamed: { id: 'room.alert.acknowledgeNamed', defaultMessage: 'Acknowledge {reference}' },
  acknowledged: { id: 'room.alert.acknowledged', defaultMessage: 'Acknowledged by your agency' },
  dueIn: { id: 'room.alert.dueIn', defaultMessage: 'due in {amount, number} {unit, select, minute {min} hour {h} other {d}}' },
  overdueBy: { id: 'room.alert.overdueBy', defaultMessage: 'overdue by {amount, number} {unit, select, minute {min} hour {h} other {d}}' },
  deadline: { id: 'room.alert.deadline', defaultMessage: 'Deadline: {time}' },
  withdrawn: { id: 'room.alert.withdrawn', defaultMessage: 'Withdrawn' },
  from: { id: 'room.alert.from', defaultMessage: 'From {agency}' },
  outcome: { id: 'room.alert.outcome', defaultMessage: 'Outcome: {outcome}' },
  raised: { id: 'room.alert.raised', defaultMessage: 'Raised' },
  severity: { id: 'room.alert.severity', defaultMessage: 'Severity:' },
  acknowledgements: { id: 'room.alert.acknowledgements', defaultMessage: 'Acknowledged: {acknowledged} of {total}' },
});

interface AlertRowProps {
  alert: RoomAlert;
  operationCode: string;
  /** The operation's reference zone, beside the viewer's own in the deadline's details. */
  referenceZone: string;
  now: number;
  /** The alert as the server answered an acknowledgement, to show at once. */
  onChanged(alert: RoomAlert): void;
  titleId: string;
}

/** One alert of the feed: what it is, how it is marked, who sent it, how old, and what came of it. */
export function AlertRow({ alert, operationCode, referenceZone, now, onChanged, titleId }: AlertRowProps) {
  const intl = useIntl();
  const withdrawn = !!alert.withdrawnAt;
  return (
    <div className={`alert-row severity-${alert.severity}${withdrawn ? ' withdrawn' : ''}`} data-marking={alert.marking}>
      <p className={`severity severity-${alert.severity}`}>
        <span aria-hidden="true" className="severity-icon">
          {alert.severity === 'CRITICAL' ? '▲' : alert.severity === 'HIGH' ? '◆' : '●'}
        </span>
        <span className="visually-hidden">{intl.formatMessage(words.severity)} </span>
        {intl.formatMessage(severityWords[alert.severity])}
      </p>
      <div className="alert-main">
        <h3 id={titleId} className="alert-title">
          <span className="alert-reference">{alert.reference}</span>{' '}
          <Link to="/operations/$code/alerts/$alertId" params={{ code: operationCode, alertId: alert.id }}>
            {alert.title}
          </Link>
        </h3>
        <p className="alert-facts">
          <span className="tlp" title={intl.formatMessage(markingMeaningWords[alert.marking])}>
            {tlpLabel(alert.marking)}
          </span>
          <span>{intl.formatMessage(alertCategoryWords[alert.category])}</span>
          <span>{intl.formatMessage(distributionWords[alert.distribution])}</span>
          <span>{intl.formatMessage(words.from, { agency: agencyLabel(intl.locale, alert.raisedByAgency) })}</span>
          <span>
            <span className="visually-hidden">{intl.formatMessage(words.raised)} </span>
            <RelativeTime value={alert.raisedAt} referenceZone={referenceZone} />
          </span>
          {alert.recipients.length > 0 && (
            <span>
              {intl.formatMessage(words.acknowledgements, {
                acknowledged: alert.recipients.filter((recipient) => recipient.acknowledgedAt).length,
                total: alert.recipients.length,
              })}
            </span>
          )}
          <span className={`outcome outcome-${alert.outcome}`}>
            {intl.formatMessage(words.outcome, { outcome: intl.formatMessage(outcomeWords[alert.outcome]) })}
          </span>
          {withdrawn && (
            <span className="badge badge-warn">
              <FormattedMessage {...words.withdrawn} />
            </span>
          )}
        </p>
      </div>
      <AcknowledgementCell alert={alert} referenceZone={referenceZone} now={now} onChanged={onChanged} />
    </div>
  );
}

function AcknowledgementCell({ alert, referenceZone, now, onChanged }: Omit<AlertRowProps, 'titleId' | 'operationCode'>) {
  const intl = useIntl();
  const { viewer, timeZone } = useSession();
  const [{ fetching }, acknowledge] = useMutation(AcknowledgeAlertMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const recipient = recipientFor(alert, viewer.agency.id);
  if (!recipient || alert.withdrawnAt) return <div className="ack-cell" />;
  if (!awaitsAcknowledgementBy(alert, viewer.agency.id)) {
    return (
      <div className="ack-cell">
        <p className="acknowledged">
          <span aria-hidden="true">✓ </span>
          <FormattedMessage {...words.acknowledged} />
        </p>
      </div>
    );
  }
  const countdown = countdownTo(recipient.dueAt, now);
  const deadline = [timeZone, referenceZone]
    .filter((zone, index, all) => all.indexOf(zone) === index)
    .map((zone) => formatInstant(intl.locale, recipient.dueAt, zone))
    .join(' · ');
  const send = async () => {
    setProblem(null);
    const result = await acknowledge({ input: { alertId: alert.id } });
    const answer = result.data?.acknowledgeAlert;
    if (answer?.__typename === 'Alert') onChanged(answer);
    else if (answer && 'code' in answer) setProblem(describeError(answer));
    else setProblem({ message: result.error?.networkError ? problemWords.serverUnreachable : problemWords.unexpected });
  };
  return (
    <div className="ack-cell">
      <p className={countdown.overdue ? 'countdown overdue' : 'countdown'} title={intl.formatMessage(words.deadline, { time: deadline })}>
        {countdown.overdue && <span aria-hidden="true">⚠ </span>}
        {intl.formatMessage(countdown.overdue ? words.overdueBy : words.dueIn, { amount: countdown.amount, unit: countdown.unit })}
      </p>
      <button
        type="button"
        className="primary"
        disabled={fetching}
        aria-label={intl.formatMessage(words.acknowledgeNamed, { reference: alert.reference })}
        onClick={() => void send()}
      >
        <FormattedMessage {...(fetching ? words.acknowledging : words.acknowledge)} />
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {say(intl, problem)}
        </p>
      )}
    </div>
  );
}
