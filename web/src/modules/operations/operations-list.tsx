import type { Phase, Programme } from '@jointops/shared/domain';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { memberRoleWords, phaseWords, programmeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { LoadError, Skeleton } from '../../ui/page-state';
import { DateTime } from '../../ui/time';

const words = defineMessages({
  code: { id: 'operations.list.code', defaultMessage: 'Code' },
  name: { id: 'operations.list.name', defaultMessage: 'Name' },
  phase: { id: 'operations.list.phase', defaultMessage: 'Phase' },
  programme: { id: 'operations.list.programme', defaultMessage: 'Programme' },
  operational: { id: 'operations.list.operational', defaultMessage: 'Operational phase (planned)' },
  role: { id: 'operations.list.role', defaultMessage: 'Your role' },
  exercise: { id: 'operations.list.exercise', defaultMessage: 'Exercise' },
  notPlanned: { id: 'operations.list.notPlanned', defaultMessage: 'Not planned yet' },
  noRole: { id: 'operations.list.noRole', defaultMessage: 'None' },
  showMore: { id: 'operations.list.showMore', defaultMessage: 'Show more' },
  loadingMore: { id: 'operations.list.loadingMore', defaultMessage: 'Loading…' },
});

export const PAGE_SIZE = 25;

export const OperationsQuery = graphql(`
  query Operations($first: Int!, $after: String, $search: String, $phase: Phase, $programme: Programme) {
    operations(first: $first, after: $after, search: $search, phase: $phase, programme: $programme) {
      edges {
        cursor
        node {
          id
          code
          name
          phase
          programme
          exercise
          myRole
          referenceTimeZone
          plannedPhases {
            phase
            plannedStartsAt
            plannedEndsAt
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Page = ResultOf<typeof OperationsQuery>['operations'];
type Row = Page['edges'][number]['node'];
type PageInfo = Page['pageInfo'];

export interface OperationFilters {
  search?: string | undefined;
  phase?: Phase | undefined;
  programme?: Programme | undefined;
}

const variablesOf = (filters: OperationFilters, after: string | null) => ({
  first: PAGE_SIZE,
  after,
  search: filters.search ?? null,
  phase: filters.phase ?? null,
  programme: filters.programme ?? null,
});

/** The table of operations, a page at a time; `empty` is shown instead when the first page has none. */
export function OperationsTable({ filters, empty, label }: { filters: OperationFilters; empty: ReactNode; label: string }) {
  const intl = useIntl();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OperationsQuery, variables: variablesOf(filters, null) });
  // Later pages, each its own query so every page stays live in the cache; their page info comes back up.
  const [cursors, setCursors] = useState<string[]>([]);
  const [pageInfos, setPageInfos] = useState<Record<string, PageInfo>>({});

  if (fetching && !data) return <Skeleton lines={5} />;
  if (!data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (data.operations.edges.length === 0) return <>{empty}</>;

  const lastCursor = cursors.at(-1);
  const last = lastCursor === undefined ? data.operations.pageInfo : pageInfos[lastCursor];
  const report = (cursor: string, info: PageInfo) =>
    setPageInfos((known) => (known[cursor] === info ? known : { ...known, [cursor]: info }));

  return (
    <>
      <div className="table-scroll">
        <table className="operations-table" aria-label={label}>
          <thead>
            <tr>
              {[words.code, words.name, words.phase, words.programme, words.operational, words.role].map((heading) => (
                <th key={heading.id} scope="col">
                  {intl.formatMessage(heading)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.operations.edges.map(({ node }) => (
              <OperationRow key={node.id} operation={node} />
            ))}
          </tbody>
          {cursors.map((cursor) => (
            <LaterPage key={cursor} filters={filters} after={cursor} onPageInfo={(info) => report(cursor, info)} />
          ))}
        </table>
      </div>
      {last?.hasNextPage && last.endCursor && (
        <p className="show-more">
          <button type="button" onClick={() => setCursors((before) => [...before, last.endCursor!])}>
            <FormattedMessage {...words.showMore} />
          </button>
        </p>
      )}
    </>
  );
}

function LaterPage({ filters, after, onPageInfo }: { filters: OperationFilters; after: string; onPageInfo(info: PageInfo): void }) {
  const intl = useIntl();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OperationsQuery, variables: variablesOf(filters, after) });
  const info = data?.operations.pageInfo;
  useEffect(() => {
    if (info) onPageInfo(info);
  }, [info, onPageInfo]);

  if (!data) {
    return (
      <tbody>
        <tr>
          <td colSpan={6}>
            {fetching ? (
              <span role="status">{intl.formatMessage(words.loadingMore)}</span>
            ) : (
              <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
            )}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {data.operations.edges.map(({ node }) => (
        <OperationRow key={node.id} operation={node} />
      ))}
    </tbody>
  );
}

function OperationRow({ operation }: { operation: Row }) {
  const intl = useIntl();
  const operational = operation.plannedPhases.find((plan) => plan.phase === 'OPERATIONAL');
  const zone = operation.referenceTimeZone;
  return (
    <tr>
      <td className="operation-code-cell">
        <Link to="/operations/$code" params={{ code: operation.code }}>
          {operation.code}
        </Link>
      </td>
      <td>
        {operation.name}
        {operation.exercise && (
          <>
            {' '}
            <span className="exercise-badge">{intl.formatMessage(words.exercise)}</span>
          </>
        )}
      </td>
      <td>
        <span className={`phase-badge phase-${operation.phase}`}>{intl.formatMessage(phaseWords[operation.phase])}</span>
      </td>
      <td>{intl.formatMessage(programmeWords[operation.programme])}</td>
      <td>
        {operational?.plannedStartsAt && operational.plannedEndsAt ? (
          <span className="date-range">
            <DateTime value={operational.plannedStartsAt} referenceZone={zone} dateOnly /> –{' '}
            <DateTime value={operational.plannedEndsAt} referenceZone={zone} dateOnly />
          </span>
        ) : (
          <span className="muted">{intl.formatMessage(words.notPlanned)}</span>
        )}
      </td>
      <td>{operation.myRole ? intl.formatMessage(memberRoleWords[operation.myRole]) : intl.formatMessage(words.noRole)}</td>
    </tr>
  );
}
