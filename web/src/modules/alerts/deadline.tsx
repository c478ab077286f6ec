import { useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { formatInstant, useNow } from '../../ui/time';
import { useSession } from '../../shell/viewer-context';

const words = defineMessages({
  dueIn: { id: 'alerts.deadline.dueIn', defaultMessage: 'due in {duration}' },
  overdueBy: { id: 'alerts.deadline.overdueBy', defaultMessage: 'overdue by {duration}' },
});

const UNITS: [unit: 'day' | 'hour' | 'minute', seconds: number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "12 min", "3 h": the coarsest unit that fits, at least a minute. */
function duration(locale: string, seconds: number): string {
  const [unit, size] = UNITS.find(([, length]) => seconds >= length) ?? ['minute', 60];
  const amount = Math.max(1, Math.floor(seconds / size));
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(amount);
}

/**
 * An acknowledgement deadline as a countdown ("due in 12 min") that turns into "overdue by 3 min";
 * the deadline itself, in the viewer's zone and the operation's, is in the hover text.
 */
export function Deadline({ dueAt, referenceZone }: { dueAt: string; referenceZone: string }) {
  const intl = useIntl();
  const { timeZone } = useSession();
  const now = useNow(15_000);
  const seconds = Math.round((new Date(dueAt).getTime() - now) / 1000);
  const overdue = seconds < 0;
  const exact = [timeZone, referenceZone]
    .filter((zone, index, all) => all.indexOf(zone) === index)
    .map((zone) => formatInstant(intl.locale, dueAt, zone))
    .join(' · ');
  return (
    <time dateTime={dueAt} title={exact} className={overdue ? 'deadline overdue' : 'deadline'}>
      {overdue && <span aria-hidden="true">⚠ </span>}
      {intl.formatMessage(overdue ? words.overdueBy : words.dueIn, { duration: duration(intl.locale, Math.abs(seconds)) })}
    </time>
  );
}
