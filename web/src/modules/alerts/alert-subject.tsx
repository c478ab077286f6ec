import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { countryName } from '../../ui/agency';
import type { AlertSubjectData } from './alert-documents';
import { freeDetails } from './alert-draft';
import { subjectWords } from './subject-words';

interface Route {
  origin: string;
  transit: readonly string[];
  destination: string;
}

function RouteText({ route }: { route: Route }) {
  const intl = useIntl();
  const country = (code: string) => `${countryName(intl.locale, code)} (${code})`;
  const stops = [route.origin, ...route.transit, route.destination].map(country);
  return (
    <>
      {stops.join(' → ')}
      {route.transit.length === 0 && (
        <span className="muted">
          {' '}
          (<FormattedMessage {...subjectWords.noTransit} />)
        </span>
      )}
    </>
  );
}

type Row = [keyof typeof subjectWords, ReactNode | null | undefined];

/** The subject of an alert, by its kind: a list of what it names, empty fields left out. */
export function AlertSubjectView({ subject }: { subject: AlertSubjectData | null | undefined }) {
  const intl = useIntl();
  if (!subject) {
    return (
      <p className="muted">
        <FormattedMessage {...subjectWords.none} />
      </p>
    );
  }
  let rows: Row[];
  let note: ReactNode = null;
  switch (subject.__typename) {
    case 'ShipmentSubject':
      rows = [
        ['containerNumber', subject.containerNumber],
        ['billOfLading', subject.billOfLading],
        ['airWaybill', subject.airWaybill],
        ['hsCode', subject.hsCode],
        ['consignor', subject.consignor],
        ['consignee', subject.consignee],
        ['route', <RouteText key="route" route={subject.route} />],
      ];
      break;
    case 'PassengerSubject':
      rows = [
        ['travelDocumentCountry', `${countryName(intl.locale, subject.travelDocumentCountry)} (${subject.travelDocumentCountry})`],
        ['flightNumber', subject.flightNumber],
        ['route', <RouteText key="route" route={subject.route} />],
      ];
      note = <FormattedMessage {...subjectWords.personalData} />;
      break;
    case 'ConveyanceSubject':
      rows = [
        ['vesselName', subject.vesselName],
        ['imo', subject.imo],
        ['flightNumber', subject.flight],
        ['vehicleRegistration', subject.vehicleRegistration],
      ];
      break;
    default: {
      const words = freeDetails(subject.content);
      rows = [
        [
          'details',
          words !== null ? (
            <p key="details" className="alert-description">
              {words}
            </p>
          ) : (
            <pre key="details">{JSON.stringify(subject.content, null, 2)}</pre>
          ),
        ],
      ];
    }
  }
  return (
    <>
      <dl className="alert-facts alert-subject">
        {rows
          .filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([name, value]) => (
            <div key={name}>
              <dt>
                <FormattedMessage {...subjectWords[name]} />
              </dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {note && <p className="muted">{note}</p>}
    </>
  );
}
