import { useId, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { RoomParticipationsQuery } from '../feed-documents';
import { defineMessages } from '../../../i18n/define-messages';
import { countryName } from '../../../ui/agency';
import { LoadError, Skeleton } from '../../../ui/page-state';
import { useRoomResults } from './room-results';
import { MAP_HEIGHT, MAP_WIDTH, useWorldGeometry } from './world-map-loader';

const words = defineMessages({
  title: { id: 'room.map.title', defaultMessage: 'Participating countries' },
  map: {
    id: 'room.map.image',
    defaultMessage: '{count, plural, one {Map of the # participating country} other {Map of the # participating countries}}',
  },
  choose: { id: 'room.map.choose', defaultMessage: 'Choose a country to see only the alerts its agencies raised.' },
  all: { id: 'room.map.all', defaultMessage: 'All countries' },
  alerts: { id: 'room.map.alerts', defaultMessage: '{count, plural, one {# alert} other {# alerts}}' },
  seizures: { id: 'room.map.seizures', defaultMessage: '{count, plural, one {# seizure} other {# seizures}}' },
  none: { id: 'room.map.none', defaultMessage: 'No country has accepted to take part yet.' },
  disclaimer: {
    id: 'room.map.disclaimer',
    defaultMessage: 'The boundaries and names shown on this map do not imply official endorsement or acceptance.',
  },
});

interface RoomMapProps {
  operationId: string;
  operationCode: string;
  /** The country the room's feed is narrowed to, if any. */
  chosenCountry?: string | null;
  /** A country chosen on the map or in its list; null for all countries again. */
  onCountryChosen(countryCode: string | null): void;
}

/**
 * The participating countries on a map drawn from bundled data, each with its live count of alerts
 * and seizures. The list beside the map holds the real buttons (keyboard, screen readers); the
 * shapes answer the same choice to a pointer.
 */
export function RoomMap({ operationId, operationCode, chosenCountry = null, onCountryChosen }: RoomMapProps) {
  const intl = useIntl();
  const headingId = useId();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RoomParticipationsQuery, variables: { operationCode } });
  const { results } = useRoomResults(operationId);

  const accepted = (data?.operationByCode?.participations ?? [])
    .filter((participation) => participation.status === 'ACCEPTED')
    .flatMap((participation) => (participation.agency.countryCode ? [participation.agency.countryCode] : []));
  const figures = new Map((results?.byCountry ?? []).map((row) => [row.countryCode, row]));
  const collator = new Intl.Collator(intl.locale);
  const countries = [...new Set([...accepted, ...figures.keys()])].sort((a, b) =>
    collator.compare(countryName(intl.locale, a), countryName(intl.locale, b)),
  );
  const countriesKey = [...countries].sort().join(',');
  // The countries and their figures show at once; the shapes when the world's geometry has come.
  const world = useWorldGeometry();
  const mapLayout = world.geometry?.mapLayout;
  const layout = useMemo(() => mapLayout?.(countriesKey ? countriesKey.split(',') : []), [mapLayout, countriesKey]);

  const choose = (countryCode: string) => onCountryChosen(countryCode === chosenCountry ? null : countryCode);

  if (!data && fetching) return <Skeleton lines={6} />;
  if (!data && error) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (world.failed) return <LoadError error={undefined} onRetry={world.retry} />;

  return (
    <section className="panel room-panel room-map" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} />
      </h2>
      <div className="room-map-body">
        <svg
          className="room-map-drawing"
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          role="img"
          aria-label={intl.formatMessage(words.map, { count: countries.length })}
        >
          {layout?.shapes.map((shape) =>
            shape.countryCode ? (
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the country's button in the list beside is the keyboard's and screen reader's way to the same choice.
              <path
                key={shape.key}
                d={shape.d}
                className={
                  shape.countryCode === chosenCountry ? 'map-country map-participating map-chosen' : 'map-country map-participating'
                }
                data-country={shape.countryCode}
                onClick={() => choose(shape.countryCode!)}
              />
            ) : (
              <path key={shape.key} d={shape.d} className="map-country" />
            ),
          )}
          {layout?.dots.map((dot) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: as for the shapes, the list's button is the keyboard's way.
            <circle
              key={dot.countryCode}
              cx={dot.x}
              cy={dot.y}
              r={9}
              className={dot.countryCode === chosenCountry ? 'map-dot map-participating map-chosen' : 'map-dot map-participating'}
              data-country={dot.countryCode}
              onClick={() => choose(dot.countryCode)}
            />
          ))}
        </svg>
        {countries.length === 0 ? (
          <p className="muted">
            <FormattedMessage {...words.none} />
          </p>
        ) : (
          <div className="room-map-countries">
            <p className="muted">
              <FormattedMessage {...words.choose} />
            </p>
            <ul>
              {countries.map((code) => {
                const row = figures.get(code);
                return (
                  <li key={code}>
                    <button type="button" className="map-country-button" aria-pressed={code === chosenCountry} onClick={() => choose(code)}>
                      <span className="map-country-name">
                        {countryName(intl.locale, code)} <abbr className="map-country-code">{code}</abbr>
                      </span>
                      <span className="map-country-counts">
                        <span>
                          <FormattedMessage {...words.alerts} values={{ count: row?.alertsRaised ?? 0 }} />
                        </span>
                        <span>
                          <FormattedMessage {...words.seizures} values={{ count: row?.seizures ?? 0 }} />
                        </span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {chosenCountry && (
              <button type="button" onClick={() => onCountryChosen(null)}>
                <FormattedMessage {...words.all} />
              </button>
            )}
          </div>
        )}
      </div>
      <p className="room-panel-note muted">
        <FormattedMessage {...words.disclaimer} />
      </p>
    </section>
  );
}
