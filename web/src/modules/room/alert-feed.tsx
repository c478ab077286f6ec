import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { useNow } from '../../ui/time';
import { useNewestFirst, type NewestFirst } from '../timeline/use-newest-first';
import { useSession } from '../../shell/viewer-context';
import { actsForAgency } from '../alerts/alert-permissions';
import type { OperationHeader } from '../operations/operation-context';
import { feedAlerts, matchesSearch } from './alert-state';
import { AlertRow } from './alert-row';
import { AwaitingFeedbackQuery, FEED_PAGE, RoomAlertsQuery } from './feed-documents';
import type { RoomAlert } from './room-alert-fields';
import { feedVariables } from './room-opening';
import type { RoomSearch } from './room-search';

const words = defineMessages({
  feed: { id: 'room.feed.label', defaultMessage: 'Alerts, newest first' },
  none: { id: 'room.feed.none', defaultMessage: 'No alert yet in this operation.' },
  noneFiltered: { id: 'room.feed.noneFiltered', defaultMessage: 'No alert matches these filters.' },
  clear: { id: 'room.feed.clear', defaultMessage: 'Show every alert' },
  loadingOlder: { id: 'room.feed.loadingOlder', defaultMessage: 'Loading older alerts…' },
  olderFailed: { id: 'room.feed.olderFailed', defaultMessage: 'Older alerts could not be loaded.' },
  end: { id: 'room.feed.end', defaultMessage: 'This is the first alert of the operation.' },
});

// A row's height before it is measured; rows wrap on a narrow screen and are measured as drawn.
const ESTIMATED_ROW_PX = 96;
// Older alerts are asked for this many rows before the end comes into view, so scrolling never waits.
const PREFETCH_ROWS = 15;

interface FeedProps {
  operation: Pick<OperationHeader, 'id' | 'code' | 'referenceTimeZone' | 'myRole'>;
  search: RoomSearch;
  /** Alerts as the stream or an acknowledgement last told them, newer than the pages loaded. */
  patches: ReadonlyMap<string, RoomAlert>;
  onClearFilters(): void;
}

/** The room's alerts, newest first; the filter "awaiting my feedback" reads another list of the API. */
export function AlertFeed(props: FeedProps) {
  return props.search.awaiting === 'feedback' ? <AwaitingFeedbackFeed {...props} /> : <FilteredFeed {...props} />;
}

function FilteredFeed(props: FeedProps) {
  const { operation, search } = props;
  const feed = useNewestFirst(RoomAlertsQuery, feedVariables(operation.code, search), (data) => data.operationByCode?.alerts);
  const { viewer } = useSession();
  return <AlertList {...props} feed={feed} keep={(alert) => matchesSearch(alert, search, viewer.agency.id)} />;
}

function AwaitingFeedbackFeed(props: FeedProps) {
  const { operation, search } = props;
  const feed = useNewestFirst(
    AwaitingFeedbackQuery,
    { operationId: operation.id, first: FEED_PAGE, after: null },
    (data) => data.awaitingMyFeedback,
  );
  const { viewer } = useSession();
  return <AlertList {...props} feed={feed} keep={(alert) => matchesSearch(alert, search, viewer.agency.id)} />;
}

function AlertList({
  operation,
  search,
  patches,
  onClearFilters,
  feed,
  keep,
}: FeedProps & { feed: NewestFirst<RoomAlert>; keep(alert: RoomAlert): boolean }) {
  const intl = useIntl();
  const ids = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow(15_000);
  const mayAcknowledge = actsForAgency(operation);
  // Worked out again when the pages, the stream or the filters change, not on every frame of a scroll.
  const edges = feed.loaded?.edges;
  const alerts = useMemo(
    () =>
      feedAlerts(
        (edges ?? []).map((edge) => edge.node),
        patches,
        keep,
      ),
    [edges, patches, keep],
  );
  const virtualizer = useVirtualizer({
    count: alerts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
    getItemKey: (index) => alerts[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  const { loaded, showOlder, loadingOlder, olderError } = feed;

  useEffect(() => {
    if (loaded?.hasOlder && !loadingOlder && !olderError && lastShown >= alerts.length - PREFETCH_ROWS) void showOlder();
  }, [loaded, loadingOlder, olderError, lastShown, alerts.length, showOlder]);

  if (!loaded) {
    if (feed.error) return <LoadError error={feed.error} onRetry={feed.retry} />;
    return <Skeleton lines={6} />;
  }
  if (alerts.length === 0 && !loaded.hasOlder) {
    const filtered = !!(search.severity || search.category || search.agency || search.country || search.awaiting);
    return (
      <EmptyState
        title={<FormattedMessage {...(filtered ? words.noneFiltered : words.none)} />}
        action={
          filtered && (
            <button type="button" onClick={onClearFilters}>
              <FormattedMessage {...words.clear} />
            </button>
          )
        }
      />
    );
  }

  return (
    <div ref={scrollRef} className="feed-scroll">
      <div
        role="feed"
        aria-label={intl.formatMessage(words.feed)}
        aria-busy={loadingOlder}
        className="feed-canvas"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const alert = alerts[item.index]!;
          const titleId = `${ids}-${alert.id}`;
          return (
            <article
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-labelledby={titleId}
              aria-posinset={item.index + 1}
              aria-setsize={loaded.hasOlder ? -1 : alerts.length}
              className="feed-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <AlertRow
                alert={alert}
                operationCode={operation.code}
                referenceZone={operation.referenceTimeZone}
                mayAcknowledge={mayAcknowledge}
                now={now}
                titleId={titleId}
              />
            </article>
          );
        })}
      </div>
      <p className="feed-end muted" role="status">
        {loadingOlder ? (
          <FormattedMessage {...words.loadingOlder} />
        ) : olderError ? (
          <FormattedMessage {...words.olderFailed} />
        ) : !loaded.hasOlder ? (
          <FormattedMessage {...words.end} />
        ) : null}
      </p>
    </div>
  );
}
