import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql } from '../../../graphql/graphql';
import { defineMessages } from '../../../i18n/define-messages';
import { LoadError, Skeleton } from '../../../ui/page-state';
import { RelativeTime } from '../../../ui/time';
import { describeEvent } from '../../timeline/describe-event';
import { TimelineEventFields } from '../../timeline/timeline-documents';
import { PanelScroll } from './panel-scroll';

const words = defineMessages({
  title: { id: 'room.activity.title', defaultMessage: 'Latest activity' },
  none: { id: 'room.activity.none', defaultMessage: 'Nothing has happened in the operation yet.' },
});

/** How many events the strip shows: the newest, enough to see what just happened without scrolling. */
export const ACTIVITY_LENGTH = 8;

/**
 * The newest events of the operation, as the timeline words them: the timeline's newest page in
 * small, which each event heard live joins on top in the cache (timeline/timeline-cache.ts), so
 * the strip shows its first few.
 */
const RoomActivityQuery = graphql(
  `
    query RoomActivity($operationId: ID!, $first: Int!) {
      operation(id: $operationId) {
        id
        timeline(first: $first, newestFirst: true) {
          edges {
            cursor
            node {
              ...TimelineEvent
            }
          }
        }
      }
    }
  `,
  [TimelineEventFields],
);

/** What just happened in the operation (people, phases, alerts, seizures, comments), newest first, in the reader's words. */
export function ActivityStrip({ operationId, referenceZone }: { operationId: string; referenceZone: string }) {
  const intl = useIntl();
  const headingId = useId();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RoomActivityQuery, variables: { operationId, first: ACTIVITY_LENGTH } });
  const events = data?.operation?.timeline.edges.slice(0, ACTIVITY_LENGTH).map((edge) => edge.node) ?? [];

  return (
    <section className="panel room-panel activity-strip" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} />
      </h2>
      {!data && fetching && <Skeleton lines={3} />}
      {!data && !fetching && error && <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && events.length === 0 && (
        <p className="muted">
          <FormattedMessage {...words.none} />
        </p>
      )}
      {events.length > 0 && (
        <PanelScroll labelledBy={headingId}>
          <ol className="activity-events">
            {events.map((event) => (
              <li key={event.cursor} className="activity-event">
                <span className="activity-sentence">{describeEvent(intl, event).sentence}</span>
                <span className="activity-when">
                  <RelativeTime value={event.occurredAt} referenceZone={referenceZone} />
                </span>
              </li>
            ))}
          </ol>
        </PanelScroll>
      )}
    </section>
  );
}
