import { graphql, type ResultOf } from '../../graphql/graphql';

// What the timeline asks of each event: enough to say it in a sentence (names, references,
// quantities), never an id shown to the reader. One fragment per group of events, beside the
// query that pages through them newest first. Fields of one name but another type on two events
// (`reason`, `before`, `check`…) take an alias: GraphQL refuses them side by side otherwise.

const AgencyFields = graphql(`
  fragment TimelineAgency on Agency {
    id
    name
    acronym
    countryCode
  }
`);

const OperationEventFields = graphql(`
  fragment TimelineOperationEvent on OperationEvent {
    ... on OperationUpdatedEvent {
      changed
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
    ... on OperationCommodityAddedEvent {
      commodity {
        id
        code
        nameEn
        nameFr
      }
    }
    ... on ResyncRequiredEvent {
      resyncReason: reason
    }
  }
`);

const ParticipationEventFields = graphql(
  `
    fragment TimelineParticipationEvent on OperationEvent {
      ... on ParticipationChangedEvent {
        statusAfter
        withdrawalReason: reason
        participation {
          id
          role
          agency {
            ...TimelineAgency
          }
        }
      }
      ... on MemberAssignedEvent {
        role
        member {
          id
          role
          user {
            id
            displayName
          }
          agency {
            ...TimelineAgency
          }
        }
      }
      ... on MemberRemovedEvent {
        role
        member {
          id
          role
          user {
            id
            displayName
          }
          agency {
            ...TimelineAgency
          }
        }
      }
    }
  `,
  [AgencyFields],
);

const AlertFields = graphql(`
  fragment TimelineAlert on Alert {
    id
    reference
    title
    severity
    marking
  }
`);

const SeizureFields = graphql(`
  fragment TimelineSeizure on Seizure {
    id
    reference
    quantity
    unit
    commodityDescription
    commodity {
      id
      nameEn
      nameFr
    }
  }
`);

const AlertEventFields = graphql(
  `
    fragment TimelineAlertEvent on OperationEvent {
      ... on AlertRaisedEvent {
        alert {
          ...TimelineAlert
        }
      }
      ... on AlertAcknowledgedEvent {
        alert {
          ...TimelineAlert
        }
        agency {
          ...TimelineAgency
        }
      }
      ... on AlertOverdueEvent {
        level
        alert {
          ...TimelineAlert
        }
        agency {
          ...TimelineAgency
        }
      }
      ... on AlertCommentedEvent {
        alert {
          ...TimelineAlert
        }
      }
      ... on AlertAmendedEvent {
        version
        severityRaised
        alert {
          ...TimelineAlert
        }
      }
      ... on AlertWithdrawnEvent {
        alert {
          ...TimelineAlert
        }
      }
      ... on AlertFeedbackGivenEvent {
        outcome
        alert {
          ...TimelineAlert
        }
      }
      ... on AlertReconciledEvent {
        alert {
          ...TimelineAlert
        }
        seizure {
          ...TimelineSeizure
        }
      }
    }
  `,
  [AlertFields, SeizureFields, AgencyFields],
);

const SeizureEventFields = graphql(
  `
    fragment TimelineSeizureEvent on OperationEvent {
      ... on SeizureReportedEvent {
        seizure {
          ...TimelineSeizure
        }
      }
      ... on SeizureSubmittedEvent {
        seizure {
          ...TimelineSeizure
        }
      }
      ... on SeizureVerifiedEvent {
        seizure {
          ...TimelineSeizure
        }
      }
      ... on SeizureRejectedEvent {
        rejectionReason: reason
        seizure {
          ...TimelineSeizure
        }
      }
      ... on SeizureCorrectedEvent {
        resubmitted
        seizure {
          ...TimelineSeizure
        }
      }
    }
  `,
  [SeizureFields],
);

// `alert` and `seizure` are nullable here and not on other events: they take an alias.
const AttachmentEventFields = graphql(`
  fragment TimelineAttachmentEvent on OperationEvent {
    ... on AttachmentAddedEvent {
      attachment {
        id
        fileName
      }
      attachedToAlert: alert {
        id
        reference
      }
      attachedToSeizure: seizure {
        id
        reference
      }
    }
  }
`);

const CheckEventFields = graphql(`
  fragment TimelineCheckEvent on OperationEvent {
    ... on LicitShipmentsCheckedEvent {
      correction
      shipmentsBefore: before {
        shipments
        quantity
        unit
      }
      shipmentsAfter: after {
        shipments
        quantity
        unit
      }
      shipmentCheck: check {
        id
        checkedOn
        countryCode
        commodity {
          id
          nameEn
          nameFr
        }
      }
    }
    ... on DatabaseChecksRecordedEvent {
      correction
      checksBefore: before {
        checks
        hits
      }
      checksAfter: after {
        checks
        hits
      }
      databaseCheck: check {
        id
        checkedOn
        countryCode
        database
      }
    }
  }
`);

/** Everything the timeline says of one event, for every list of events (the timeline, the room's activity strip). */
export const TimelineEventFields = graphql(
  `
    fragment TimelineEvent on OperationEvent {
      __typename
      cursor
      type
      occurredAt
      actor {
        id
        displayName
        agency {
          ...TimelineAgency
        }
      }
      ...TimelineOperationEvent
      ...TimelineParticipationEvent
      ...TimelineAlertEvent
      ...TimelineSeizureEvent
      ...TimelineCheckEvent
      ...TimelineAttachmentEvent
    }
  `,
  [
    AgencyFields,
    OperationEventFields,
    ParticipationEventFields,
    AlertEventFields,
    SeizureEventFields,
    CheckEventFields,
    AttachmentEventFields,
  ],
);

/** One page of the timeline, newest first; `after` pages back in time. */
export const TimelineQuery = graphql(
  `
    query OperationTimeline($operationId: ID!, $after: String, $typename: String, $agencyId: ID) {
      operation(id: $operationId) {
        id
        timeline(first: 50, after: $after, newestFirst: true, typename: $typename, agencyId: $agencyId) {
          edges {
            cursor
            node {
              ...TimelineEvent
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
  [TimelineEventFields],
);

/** The agencies the reader may narrow the timeline to: those of the operation's participations. */
export const TimelineAgenciesQuery = graphql(
  `
    query OperationTimelineAgencies($operationId: ID!) {
      operation(id: $operationId) {
        id
        participations {
          id
          agency {
            ...TimelineAgency
          }
        }
      }
    }
  `,
  [AgencyFields],
);

type TimelineConnection = NonNullable<ResultOf<typeof TimelineQuery>['operation']>['timeline'];
export type TimelinePageData = TimelineConnection;
export type TimelineEvent = TimelineConnection['edges'][number]['node'];
export type TimelineAgency = ResultOf<typeof AgencyFields>;
export type TimelineActor = NonNullable<TimelineEvent['actor']>;
export type EventOf<Typename extends TimelineEvent['__typename']> = Extract<TimelineEvent, { __typename: Typename }>;
