import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { RoomParticipationsQuery } from '../feed-documents';
import { defineMessages } from '../../../i18n/define-messages';
import { countryName } from '../../../ui/agency';
import { LoadError, Skeleton } from '../../../ui/page-state';
import { zoneClocks, type ZoneClock } from './zone-clocks';

const words = defineMessages({
  title: { id: 'room.clocks.title', defaultMessage: 'Local times' },
  reference: { id: 'room.clocks.reference', defaultMessage: 'Operation time' },
});

/** The current time, moved on at each new minute: what a clock showing hours and minutes needs, and no more. */
function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      timer = setTimeout(
        () => {
          setNow(new Date());
          next();
        },
        60_000 - (Date.now() % 60_000),
      );
    };
    next();
    return () => clearTimeout(timer);
  }, []);
  return now;
}

function Clock({ clock, label, now }: { clock: ZoneClock; label: string; now: Date }) {
  const { locale } = useIntl();
  const time = new Intl.DateTimeFormat(locale, { timeZone: clock.timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
  const day = new Intl.DateTimeFormat(locale, { timeZone: clock.timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(now);
  const zone =
    new Intl.DateTimeFormat(locale, { timeZone: clock.timeZone, timeZoneName: 'short' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value ?? clock.timeZone;
  return (
    <li className={clock.reference ? 'room-clock room-clock-reference' : 'room-clock'}>
      <span className="room-clock-label">{label}</span>
      <time className="room-clock-time" dateTime={now.toISOString()}>
        {time}
      </time>
      <span className="room-clock-zone">
        {day} · <span title={clock.timeZone}>{zone}</span>
      </span>
    </li>
  );
}

/** The time in the operation's reference zone and in each participating country, ticking each minute. */
export function RoomClocks({ operationCode }: { operationCode: string }) {
  const intl = useIntl();
  const headingId = useId();
  const now = useMinute();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RoomParticipationsQuery, variables: { operationCode } });
  const operation = data?.operationByCode;

  if (!operation && fetching) return <Skeleton lines={2} />;
  if (!operation) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;

  const clocks = zoneClocks(operation.referenceTimeZone, operation.participations, now, intl.locale);
  return (
    <section className="panel room-panel room-clocks" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden-on-wall">
        <FormattedMessage {...words.title} />
      </h2>
      <ul>
        {clocks.map((clock) => (
          <Clock
            key={`${clock.countryCode ?? 'reference'}|${clock.timeZone}`}
            clock={clock}
            now={now}
            label={clock.reference ? intl.formatMessage(words.reference) : countryName(intl.locale, clock.countryCode!)}
          />
        ))}
      </ul>
    </section>
  );
}
