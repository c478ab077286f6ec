import { graphql } from '../../graphql/graphql';
import { RoomAlertFields } from './room-alert-fields';

export const FEED_PAGE = 50;

// The room's first questions name the operation by its code, as its address does: they can be
// asked as the app starts, before the operation's id has come (room-opening.ts).

/** The operation's alerts the viewer may see, newest first, a page at a time, narrowed by the filter. */
export const RoomAlertsQuery = graphql(
  `
    query RoomAlerts($operationCode: String!, $filter: AlertFilter, $first: Int!, $after: String) {
      operationByCode(code: $operationCode) {
        id
        alerts(first: $first, after: $after, filter: $filter) {
          edges {
            cursor
            node {
              ...RoomAlert
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  `,
  [RoomAlertFields],
);

/** What the viewer's agency acknowledged in this operation and has not answered yet. */
export const AwaitingFeedbackQuery = graphql(
  `
    query RoomAwaitingFeedback($operationId: ID!, $first: Int!, $after: String) {
      awaitingMyFeedback(operationId: $operationId, first: $first, after: $after) {
        edges {
          cursor
          node {
            ...RoomAlert
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  `,
  [RoomAlertFields],
);

/** How many alerts of the operation wait for the viewer's agency's acknowledgement: counted by the server. */
export const AwaitingAcknowledgementQuery = graphql(`
  query RoomAwaitingAcknowledgement($operationCode: String!) {
    operationByCode(code: $operationCode) {
      id
      awaitingMyAcknowledgementCount {
        alerts
        critical
      }
    }
  }
`);

/**
 * The operation's reference zone and the agencies taking part: one question for the feed's filter
 * by originating agency, the map's countries and the clocks' zones, as they open together.
 */
export const RoomParticipationsQuery = graphql(`
  query RoomParticipations($operationCode: String!) {
    operationByCode(code: $operationCode) {
      id
      referenceTimeZone
      participations {
        id
        status
        agency {
          id
          name
          acronym
          countryCode
          timeZone
        }
      }
    }
  }
`);
