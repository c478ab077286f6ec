import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperation } from '../operations/operation-context';
import { useNewestFirst } from '../timeline/use-newest-first';
import { OperationSeizuresQuery } from './seizure-documents';
import { SeizureFilters } from './seizure-filters';
import { mayReport } from './seizure-permissions';
import { filterKey, isFiltered, seizuresFilter, type SeizuresSearch } from './seizure-search';
import { SeizuresTable } from './seizures-table';
import './seizures.css';

const words = defineMessages({
  title: { id: 'seizures.list.title', defaultMessage: 'Seizures' },
  report: { id: 'seizures.list.report', defaultMessage: 'Report a seizure' },
  empty: { id: 'seizures.list.empty', defaultMessage: 'No seizure reported yet.' },
  emptyFiltered: { id: 'seizures.list.emptyFiltered', defaultMessage: 'No report matches these filters.' },
  clearFilters: { id: 'seizures.list.clearFilters', defaultMessage: 'Clear the filters' },
  shown: {
    id: 'seizures.list.shownOfTotal',
    defaultMessage: '{shown, number} of {total, plural, one {# report} other {# reports}} shown, newest first',
  },
  showOlder: { id: 'seizures.list.showOlder', defaultMessage: 'Show older reports' },
  loadingOlder: { id: 'seizures.list.loadingOlder', defaultMessage: 'Loading older reports…' },
  olderFailed: { id: 'seizures.list.olderFailed', defaultMessage: 'The older reports could not be loaded. Try again.' },
  allLoaded: { id: 'seizures.list.allLoaded', defaultMessage: 'Every report is loaded.' },
});

const PAGE_SIZE = 50;

export function SeizuresPage() {
  const intl = useIntl();
  const operation = useOperation();
  const headingId = useId();
  const search = useSearch({ from: '/operations/$code/seizures' });
  const navigate = useNavigate({ from: '/operations/$code/seizures' });
  useDocumentTitle(intl.formatMessage(words.title), operation.code);
  const setFilter = (change: SeizuresSearch) => void navigate({ search: (before) => ({ ...before, ...change }), replace: true });
  return (
    <section className="seizures" aria-labelledby={headingId}>
      <div className="section-heading">
        <h2 id={headingId}>
          <FormattedMessage {...words.title} />
        </h2>
        {mayReport(operation) && (
          <Link to="/operations/$code/seizures/new" params={{ code: operation.code }} className="button primary">
            <FormattedMessage {...words.report} />
          </Link>
        )}
      </div>
      <SeizureFilters operationId={operation.id} search={search} onChange={setFilter} />
      {/* Mounted anew for each set of filters: the pages of one never mix with another's. */}
      <SeizureList
        key={filterKey(search)}
        search={search}
        onClearFilters={() =>
          setFilter({ status: undefined, country: undefined, commodity: undefined, agency: undefined, method: undefined })
        }
      />
    </section>
  );
}

function SeizureList({ search, onClearFilters }: { search: SeizuresSearch; onClearFilters(): void }) {
  const operation = useOperation();
  const variables = { operationId: operation.id, ...seizuresFilter(search), first: PAGE_SIZE, after: null };
  const list = useNewestFirst(OperationSeizuresQuery, variables, (data) => data.operation?.seizures);
  const { loaded } = list;
  if (!loaded) return list.error ? <LoadError error={list.error} onRetry={list.retry} /> : <Skeleton lines={6} />;
  const rows = loaded.edges.map((edge) => edge.node);

  return (
    <>
      {rows.length === 0 ? (
        isFiltered(search) ? (
          <EmptyState
            title={<FormattedMessage {...words.emptyFiltered} />}
            action={
              <button type="button" onClick={onClearFilters}>
                <FormattedMessage {...words.clearFilters} />
              </button>
            }
          />
        ) : (
          <EmptyState title={<FormattedMessage {...words.empty} />} />
        )
      ) : (
        <>
          <p className="muted">
            <FormattedMessage {...words.shown} values={{ shown: rows.length, total: list.totalCount ?? rows.length }} />
          </p>
          <SeizuresTable rows={rows} referenceZone={operation.referenceTimeZone} />
        </>
      )}
      <div className="seizures-more">
        {list.olderError && (
          <p className="form-error" role="alert">
            <FormattedMessage {...words.olderFailed} />
          </p>
        )}
        {loaded.hasOlder ? (
          <button type="button" onClick={() => void list.showOlder()} aria-disabled={list.loadingOlder || undefined}>
            <FormattedMessage {...(list.loadingOlder ? words.loadingOlder : words.showOlder)} />
          </button>
        ) : (
          loaded.edges.length > 0 && (
            <p className="muted">
              <FormattedMessage {...words.allLoaded} />
            </p>
          )
        )}
      </div>
    </>
  );
}
