import { Link } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { severityWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { DateTime, useNow } from '../../ui/time';
import type { OverviewOperation } from './overview-page';

const words = defineMessages({
  heading: { id: 'overview.facts.heading', defaultMessage: 'Key facts' },
  objectives: { id: 'overview.facts.objectives', defaultMessage: 'Objectives' },
  noObjectives: { id: 'overview.facts.noObjectives', defaultMessage: 'No objectives written yet.' },
  region: { id: 'overview.facts.region', defaultMessage: 'Region' },
  noRegion: { id: 'overview.facts.noRegion', defaultMessage: 'No region given.' },
  zone: { id: 'overview.facts.zone', defaultMessage: 'Reference time zone' },
  localTime: { id: 'overview.facts.localTime', defaultMessage: 'Now there: {time}' },
  commodities: { id: 'overview.facts.commodities', defaultMessage: 'Target commodities' },
  commodityCount: {
    id: 'overview.facts.commodityCount',
    defaultMessage: '{count, plural, one {# commodity} other {# commodities}}',
  },
  noCommodities: { id: 'overview.facts.noCommodities', defaultMessage: 'None chosen yet.' },
  hsCode: { id: 'overview.facts.hsCode', defaultMessage: 'HS {code}' },
  deadlines: { id: 'overview.facts.deadlines', defaultMessage: 'Acknowledgement deadlines' },
  deadline: { id: 'overview.facts.deadline', defaultMessage: '{severity}: within {duration}' },
  people: { id: 'overview.facts.people', defaultMessage: 'Taking part' },
  agencies: {
    id: 'overview.facts.agencies',
    defaultMessage: '{count, plural, =0 {No agency has accepted yet} one {# agency has accepted} other {# agencies have accepted}}',
  },
  members: {
    id: 'overview.facts.members',
    defaultMessage: '{count, plural, =0 {no members} one {# member} other {# members}}',
  },
  seeParticipants: { id: 'overview.facts.seeParticipants', defaultMessage: 'See the participants' },
  finalReport: { id: 'overview.facts.finalReport', defaultMessage: 'Final report' },
  finalReportRecorded: { id: 'overview.facts.finalReportRecorded', defaultMessage: 'Recorded on {date}' },
  readFinalReport: { id: 'overview.facts.readFinalReport', defaultMessage: 'Read the final report' },
});

/** "1 hour", "4 hours", "15 minutes": whole hours in hours, the rest in minutes. */
function duration(locale: string, minutes: number): string {
  const inHours = minutes >= 60 && minutes % 60 === 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: inHours ? 'hour' : 'minute', unitDisplay: 'long' }).format(
    inHours ? minutes / 60 : minutes,
  );
}

function ZoneClock({ zone }: { zone: string }) {
  const intl = useIntl();
  const now = useNow();
  const time = new Intl.DateTimeFormat(intl.locale, {
    timeZone: zone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'shortOffset',
  }).format(now);
  return (
    <span className="overview-zone-clock">
      <FormattedMessage {...words.localTime} values={{ time: <time dateTime={new Date(now).toISOString()}>{time}</time> }} />
    </span>
  );
}

export function OverviewFacts({ operation, code }: { operation: OverviewOperation; code: string }) {
  const intl = useIntl();
  const accepted = operation.participations.filter((participation) => participation.status === 'ACCEPTED').length;
  // The catalogue names each commodity in both languages; the page's language decides, so a
  // reader who switches to English does not keep the names of their account's language.
  const nameOf = (commodity: { nameEn: string; nameFr: string }) => (intl.locale.startsWith('fr') ? commodity.nameFr : commodity.nameEn);
  const commodities = operation.targetCommodities
    .map((commodity) => ({ ...commodity, name: nameOf(commodity) }))
    .sort((a, b) => a.name.localeCompare(b.name, intl.locale));
  return (
    <section className="panel overview-facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">
        <FormattedMessage {...words.heading} />
      </h2>
      <dl className="overview-fact-list">
        <div className="overview-fact overview-fact-wide">
          <dt>
            <FormattedMessage {...words.objectives} />
          </dt>
          <dd className="overview-objectives">
            {operation.objectives ?? <span className="muted">{intl.formatMessage(words.noObjectives)}</span>}
          </dd>
        </div>
        <div className="overview-fact">
          <dt>
            <FormattedMessage {...words.region} />
          </dt>
          <dd>{operation.region ?? <span className="muted">{intl.formatMessage(words.noRegion)}</span>}</dd>
        </div>
        <div className="overview-fact">
          <dt>
            <FormattedMessage {...words.zone} />
          </dt>
          <dd>
            <span className="overview-zone-name">{operation.referenceTimeZone}</span>
            <ZoneClock zone={operation.referenceTimeZone} />
          </dd>
        </div>
        <div className="overview-fact">
          <dt>
            <FormattedMessage {...words.people} />
          </dt>
          <dd>
            <span className="overview-figure">{intl.formatMessage(words.agencies, { count: accepted })}</span>
            <span>{intl.formatMessage(words.members, { count: operation.members.length })}</span>
            <Link to="/operations/$code/participants" params={{ code }}>
              <FormattedMessage {...words.seeParticipants} />
            </Link>
          </dd>
        </div>
        <div className="overview-fact">
          <dt>
            <FormattedMessage {...words.deadlines} />
          </dt>
          <dd>
            <ul className="overview-plain-list">
              {operation.acknowledgementDeadlines.map((deadline) => (
                <li key={deadline.severity}>
                  <FormattedMessage
                    {...words.deadline}
                    values={{
                      severity: <strong>{intl.formatMessage(severityWords[deadline.severity])}</strong>,
                      duration: duration(intl.locale, deadline.minutes),
                    }}
                  />
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {operation.finalReportRecordedAt && (
          <div className="overview-fact">
            <dt>
              <FormattedMessage {...words.finalReport} />
            </dt>
            <dd>
              <span>
                <FormattedMessage
                  {...words.finalReportRecorded}
                  values={{ date: <DateTime value={operation.finalReportRecordedAt} referenceZone={operation.referenceTimeZone} /> }}
                />
              </span>
              {operation.finalReport && (
                <details className="overview-final-report">
                  <summary>
                    <FormattedMessage {...words.readFinalReport} />
                  </summary>
                  <p>{operation.finalReport}</p>
                </details>
              )}
            </dd>
          </div>
        )}
        <div className="overview-fact overview-fact-wide">
          <dt>
            <FormattedMessage {...words.commodities} />{' '}
            <span className="muted">({intl.formatMessage(words.commodityCount, { count: commodities.length })})</span>
          </dt>
          <dd>
            {commodities.length ? (
              <ul className="overview-commodities">
                {commodities.map((commodity) => (
                  <li key={commodity.id}>
                    <span>{commodity.name}</span>
                    {commodity.hsCode && (
                      <span className="overview-hs-code">{intl.formatMessage(words.hsCode, { code: commodity.hsCode })}</span>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{intl.formatMessage(words.noCommodities)}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
