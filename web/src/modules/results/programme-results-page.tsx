import { PROGRAMMES } from '@jointops/shared/domain';
import { useParams } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { programmeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { NotFoundPage } from '../../shell/not-found-page';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { figureWords } from './headline-figures';
import { tableWords } from './result-words';
import { ProgrammeResultsQuery } from './results-documents';
import { ResultsSection } from './results-section';
import { rowTable } from './results-tables';
import './results.css';

const words = defineMessages({
  title: { id: 'results.programme.title', defaultMessage: 'Results of {programme}' },
  scope: {
    id: 'results.programme.scope',
    defaultMessage: 'Verified seizure reports of every operation of the programme you take part in; exercises do not count.',
  },
  operations: { id: 'results.programme.operations', defaultMessage: 'Operations counted' },
});

/** A programme's results across its operations: what the coordinating organisations report yearly. */
export function ProgrammeResultsPage() {
  const intl = useIntl();
  const { programme: given } = useParams({ from: '/programmes/$programme/results' });
  const programme = PROGRAMMES.find((candidate) => candidate === given);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProgrammeResultsQuery,
    variables: { programme: programme ?? 'OTHER', includeUnverified: false },
    pause: !programme,
  });
  const name = programme ? intl.formatMessage(programmeWords[programme]) : '';
  useDocumentTitle(intl.formatMessage(words.title, { programme: name }));
  if (!programme) return <NotFoundPage />;
  const results = data?.programmeResults;
  const figures = results
    ? ([
        [words.operations, results.operations],
        [figureWords.seizures, results.seizures],
        [figureWords.arrests, results.arrests],
        [figureWords.bonusSeizures, results.bonusSeizures],
        [figureWords.interpolFollowUps, results.interpolFollowUps],
      ] as const)
    : [];
  return (
    <div className="results-page">
      <h1>
        <FormattedMessage {...words.title} values={{ programme: name }} />
      </h1>
      <p className="muted">
        <FormattedMessage {...words.scope} />
      </p>
      {!results && fetching && <Skeleton lines={4} />}
      {!results && !fetching && error && <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {results && (
        <>
          <dl className="results-figures">
            {figures.map(([label, value]) => (
              <div key={label.id} className="results-figure">
                <dt>{intl.formatMessage(label)}</dt>
                <dd>{intl.formatNumber(value)}</dd>
              </div>
            ))}
          </dl>
          <ResultsSection
            title={intl.formatMessage(tableWords.byCountryAndCommodity)}
            {...rowTable(intl, 'byCountryAndCommodity', results.byCountryAndCommodity)}
          />
        </>
      )}
    </div>
  );
}
