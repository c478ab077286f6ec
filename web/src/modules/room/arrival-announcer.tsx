import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
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
 * one, and the count said once the stream has caught up.
 */
export function ArrivalAnnouncer({ operationId, sound }: { operationId: string; sound: boolean }) {
  const intl = useIntl();
  const { viewer } = useSession();
  const [said, setSaid] = useState({ polite: '', assertive: '' });
  const replayed = useRef(0);
  const catchingUp = useStreamCatchingUp(operationId);
  useOperationEvents(operationId, (event) => {
    const alert = event.__typename === 'AlertRaisedEvent' ? alertOf(event) : null;
    if (!alert || !awaitsAcknowledgementBy(alert, viewer.agency.id)) return;
    if (isStreamCatchingUp(operationId)) {
      replayed.current += 1;
      return;
    }
    const critical = alert.severity === 'CRITICAL';
    const text = intl.formatMessage(words.arrived, {
      severity: intl.formatMessage(severityWords[alert.severity]).toLowerCase(),
      agency: agencyLabel(intl.locale, alert.raisedByAgency),
      reference: alert.reference,
      title: alert.title,
    });
    setSaid((before) => (critical ? { ...before, assertive: text } : { ...before, polite: text }));
    if (sound) playAlertTone(critical);
  });
  useEffect(() => {
    if (catchingUp || replayed.current === 0) return;
    const text = intl.formatMessage(words.arrivedMeanwhile, { count: replayed.current });
    replayed.current = 0;
    setSaid((before) => ({ ...before, polite: text }));
  }, [catchingUp, intl]);
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="announce-polite">
        {said.polite}
      </p>
      <p className="visually-hidden" aria-live="assertive" data-testid="announce-assertive">
        {said.assertive}
      </p>
    </>
  );
}
