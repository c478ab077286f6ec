import { graphql, type ResultOf } from '../../graphql/graphql';
import { RoomAlertFields } from '../room/room-alert-fields';
import { TimelineEventFields } from '../timeline/timeline-documents';

// The one subscription every page of an operation shares (see use-operation-events.ts). Each
// event drops the cached fields it may change (lib/urql.ts), and an event about an alert names it
// so that alert's page refreshes too; alert events carry the alert as the room shows it, so the
// feed updates the row without asking again; seizure events carry the report's status, so its
// page and the list show a verification as it happens; every event carries what the timeline says
// of it, so it goes on top of the timeline's newest page held in the cache (the room's activity
// strip, the timeline page) without asking again. A panel that needs more of an event adds it here.
export const OperationEventsSubscription = graphql(
  `
    subscription OperationEvents($operationId: ID!, $after: String) {
      operationEvents(operationId: $operationId, after: $after) {
        __typename
        cursor
        type
        occurredAt
        ...TimelineEvent
        ... on AlertRaisedEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AlertAcknowledgedEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AlertAmendedEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AlertWithdrawnEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AlertFeedbackGivenEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AlertOverdueEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AlertReconciledEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AlertCommentedEvent {
          alert {
            ...RoomAlert
          }
        }
        ... on AttachmentAddedEvent {
          attachedTo: alert {
            id
          }
          seizureAttached: seizure {
            id
          }
        }
        ... on SeizureReportedEvent {
          seizure {
            id
            status
          }
        }
        ... on SeizureSubmittedEvent {
          seizure {
            id
            status
          }
        }
        ... on SeizureVerifiedEvent {
          seizure {
            id
            status
          }
        }
        ... on SeizureRejectedEvent {
          seizure {
            id
            status
          }
        }
        ... on SeizureCorrectedEvent {
          seizure {
            id
            status
          }
        }
        ... on ResyncRequiredEvent {
          reason
        }
      }
    }
  `,
  [RoomAlertFields, TimelineEventFields],
);

export type OperationEvent = ResultOf<typeof OperationEventsSubscription>['operationEvents'];

/** The newest event the viewer may see: where a replay ends. */
export const StreamHeadQuery = graphql(`
  query StreamHead($operationId: ID!) {
    operation(id: $operationId) {
      id
      timeline(newestFirst: true, first: 1) {
        edges {
          cursor
        }
      }
    }
  }
`);

/** The alert an event carries, if it is about one. */
export function alertOf(event: OperationEvent): ResultOf<typeof RoomAlertFields> | null {
  return 'alert' in event && event.alert ? event.alert : null;
}
