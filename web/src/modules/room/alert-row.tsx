import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { alertCategoryWords, distributionWords, markingMeaningWords, outcomeWords, severityWords, tlpLabel } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { agencyLabel } from '../../ui/agency';
import { formatInstant, RelativeTime } from '../../ui/time';
import { useAcknowledgement } from '../alerts/acknowledgement';
import { awaitsAcknowledgementBy, countdownTo, recipientFor } from './alert-state';
import type { RoomAlert } from './room-alert-fields';

const words = defineMessages({
  acknowledge: { id: 'room.alert.acknowledge', defaultMessage: 'Acknowledge' },
  acknowledging: { id: 'room.alert.acknowledging', defaultMessage: 'Acknowledging…' },
  acknowledgeNamed: { id: 'room.alert.acknowledgeNamed', defaultMessage: 'Acknowledge {reference}' },
  acknowledged: { id: 'room.alert.acknowledged', defaultMessage: 'Acknowledged by your agency' },
  acknowledgedByContactPoints: {
    id: 'room.alert.acknowledgedByContactPoints',
    defaultMessage: 'Awaiting your agency’s contact point',
  },
  dueIn: { id: 'room.alert.dueIn', defaultMessage: 'due in {amount, number} {unit, select, minute {min} hour {h} other {d}}' },
  overdueBy: { id: 'room.alert.overdueBy', defaultMessage: 'overdue by {amount, number} {unit, select, minute {min} hour {h} other {d}}' },
  deadline: { id: 'room.alert.deadline', defaultMessage: 'Deadline: {time}' },
  deadlineLocal: { id: 'room.alert.deadlineLocal', defaultMessage: 'Deadline {time}' },
  deadlineReference: { id: 'room.alert.deadlineReference', defaultMessage: 'operation time {time}' },
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
  /** The viewer acts for their agency (a contact point, a coordinator); an observer sees the deadline only. */
  mayAcknowledge: boolean;
  now: number;
  titleId: string;
}

/**
 * One alert of the feed: what it is, how it is marked, who sent it, how old, and what came of it.
 * Memoised: the feed redraws on every frame of a scroll, a row only when its alert changes or the
 * feed's clock ticks (every 15 s).
 */
export const AlertRow = memo(function AlertRow({ alert, operationCode, referenceZone, mayAcknowledge, now, titleId }: AlertRowProps) {
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
      <AcknowledgementCell alert={alert} referenceZone={referenceZone} mayAcknowledge={mayAcknowledge} now={now} />
    </div>
  );
});

function AcknowledgementCell({ alert, referenceZone, mayAcknowledge, now }: Omit<AlertRowProps, 'titleId' | 'operationCode'>) {
  const { viewer } = useSession();
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
  return (
    <AwaitingAcknowledgement
      alert={alert}
      dueAt={recipient.dueAt}
      referenceZone={referenceZone}
      mayAcknowledge={mayAcknowledge}
      now={now}
    />
  );
}

/** The countdown, the deadline and the button of an alert the viewer's agency has yet to acknowledge. */
function AwaitingAcknowledgement({
  alert,
  dueAt,
  referenceZone,
  mayAcknowledge,
  now,
}: {
  alert: RoomAlert;
  dueAt: string;
  referenceZone: string;
  mayAcknowledge: boolean;
  now: number;
}) {
  const intl = useIntl();
  const { timeZone } = useSession();
  const { busy, waiting, acknowledge, outcome } = useAcknowledgement(alert.id);
  const countdown = countdownTo(dueAt, now);
  const deadline = [timeZone, referenceZone]
    .filter((zone, index, all) => all.indexOf(zone) === index)
    .map((zone) => formatInstant(intl.locale, dueAt, zone))
    .join(' · ');
  return (
    <div className="ack-cell">
      <p className={countdown.overdue ? 'countdown overdue' : 'countdown'} title={intl.formatMessage(words.deadline, { time: deadline })}>
        {countdown.overdue && <span aria-hidden="true">⚠ </span>}
        {intl.formatMessage(countdown.overdue ? words.overdueBy : words.dueIn, { amount: countdown.amount, unit: countdown.unit })}
      </p>
      <p className="deadline-in-view">
        <span>{intl.formatMessage(words.deadlineLocal, { time: deadlineClock(intl.locale, dueAt, timeZone, now) })}</span>
        {referenceZone !== timeZone && (
          <span>{intl.formatMessage(words.deadlineReference, { time: deadlineClock(intl.locale, dueAt, referenceZone, now) })}</span>
        )}
      </p>
      {mayAcknowledge ? (
        <>
          <button
            type="button"
            className="primary"
            disabled={busy || waiting}
            aria-label={intl.formatMessage(words.acknowledgeNamed, { reference: alert.reference })}
            onClick={acknowledge}
          >
            <FormattedMessage {...(busy ? words.acknowledging : words.acknowledge)} />
          </button>
          {outcome}
        </>
      ) : (
        <p className="muted">
          <FormattedMessage {...words.acknowledgedByContactPoints} />
        </p>
      )}
    </div>
  );
}

/**
 * The deadline as a wall clock of `timeZone`, read from across the room: the time and the zone,
 * the day only when it is not today there.
 */
function deadlineClock(locale: string, dueAt: string, timeZone: string, now: number): string {
  const day = cachedFormat('en-CA', { timeZone });
  const sameDay = day.format(new Date(dueAt)) === day.format(now);
  return cachedFormat(locale, {
    timeZone,
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(dueAt));
}

// Building an Intl.DateTimeFormat costs more than formatting with one: each is built once per
// locale and options, not for every row drawn.
const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
