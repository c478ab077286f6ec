import { useIntl } from 'react-intl';
import { detectionMethodWords } from '../../i18n/codes';
import { countryName } from '../../ui/agency';
import { commodityName } from '../../ui/commodity-name';
import { formatQuantity } from '../timeline/event-description';
import type { ReportOperation, ReportSeizure } from './report-documents';
import { reportWords } from './report-words';

type Participation = ReportOperation['participations'][number];

/** Administrations by country (each country's name in the report's language), then by name. */
export function Administrations({ participations }: { participations: readonly Participation[] }) {
  const { locale } = useIntl();
  const byCountry = new Map<string, Participation['agency'][]>();
  for (const { agency } of participations) {
    const country = agency.countryCode ? countryName(locale, agency.countryCode) : '';
    byCountry.set(country, [...(byCountry.get(country) ?? []), agency]);
  }
  const countries = [...byCountry.keys()].sort((a, b) => a.localeCompare(b, locale));
  return (
    <ul className="report-administrations">
      {countries.map((country) => (
        <li key={country}>
          {country && <strong>{country}: </strong>}
          {byCountry
            .get(country)!
            .map((agency) => (agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name))
            .sort((a, b) => a.localeCompare(b, locale))
            .join('; ')}
        </li>
      ))}
    </ul>
  );
}

export function NotableSeizures({ seizures, timeZone }: { seizures: readonly ReportSeizure[]; timeZone: string }) {
  const intl = useIntl();
  if (seizures.length === 0) return <p>{intl.formatMessage(reportWords.notableNone)}</p>;
  return (
    <ul className="report-notable">
      {seizures.map((seizure) => (
        <li key={seizure.id}>
          {intl.formatMessage(reportWords.notableLine, {
            quantity: formatQuantity(intl, seizure.quantity, seizure.unit),
            commodity: seizure.commodity
              ? commodityName(intl.locale, seizure.commodity)
              : (seizure.commodityDescription ?? intl.formatMessage(reportWords.otherCommodity)),
            place: seizure.place,
            country: countryName(intl.locale, seizure.countryCode),
            date: intl.formatDate(seizure.seizedAt, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }),
          })}{' '}
          {intl.formatMessage(reportWords.method, { method: intl.formatMessage(detectionMethodWords[seizure.detectionMethod]) })}
        </li>
      ))}
    </ul>
  );
}

/** The report's text as its author wrote it: blank lines make paragraphs. */
export function ReportText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a recorded text, never reordered.
          <p key={index} className="report-paragraph">
            {paragraph}
          </p>
        ))}
    </>
  );
}
