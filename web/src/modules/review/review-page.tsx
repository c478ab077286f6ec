import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { say } from '../../i18n/problems';
import { useSession } from '../../shell/viewer-context';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperationEvents } from '../live/use-operation-events';
import { readsAuditTrail, useOperation } from '../operations/operation-context';
import { QueueRow } from './queue-row';
import { QUEUE_PAGE, ReviewQueueQuery, type QueuedSeizure } from './review-documents';
import { reviewWords } from './review-words';
import { useReviewDecisions, type DecisionOutcome } from './use-review-decisions';
import './review.css';

type Order = 'newest' | 'oldest';

const submittedAt = (seizure: QueuedSeizure) => seizure.submittedAt ?? seizure.reportedAt;
const inOrder = (seizures: QueuedSeizure[], order: Order) =>
  [...seizures].sort((a, b) => (order === 'newest' ? -1 : 1) * submittedAt(a).localeCompare(submittedAt(b)));

/**
 * The reports awaiting verification, kept current by the operation's stream. Every member may see
 * them (a submitted report is the agency's word to the operation); reviewers and coordinators,
 * the server's deciders (seizures.policy.ts), decide on them, never on their own report.
 */
export function ReviewPage() {
  const intl = useIntl();
  const operation = useOperation();
  const { viewer } = useSession();
  const captionId = useId();
  useDocumentTitle(intl.formatMessage(reviewWords.title), operation.code);
  const [order, setOrder] = useState<Order>('newest');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [{ data, error }, reexecute] = useQuery({ query: ReviewQueueQuery, variables: { operationId: operation.id, first: QUEUE_PAGE } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  useOperationEvents(operation.id, (event) => {
    if (event.type.startsWith('SEIZURE_') || event.__typename === 'ResyncRequiredEvent') reload();
  });
  const { decide, outcomes, pending } = useReviewDecisions(reload);
  const reviewer = readsAuditTrail(operation);
  const connection = data?.operation?.seizures;
  const seizures = inOrder(connection?.edges.map((edge) => edge.node) ?? [], order);
  const decidable = reviewer ? seizures.filter((seizure) => seizure.reportedBy.id !== viewer.id) : [];
  const chosen = decidable.filter((seizure) => selected.has(seizure.id));

  const decideOn = async (chosenSeizures: QueuedSeizure[], decision: Parameters<typeof decide>[1]) => {
    await decide(chosenSeizures, decision);
    setSelected((before) => new Set([...before].filter((id) => !chosenSeizures.some((seizure) => seizure.id === id))));
  };
  const select = (id: string, on: boolean) =>
    setSelected((before) => (on ? new Set(before).add(id) : new Set([...before].filter((other) => other !== id))));

  return (
    <section className="review-page" aria-labelledby="review-title">
      <h2 id="review-title">
        <FormattedMessage {...reviewWords.title} />
      </h2>
      <p className="muted">
        <FormattedMessage {...(reviewer ? reviewWords.intro : reviewWords.readOnly)} />
      </p>
      <Outcomes outcomes={outcomes} />
      {!connection ? (
        error ? (
          <LoadError error={error} onRetry={reload} />
        ) : (
          <Skeleton lines={5} />
        )
      ) : !seizures.length ? (
        <EmptyState title={<FormattedMessage {...reviewWords.empty} />} hint={<FormattedMessage {...reviewWords.emptyHint} />} />
      ) : (
        <>
          <div className="toolbar review-toolbar">
            <p className="review-count" role="status">
              <FormattedMessage {...reviewWords.waiting} values={{ count: connection.totalCount }} />
            </p>
            <label>
              <FormattedMessage {...reviewWords.order} />{' '}
              <select value={order} onChange={(event) => setOrder(event.target.value as Order)}>
                <option value="newest">{intl.formatMessage(reviewWords.newestFirst)}</option>
                <option value="oldest">{intl.formatMessage(reviewWords.oldestFirst)}</option>
              </select>
            </label>
            {decidable.length > 0 && (
              <>
                <label className="review-select-all">
                  <input
                    type="checkbox"
                    checked={chosen.length === decidable.length}
                    onChange={(event) => setSelected(event.target.checked ? new Set(decidable.map((seizure) => seizure.id)) : new Set())}
                  />{' '}
                  <FormattedMessage {...reviewWords.selectAll} />
                </label>
                <button
                  type="button"
                  className="primary"
                  disabled={!chosen.length || pending.size > 0}
                  onClick={() => void decideOn(chosen, { kind: 'verify' })}
                >
                  <FormattedMessage {...reviewWords.verifySelected} values={{ count: chosen.length }} />
                </button>
              </>
            )}
          </div>
          {connection.totalCount > seizures.length && (
            <p className="muted">
              <FormattedMessage {...reviewWords.more} values={{ shown: seizures.length, more: connection.totalCount - seizures.length }} />
            </p>
          )}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1). */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="review-table">
              <caption id={captionId} className="visually-hidden">
                <FormattedMessage {...reviewWords.caption} />
              </caption>
              <thead>
                <tr>
                  {reviewer && (
                    <th scope="col">
                      <span className="visually-hidden">
                        <FormattedMessage {...reviewWords.selection} />
                      </span>
                    </th>
                  )}
                  {[reviewWords.report, reviewWords.commodity, reviewWords.where, reviewWords.agency, reviewWords.alerts].map((column) => (
                    <th key={column.id} scope="col">
                      <FormattedMessage {...column} />
                    </th>
                  ))}
                  {reviewer && (
                    <th scope="col">
                      <FormattedMessage {...reviewWords.actions} />
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {seizures.map((seizure) => {
                  const mine = seizure.reportedBy.id === viewer.id;
                  return (
                    <QueueRow
                      key={seizure.id}
                      seizure={seizure}
                      operationCode={operation.code}
                      referenceZone={operation.referenceTimeZone}
                      ownReport={reviewer && mine}
                      review={
                        reviewer && !mine
                          ? {
                              selected: selected.has(seizure.id),
                              pending: pending.has(seizure.id),
                              onSelect: (on) => select(seizure.id, on),
                              onDecide: (decision) => void decideOn([seizure], decision),
                            }
                          : null
                      }
                    />
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Each report of the last decision and what came of it; kept after the decided reports leave the queue. */
function Outcomes({ outcomes }: { outcomes: readonly DecisionOutcome[] }) {
  const intl = useIntl();
  return (
    <div aria-live="polite" className="review-outcomes">
      {outcomes.length > 0 && (
        <>
          <h3 className="visually-hidden">
            <FormattedMessage {...reviewWords.outcomes} />
          </h3>
          <ul>
            {outcomes.map(({ seizureId, reference, decision, problem }) => (
              <li key={seizureId} className={problem ? 'form-error' : 'form-success'}>
                {problem
                  ? intl.formatMessage(reviewWords.refused, { reference, problem: say(intl, problem) })
                  : intl.formatMessage(decision === 'verify' ? reviewWords.verified : reviewWords.rejected, { reference })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
