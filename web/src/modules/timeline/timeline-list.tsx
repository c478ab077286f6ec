import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { TimelineQuery } from './timeline-documents';
import { TimelineItem } from './timeline-item';
import { useNewestFirst } from './use-newest-first';

const words = defineMessages({
  list: { id: 'timeline.list.label', defaultMessage: 'Events, newest first' },
  shown: { id: 'timeline.list.shown', defaultMessage: '{count, plural, one {# event shown} other {# events shown}}, newest first' },
  showOlder: { id: 'timeline.showOlder', defaultMessage: 'Show older events' },
  loadingOlder: { id: 'timeline.loadingOlder', defaultMessage: 'Loading older events…' },
  olderFailed: { id: 'timeline.olderFailed', defaultMessage: 'The older events could not be loaded.' },
  beginning: { id: 'timeline.beginning', defaultMessage: 'This is the beginning of the timeline.' },
  arrived: { id: 'timeline.arrived', defaultMessage: '{count, plural, one {# new event at the top} other {# new events at the top}}' },
  restarted: {
    id: 'timeline.restarted',
    defaultMessage: 'Many events arrived at once, so the list starts again from the newest. Show older events to go back.',
  },
  empty: { id: 'timeline.empty', defaultMessage: 'Nothing has happened in this operation yet.' },
  emptyHint: { id: 'timeline.emptyHint', defaultMessage: 'Invitations, phase changes, alerts and seizures appear here as they happen.' },
  emptyFiltered: { id: 'timeline.emptyFiltered', defaultMessage: 'No event matches these filters.' },
  emptyFilteredHint: { id: 'timeline.emptyFilteredHint', defaultMessage: 'Choose another event type or agency, or show every event.' },
  clearFilters: { id: 'timeline.clearFilters', defaultMessage: 'Show every event' },
});

interface TimelineListProps {
  operationId: string;
  referenceZone: string;
  typename: string | undefined;
  agencyId: string | undefined;
  onClearFilters(): void;
}

/**
 * The events newest first. The newest page is live (each event of the operation makes urql ask
 * for it again); older pages are added below on request and kept as new events come on top.
 * Mounted anew for each filter, so a filter never mixes with the pages of another.
 */
export function TimelineList({ operationId, referenceZone, typename, agencyId, onClearFilters }: TimelineListProps) {
  const intl = useIntl();
  const variables = { operationId, after: null, typename: typename ?? null, agencyId: agencyId ?? null };
  const list = useNewestFirst(TimelineQuery, variables, (data) => data.operation?.timeline);
  const { loaded } = list;

  if (!loaded) {
    if (list.error) return <LoadError error={list.error} onRetry={list.retry} />;
    return list.fetching ? <Skeleton lines={6} /> : <EmptyState title={<FormattedMessage {...words.empty} />} />;
  }
  if (!loaded.edges.length) {
    const filtered = !!typename || !!agencyId;
    return filtered ? (
      <EmptyState
        title={<FormattedMessage {...words.emptyFiltered} />}
        hint={<FormattedMessage {...words.emptyFilteredHint} />}
        action={
          <button type="button" onClick={onClearFilters}>
            <FormattedMessage {...words.clearFilters} />
          </button>
        }
      />
    ) : (
      <EmptyState title={<FormattedMessage {...words.empty} />} hint={<FormattedMessage {...words.emptyHint} />} />
    );
  }

  return (
    <>
      <p className="muted timeline-count">
        <FormattedMessage {...words.shown} values={{ count: loaded.edges.length }} />
      </p>
      <p className="visually-hidden" role="status">
        {loaded.arrived > 0 && intl.formatMessage(words.arrived, { count: loaded.arrived })}
      </p>
      {loaded.restarted && (
        <p className="timeline-restarted" role="status">
          <FormattedMessage {...words.restarted} />
        </p>
      )}
      <ol className="timeline-list" aria-label={intl.formatMessage(words.list)}>
        {loaded.edges.map(({ cursor, node }) => (
          <TimelineItem key={cursor} event={node} referenceZone={referenceZone} focus={cursor === list.focus} />
        ))}
      </ol>
      <div className="timeline-more">
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
          <p className="muted">
            <FormattedMessage {...words.beginning} />
          </p>
        )}
      </div>
    </>
  );
}
