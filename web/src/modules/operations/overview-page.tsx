import { useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { GateChecklist } from './gate-checklist';
import { useOperation } from './operation-context';
import { OverviewFacts } from './overview-facts';
import { PhaseTimeline } from './phase-timeline';
import './overview.css';

const words = defineMessages({
  title: { id: 'overview.title', defaultMessage: 'Overview' },
});

// The first page of the timeline holds the operation's early history, where its phase changes
// are; every event drops it from the cache (lib/urql.ts), so a move made elsewhere shows here.
const OperationOverviewQuery = graphql(`
  query OperationOverview($operationId: ID!) {
    operation(id: $operationId) {
      id
      objectives
      region
      referenceTimeZone
      createdAt
      finalReport
      finalReportRecordedAt
      targetCommodities {
        id
        code
        nameEn
        nameFr
        hsCode
      }
      acknowledgementDeadlines {
        severity
        minutes
      }
      participations {
        id
        status
      }
      members {
        id
      }
      plannedPhases {
        phase
        plannedStartsAt
        plannedEndsAt
        startedAt
        endedAt
      }
      timeline(first: 100) {
        edges {
          node {
            __typename
            cursor
            occurredAt
            actor {
              id
              displayName
              agency {
                id
                name
                acronym
              }
            }
            ... on PhaseAdvancedEvent {
              from
              to
              overridden
              justification
              overriddenCriteria {
                key
              }
            }
          }
        }
      }
    }
  }
`);

export type OverviewOperation = NonNullable<ResultOf<typeof OperationOverviewQuery>['operation']>;

/** The operation at a glance: what it is for, where it stands in its phases, and what the next one needs. */
export function OverviewPage() {
  const intl = useIntl();
  const operation = useOperation();
  useDocumentTitle(intl.formatMessage(words.title), operation.code);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OperationOverviewQuery, variables: { operationId: operation.id } });
  const overview = data?.operation;

  return (
    <div className="overview">
      {overview ? (
        <>
          <OverviewFacts operation={overview} code={operation.code} />
          <PhaseTimeline operation={overview} current={operation.phase} />
        </>
      ) : fetching || !error ? (
        <Skeleton lines={8} />
      ) : (
        <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      <GateChecklist operation={operation} />
    </div>
  );
}
