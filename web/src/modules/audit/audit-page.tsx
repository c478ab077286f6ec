import { useEffect, useId, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { NotFoundPage } from '../../shell/not-found-page';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { readsAuditTrail, useOperation } from '../operations/operation-context';
import { useNewestFirst } from '../timeline/use-newest-first';
import '../timeline/timeline.css';
import { AuditTrailQuery } from './audit-documents';
import { AuditRow } from './audit-row';

const words = defineMessages({
  title: { id: 'audit.title', defaultMessage: 'Audit trail' },
  intro: {
    id: 'audit.intro',
    defaultMessage: 'Every attempt to change the operation, accepted or refused, newest first: who, what, from where, with which request.',
  },
  caption: { id: 'audit.caption', defaultMessage: 'Attempts to change the operation, newest first' },
  when: { id: 'audit.column.when', defaultMessage: 'When' },
  who: { id: 'audit.column.who', defaultMessage: 'Who' },
  action: { id: 'audit.column.action', defaultMessage: 'Action' },
  target: { id: 'audit.column.target', defaultMessage: 'Target' },
  outcome: { id: 'audit.column.outcome', defaultMessage: 'Outcome' },
  from: { id: 'audit.column.from', defaultMessage: 'From' },
  request: { id: 'audit.column.request', defaultMessage: 'Request id' },
  shown: { id: 'audit.shown', defaultMessage: '{count, plural, one {# entry shown} other {# entries shown}}, newest first' },
  showOlder: { id: 'audit.showOlder', defaultMessage: 'Show older entries' },
  loadingOlder: { id: 'audit.loadingOlder', defaultMessage: 'Loading older entries…' },
  olderFailed: { id: 'audit.olderFailed', defaultMessage: 'The older entries could not be loaded.' },
  beginning: { id: 'audit.beginning', defaultMessage: 'This is the first entry of the trail.' },
  restarted: {
    id: 'audit.restarted',
    defaultMessage: 'Many entries arrived at once, so the table starts again from the newest. Show older entries to go back.',
  },
  empty: { id: 'audit.empty', defaultMessage: 'Nothing has been attempted in this operation yet.' },
  emptyHint: { id: 'audit.emptyHint', defaultMessage: 'Each change to the operation, and each refused attempt, is recorded here.' },
});

/** The operation's audit trail, for its coordinators and reviewers; anyone else finds nothing here. */
export function AuditPage() {
  const operation = useOperation();
  return readsAuditTrail(operation) ? <AuditTrail /> : <NotFoundPage />;
}

function AuditTrail() {
  const intl = useIntl();
  const operation = useOperation();
  const headingId = useId();
  const captionId = useId();
  useDocumentTitle(intl.formatMessage(words.title), operation.code);
  const trail = useNewestFirst(AuditTrailQuery, { operationId: operation.id, after: null }, (data) => data.operation?.auditTrail);
  const { loaded } = trail;
  const firstOfPage = useRef<HTMLTableRowElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: trail.focus changes when a new page is shown, which is when focus moves.
  useEffect(() => firstOfPage.current?.focus(), [trail.focus]);

  let content: ReactNode;
  if (!loaded) {
    content = trail.error ? <LoadError error={trail.error} onRetry={trail.retry} /> : <Skeleton lines={6} />;
  } else if (!loaded.edges.length) {
    content = <EmptyState title={<FormattedMessage {...words.empty} />} hint={<FormattedMessage {...words.emptyHint} />} />;
  } else {
    content = (
      <>
        <p className="muted timeline-count">
          <FormattedMessage {...words.shown} values={{ count: loaded.edges.length }} />
        </p>
        {loaded.restarted && (
          <p className="timeline-restarted" role="status">
            <FormattedMessage {...words.restarted} />
          </p>
        )}
        {/* Focusable, so the table can be scrolled sideways from the keyboard on a narrow screen. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1). */}
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
          <table className="audit-table">
            <caption id={captionId} className="visually-hidden">
              <FormattedMessage {...words.caption} />
            </caption>
            <thead>
              <tr>
                {[words.when, words.who, words.action, words.target, words.outcome, words.from, words.request].map((column) => (
                  <th key={column.id} scope="col">
                    <FormattedMessage {...column} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {loaded.edges.map(({ cursor, node }) => (
                <AuditRow
                  key={cursor}
                  ref={cursor === trail.focus ? firstOfPage : undefined}
                  entry={node}
                  operationCode={operation.code}
                  referenceZone={operation.referenceTimeZone}
                />
              ))}
            </tbody>
          </table>
        </div>
        <div className="timeline-more">
          {trail.olderError && (
            <p className="form-error" role="alert">
              <FormattedMessage {...words.olderFailed} />
            </p>
          )}
          {loaded.hasOlder ? (
            <button type="button" onClick={() => void trail.showOlder()} aria-disabled={trail.loadingOlder || undefined}>
              <FormattedMessage {...(trail.loadingOlder ? words.loadingOlder : words.showOlder)} />
            </button>
          ) : (
            <p className="muted">
              <FormattedMessage {...words.beginning} />
            </p>
          )}
        </div>
      </>
    );
  }

  return (
    <section className="panel audit" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} />
      </h2>
      <p className="muted">
        <FormattedMessage {...words.intro} />
      </p>
      {content}
    </section>
  );
}
