import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { programmeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperation } from '../operations/operation-context';
import { type CsvTable, CsvDownload } from './csv-download';
import { HeadlineFigures } from './headline-figures';
import { tableWords } from './result-words';
import type { RowTable } from './results-documents';
import { ResultsSection, type ResultsTableContent } from './results-section';
import { arrestsTable, databaseChecksTable, licitShipmentsTable, outcomesTable, rowTable } from './results-tables';
import { useResults } from './use-results';
import './results.css';

const words = defineMessages({
  title: { id: 'results.title', defaultMessage: 'Results' },
  figures: { id: 'results.figures', defaultMessage: 'Headline figures' },
  includeUnverified: { id: 'results.includeUnverified', defaultMessage: 'Include reports awaiting verification' },
  verifiedOnly: { id: 'results.scope.verified', defaultMessage: 'Verified seizure reports only.' },
  withUnverified: { id: 'results.scope.withUnverified', defaultMessage: 'Verified reports and those awaiting verification.' },
  units: {
    id: 'results.units',
    defaultMessage: 'Quantities are in the base unit of their measure (kg, L, m, pieces); unlike units are never added.',
  },
  live: { id: 'results.live', defaultMessage: 'The figures follow the operation as reports arrive.' },
  seizuresRegister: { id: 'results.seizuresRegister', defaultMessage: 'Every seizure report counted, one per line' },
  report: { id: 'results.report', defaultMessage: 'Final report' },
  programme: { id: 'results.programme', defaultMessage: 'Results across {programme}' },
});

const ROW_TABLES: RowTable[] = ['byCountryAndCommodity', 'byDetectionMethod', 'byTransportMode', 'byCommodityClass', 'bonusByClass'];

/** The operation's results: headline figures, then every table with its chart and its CSV. */
export function ResultsPage() {
  const intl = useIntl();
  const operation = useOperation();
  const search = useSearch({ from: '/operations/$code/results' });
  const navigate = useNavigate({ from: '/operations/$code/results' });
  const includeUnverified = search.unverified === true;
  const { results, fetching, error, retry } = useResults(operation.id, includeUnverified);
  useDocumentTitle(intl.formatMessage(words.title), operation.code);

  const csv = (table: CsvTable) => (headingId: string) => (
    <CsvDownload
      operationId={operation.id}
      operationCode={operation.code}
      includeUnverified={includeUnverified}
      table={table}
      describedBy={headingId}
    />
  );
  const section = (table: CsvTable, content: ResultsTableContent) => (
    <ResultsSection
      key={table}
      title={intl.formatMessage(tableWords[table as keyof typeof tableWords])}
      {...content}
      actions={csv(table)}
    />
  );

  return (
    <div className="results-page">
      <div className="results-toolbar">
        <h2 className="visually-hidden">
          <FormattedMessage {...words.title} />
        </h2>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={includeUnverified}
            aria-checked={includeUnverified}
            onChange={(event) => void navigate({ search: { unverified: event.target.checked ? true : undefined }, replace: true })}
          />
          <FormattedMessage {...words.includeUnverified} />
        </label>
        <Link to="/operations/$code/report" params={{ code: operation.code }} search={{ lang: intl.locale.startsWith('fr') ? 'fr' : 'en' }}>
          <FormattedMessage {...words.report} />
        </Link>
        <Link to="/programmes/$programme/results" params={{ programme: operation.programme }}>
          <FormattedMessage {...words.programme} values={{ programme: intl.formatMessage(programmeWords[operation.programme]) }} />
        </Link>
      </div>
      <p className="muted">
        <FormattedMessage {...(includeUnverified ? words.withUnverified : words.verifiedOnly)} /> <FormattedMessage {...words.units} />{' '}
        <FormattedMessage {...words.live} />
      </p>
      {!results && fetching && <Skeleton lines={6} />}
      {!results && !fetching && error && <LoadError error={error} onRetry={retry} />}
      {results && (
        <>
          <section className="panel results-section" aria-labelledby="results-figures">
            <div className="results-section-head">
              <h2 id="results-figures">
                <FormattedMessage {...words.figures} />
              </h2>
              {csv('totals')('results-figures')}
            </div>
            <HeadlineFigures totals={results.totals} />
          </section>
          {ROW_TABLES.map((table) => section(table, rowTable(intl, table, results[table])))}
          {section('alertOutcomes', outcomesTable(intl, results.alertOutcomes))}
          {section('arrestsByNationality', arrestsTable(intl, results.arrestsByNationality))}
          {section('licitShipmentsChecked', licitShipmentsTable(intl, results.licitShipmentsChecked))}
          {section('databaseChecks', databaseChecksTable(intl, results.databaseChecks))}
          <section className="panel results-section" aria-labelledby="results-seizures">
            <div className="results-section-head">
              <h2 id="results-seizures">
                <FormattedMessage {...words.seizuresRegister} />
              </h2>
              {csv('seizures')('results-seizures')}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
