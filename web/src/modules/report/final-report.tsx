import { useIntl } from 'react-intl';
import { programmeWords } from '../../i18n/codes';
import { HeadlineFigures } from '../results/headline-figures';
import { tableWords } from '../results/result-words';
import type { Results, RowTable } from '../results/results-documents';
import { ResultsSection } from '../results/results-section';
import { databaseChecksTable, licitShipmentsTable, outcomesTable, rowTable } from '../results/results-tables';
import { tallyByCommodity } from '../room/panels/seizure-tally-rows';
import { commodityName } from '../../ui/commodity-name';
import { formatQuantity } from '../timeline/event-description';
import { notableSeizures } from './notable-seizures';
import '../results/results.css';
import type { ReportOperation } from './report-documents';
import { Administrations, NotableSeizures, ReportText } from './report-parts';
import { reportWords } from './report-words';

const ROW_TABLES: RowTable[] = ['byCountryAndCommodity', 'byDetectionMethod', 'byTransportMode', 'byCommodityClass', 'bonusByClass'];

interface FinalReportProps {
  operation: ReportOperation;
  results: Results;
  /** When the figures were read: a printed release says as of when. */
  compiledAt: Date;
}

/**
 * The operation's results release, in the shape the WCO and INTERPOL publish theirs: what the
 * operation was, who took part, the headline figures, the tables, notable seizures and the
 * coordinators' report. Rendered in whatever language the IntlProvider around it speaks.
 */
export function FinalReport({ operation, results, compiledAt }: FinalReportProps) {
  const intl = useIntl();
  const zone = operation.referenceTimeZone;
  const day = (value: string | Date) => intl.formatDate(value, { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' });
  const operational = operation.plannedPhases.find((plan) => plan.phase === 'OPERATIONAL');
  const start = operational?.startedAt ?? operational?.plannedStartsAt;
  const end = operational?.endedAt ?? operational?.plannedEndsAt;
  const accepted = operation.participations.filter((participation) => participation.status === 'ACCEPTED');
  const partners = accepted.filter((participation) => participation.agency.kind === 'INTERNATIONAL_ORGANIZATION');
  const administrations = accepted.filter((participation) => participation.agency.kind !== 'INTERNATIONAL_ORGANIZATION');
  const countries = new Set(administrations.map((participation) => participation.agency.countryCode).filter(Boolean));
  const seized = tallyByCommodity(results.byCountryAndCommodity);

  return (
    <article className="final-report" lang={intl.locale.slice(0, 2)}>
      <header className="report-title">
        <p className="report-kind">{intl.formatMessage(reportWords.kind)}</p>
        <p className="report-programme">{intl.formatMessage(programmeWords[operation.programme])}</p>
        <h2>
          {operation.name} <span className="report-code">({operation.code})</span>
        </h2>
        <p>
          {start && end
            ? intl.formatMessage(reportWords.dates, { start: day(start), end: day(end), zone })
            : start
              ? intl.formatMessage(reportWords.datesOpen, { start: day(start), zone })
              : intl.formatMessage(reportWords.datesUnknown)}
        </p>
        {operation.region && <p>{intl.formatMessage(reportWords.region, { region: operation.region })}</p>}
        {operation.exercise && <p className="report-exercise">{intl.formatMessage(reportWords.exercise)}</p>}
      </header>

      <section className="report-block">
        <h3>{intl.formatMessage(reportWords.headline)}</h3>
        <p className="report-lead">
          {intl.formatMessage(reportWords.summary, {
            administrations: administrations.length,
            countries: countries.size,
            seizures: results.totals.seizures,
            arrests: results.totals.arrests,
          })}
        </p>
        {seized.length > 0 && (
          <p>
            {intl.formatMessage(reportWords.seized, {
              list: seized
                .map((row) => {
                  const quantities = row.quantities.map((quantity) => formatQuantity(intl, quantity.quantity, quantity.unit)).join(' + ');
                  const name = row.commodity ? commodityName(intl.locale, row.commodity) : intl.formatMessage(reportWords.otherCommodity);
                  return `${name} ${quantities}`;
                })
                .join(' · '),
            })}
          </p>
        )}
        <HeadlineFigures totals={results.totals} />
      </section>

      {operation.objectives && (
        <section className="report-block">
          <h3>{intl.formatMessage(reportWords.objectives)}</h3>
          <ReportText text={operation.objectives} />
        </section>
      )}

      <section className="report-block">
        <h3>{intl.formatMessage(reportWords.participants)}</h3>
        <Administrations participations={administrations} />
        <h3>{intl.formatMessage(reportWords.partners)}</h3>
        {partners.length > 0 ? <Administrations participations={partners} /> : <p>{intl.formatMessage(reportWords.noPartners)}</p>}
      </section>

      <section className="report-block">
        <h3>{intl.formatMessage(reportWords.notable)}</h3>
        <NotableSeizures seizures={notableSeizures(operation.seizures.edges.map((edge) => edge.node))} timeZone={zone} />
      </section>

      <div className="report-tables">
        <h3>{intl.formatMessage(reportWords.tables)}</h3>
        {ROW_TABLES.map((table) => (
          <ResultsSection
            key={table}
            title={intl.formatMessage(tableWords[table])}
            {...rowTable(intl, table, results[table])}
            chart={false}
            headingLevel={4}
          />
        ))}
        <ResultsSection
          title={intl.formatMessage(reportWords.outcomes)}
          {...outcomesTable(intl, results.alertOutcomes)}
          chart={false}
          headingLevel={4}
        />
        <ResultsSection
          title={intl.formatMessage(tableWords.licitShipmentsChecked)}
          {...licitShipmentsTable(intl, results.licitShipmentsChecked)}
          chart={false}
          headingLevel={4}
        />
        <ResultsSection
          title={intl.formatMessage(tableWords.databaseChecks)}
          {...databaseChecksTable(intl, results.databaseChecks)}
          chart={false}
          headingLevel={4}
        />
      </div>

      <section className="report-block report-text">
        <h3>{intl.formatMessage(reportWords.text)}</h3>
        {operation.finalReport ? (
          <>
            <ReportText text={operation.finalReport} />
            {operation.finalReportRecordedAt && (
              <p className="report-note">{intl.formatMessage(reportWords.recorded, { date: day(operation.finalReportRecordedAt) })}</p>
            )}
          </>
        ) : (
          <p>{intl.formatMessage(reportWords.textMissing)}</p>
        )}
      </section>

      <footer className="report-note">{intl.formatMessage(reportWords.scope, { date: day(compiledAt) })}</footer>
    </article>
  );
}
