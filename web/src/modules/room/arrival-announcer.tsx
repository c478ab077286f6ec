import { useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { severityWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { agencyLabel } from '../../ui/agency';
import { isStreamCatchingUp, useStreamCatchingUp } from '../live/live-state';
import { alertOf } from '../live/operation-events-document';
import { useOperationEvents } from '../live/use-operation-events';
import { awaitsAcknowledgementBy } from './alert-state';
import { playAlertTone } from './alert-sound';

const words = defineMessages({
  arrived: {
    id: 'room.announce.arrived',
    defaultMessage: 'New {severity} alert for your agency from {agency}: {reference} {title}',
  },
  criticalMeanwhile: {
    id: 'room.announce.criticalMeanwhile',
    defaultMessage:
      '{count, plural, one {A critical alert for your agency arrived while the room was not connected:} other {# critical alerts for your agency arrived while the room was not connected:}} {alerts}',
  },
  missedTitle: { id: 'room.missedCritical.title', defaultMessage: 'Critical alerts that arrived while the room was not connected' },
  missedFrom: { id: 'room.missedCritical.from', defaultMessage: 'from {agency}' },
  missedHide: { id: 'room.missedCritical.hide', defaultMessage: 'Hide this list' },
  arrivedMeanwhile: {
    id: 'room.announce.arrivedMeanwhile',
    defaultMessage:
      '{count, plural, one {# alert for your agency arrived while the room was not connected: it is in the feed.} other {# alerts for your agency arrived while the room was not connected: they are in the feed.}}',
  },
});

/**
 * Tells screen readers of each new alert addressed to the viewer's agency: politely, or at once
 * (assertive) when it is critical; and plays the chime if sound is on. The regions stay in the
 * page from the start, as a live region added with its text is not read by every reader.
 * Alerts replayed after a reload or a drop are old news: they are counted, not announced one by
 * one, and the count said once the stream has caught up; but a critical one is named, at once,
 * and listed above the feed until the reader hides the list.
 */
interface MissedAlert {
  id: string;
  reference: string;
  title: string;
  agency: string;
}

export function ArrivalAnnouncer({ operationId, sound }: { operationId: string; sound: boolean }) {
  const intl = useIntl();
  const { viewer } = useSession();
  const listId = useId();
  const [said, setSaid] = useState({ polite: '', assertive: '' });
  const [missed, setMissed] = useState<MissedAlert[]>([]);
  const replayed = useRef({ count: 0, critical: [] as MissedAlert[] });
  const catchingUp = useStreamCatchingUp(operationId);
  useOperationEvents(operationId, (event) => {
    const alert = event.__typename === 'AlertRaisedEvent' ? alertOf(event) : null;
    if (!alert || !awaitsAcknowledgementBy(alert, viewer.agency.id)) return;
    const critical = alert.severity === 'CRITICAL';
    const agency = agencyLabel(intl.locale, alert.raisedByAgency);
    if (isStreamCatchingUp(operationId)) {
      replayed.current.count += 1;
      if (critical) replayed.current.critical.push({ id: alert.id, reference: alert.reference, title: alert.title, agency });
      return;
    }
    const text = intl.formatMessage(words.arrived, {
      severity: intl.formatMessage(severityWords[alert.severity]).toLowerCase(),
      agency,
      reference: alert.reference,
      title: alert.title,
    });
    setSaid((before) => (critical ? { ...before, assertive: text } : { ...before, polite: text }));
    if (sound) playAlertTone(critical);
  });
  useEffect(() => {
    if (catchingUp || replayed.current.count === 0) return;
    const { count, critical } = replayed.current;
    replayed.current = { count: 0, critical: [] };
    const others = count - critical.length;
    setSaid((before) => ({
      polite: others > 0 ? intl.formatMessage(words.arrivedMeanwhile, { count: others }) : before.polite,
      assertive:
        critical.length > 0
          ? intl.formatMessage(words.criticalMeanwhile, {
              count: critical.length,
              alerts: critical.map((alert) => `${alert.reference} ${alert.title} (${alert.agency})`).join('; '),
            })
          : before.assertive,
    }));
    if (critical.length === 0) return;
    setMissed((before) => [...critical, ...before]);
    if (sound) playAlertTone(true);
  }, [catchingUp, intl, sound]);
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="announce-polite">
        {said.polite}
      </p>
      <p className="visually-hidden" aria-live="assertive" data-testid="announce-assertive">
        {said.assertive}
      </p>
      {missed.length > 0 && (
        <section className="notice missed-critical" aria-labelledby={listId}>
          <h3 id={listId}>
            <span aria-hidden="true">▲ </span>
            <FormattedMessage {...words.missedTitle} />
          </h3>
          <ul>
            {missed.map((alert) => (
              <li key={alert.id}>
                <span className="alert-reference">{alert.reference}</span> {alert.title}{' '}
                <span className="muted">{intl.formatMessage(words.missedFrom, { agency: alert.agency })}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setMissed([])}>
            <FormattedMessage {...words.missedHide} />
          </button>
        </section>
      )}
    </>
  );
}
