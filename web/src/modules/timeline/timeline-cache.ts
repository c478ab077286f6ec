import type { Cache } from '@urql/exchange-graphcache';
import { graphql } from '../../graphql/graphql';
import { TimelineEventFields } from './timeline-documents';

// A live event goes into the newest page of the operation's whole timeline where the cache holds
// one (the room's activity strip, the timeline page): every room asking the server for that page
// again after each event would cost the server one read per screen per event.

/** Any newest page of the whole timeline, whatever its size: the field's arguments come as variables. */
const NewestPage = graphql(
  `
    query TimelineNewestPage($operationId: ID!, $first: Int, $newestFirst: Boolean) {
      operation(id: $operationId) {
        id
        timeline(first: $first, newestFirst: $newestFirst) {
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

type FieldArgs = Record<string, unknown> | null;

/** The newest page of every event the viewer may see, unfiltered: the only kind a live event belongs on top of. */
export const isNewestPageOfAll = (args: FieldArgs): boolean =>
  args?.newestFirst === true && Object.keys(args).every((name) => name === 'first' || name === 'newestFirst');

/**
 * Puts `event` (selected with the TimelineEvent fragment) on top of each newest page of the
 * operation's whole timeline in the cache, once. Only for an event heard live: one replayed after
 * a drop may be older than the page's newest, and its place is not known here. A page the cache
 * cannot read whole is dropped instead, so that its screen asks again.
 */
export function takeIntoNewestPages(cache: Cache, operationId: string, event: { cursor: string }): void {
  const entity = { __typename: 'Operation', id: operationId };
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName !== 'timeline' || !isNewestPageOfAll(field.arguments)) continue;
    let taken = false;
    cache.updateQuery({ query: NewestPage, variables: { operationId, ...field.arguments } }, (data) => {
      const page = data?.operation?.timeline;
      if (!data?.operation || !page) return null;
      taken = true;
      if (page.edges.some((edge) => edge.cursor === event.cursor)) return data;
      const edge = { __typename: 'OperationEventEdge' as const, cursor: event.cursor, node: event as (typeof page.edges)[number]['node'] };
      return { ...data, operation: { ...data.operation, timeline: { ...page, edges: [edge, ...page.edges] } } };
    });
    if (!taken) cache.invalidate(entity, 'timeline', field.arguments ?? undefined);
  }
}
