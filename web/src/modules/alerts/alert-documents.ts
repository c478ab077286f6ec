import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';

// One fragment for everything the alert's page shows: the detail query reads it, and every write
// on the alert answers with it, so the page shows the alert as the write left it without asking again.

const SubjectFields = graphql(`
  fragment AlertSubjectFields on AlertSubject {
    __typename
    ... on ShipmentSubject {
      containerNumber
      billOfLading
      airWaybill
      hsCode
      consignor
      consignee
      route {
        origin
        transit
        destination
      }
    }
    ... on PassengerSubject {
      travelDocumentCountry
      flightNumber
      route {
        origin
        transit
        destination
      }
    }
    ... on ConveyanceSubject {
      vesselName
      imo
      # Named apart: a passenger's flight number is never null, a conveyance's may be.
      flight: flightNumber
      vehicleRegistration
    }
    ... on FreeSubject {
      content
    }
  }
`);

const PersonFields = graphql(`
  fragment AlertPersonFields on User {
    id
    displayName
    agency {
      id
      name
      acronym
      countryCode
    }
  }
`);

const FeedbackFields = graphql(
  `
  fragment AlertFeedbackFields on AlertFeedback {
    outcome
    note
    givenAt
    supersededAt
    givenBy {
      ...AlertPersonFields
    }
  }
`,
  [PersonFields],
);

export const AlertDetailFields = graphql(
  `
  fragment AlertDetailFields on Alert {
    id
    reference
    category
    severity
    title
    description
    language
    marking
    distribution
    outcome
    version
    raisedAt
    amendedAt
    withdrawnAt
    withdrawalReason
    raisedBy {
      ...AlertPersonFields
    }
    raisedByAgency {
      id
      name
      acronym
      countryCode
    }
    amendedBy {
      ...AlertPersonFields
    }
    withdrawnBy {
      ...AlertPersonFields
    }
    subject {
      ...AlertSubjectFields
    }
    commodities {
      id
      code
      nameEn
      nameFr
    }
    recipients {
      agency {
        id
        name
        acronym
        countryCode
      }
      dueAt
      overdue
      acknowledgedAt
      acknowledgedBy {
        ...AlertPersonFields
      }
      feedback {
        ...AlertFeedbackFields
      }
      feedbackHistory {
        ...AlertFeedbackFields
      }
    }
    comments {
      body
      createdAt
      author {
        ...AlertPersonFields
      }
    }
    versions {
      version
      title
      description
      language
      severity
      madeAt
      supersededAt
      madeBy {
        ...AlertPersonFields
      }
      subject {
        ...AlertSubjectFields
      }
      commodities {
        id
        code
        nameEn
        nameFr
      }
      clearedAcknowledgements {
        acknowledgedAt
        agency {
          id
          name
          acronym
          countryCode
        }
      }
    }
    linkedSeizures {
      id
      reference
      status
      quantity
      unit
      countryCode
      seizedAt
      commodityDescription
      commodity {
        id
        nameEn
        nameFr
      }
      reportingAgency {
        id
        name
        acronym
        countryCode
      }
    }
    attachments {
      id
      fileName
      contentType
      size
      downloadUrl
      uploadedAt
      uploadedBy {
        ...AlertPersonFields
      }
    }
  }
`,
  [PersonFields, SubjectFields, FeedbackFields],
);

export type AlertDetail = ResultOf<typeof AlertDetailFields>;
export type AlertSubjectData = NonNullable<AlertDetail['subject']>;
export type AlertRecipientData = AlertDetail['recipients'][number];
export type AlertFeedbackData = AlertRecipientData['feedbackHistory'][number];
export type AlertVersionData = AlertDetail['versions'][number];

export const AlertDetailQuery = graphql(
  `
  query AlertDetail($alertId: ID!) {
    node(id: $alertId) {
      __typename
      ... on Alert {
        ...AlertDetailFields
      }
    }
  }
`,
  [AlertDetailFields],
);

export const AcknowledgeAlertMutation = graphql(
  `
  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {
    acknowledgeAlert(input: $input) {
      __typename
      ... on Alert {
        ...AlertDetailFields
      }
      ...MutationProblem
    }
  }
`,
  [AlertDetailFields, MutationProblemFields],
);

export const GiveAlertFeedbackMutation = graphql(
  `
  mutation GiveAlertFeedback($input: GiveAlertFeedbackInput!) {
    giveAlertFeedback(input: $input) {
      __typename
      ... on Alert {
        ...AlertDetailFields
      }
      ...MutationProblem
    }
  }
`,
  [AlertDetailFields, MutationProblemFields],
);

export const CommentOnAlertMutation = graphql(
  `
  mutation CommentOnAlert($input: CommentOnAlertInput!) {
    commentOnAlert(input: $input) {
      __typename
      ... on Alert {
        ...AlertDetailFields
      }
      ...MutationProblem
    }
  }
`,
  [AlertDetailFields, MutationProblemFields],
);

export const AmendAlertMutation = graphql(
  `
  mutation AmendAlert($input: AmendAlertInput!) {
    amendAlert(input: $input) {
      __typename
      ... on Alert {
        ...AlertDetailFields
      }
      ...MutationProblem
    }
  }
`,
  [AlertDetailFields, MutationProblemFields],
);

export const WithdrawAlertMutation = graphql(
  `
  mutation WithdrawAlert($input: WithdrawAlertInput!) {
    withdrawAlert(input: $input) {
      __typename
      ... on Alert {
        ...AlertDetailFields
      }
      ...MutationProblem
    }
  }
`,
  [AlertDetailFields, MutationProblemFields],
);

export const RaiseAlertMutation = graphql(
  `
  mutation RaiseAlert($input: RaiseAlertInput!) {
    raiseAlert(input: $input) {
      __typename
      ... on Alert {
        ...AlertDetailFields
      }
      ...MutationProblem
    }
  }
`,
  [AlertDetailFields, MutationProblemFields],
);

export const RaiseAlertOptionsQuery = graphql(`
  query RaiseAlertOptions($operationId: ID!) {
    operation(id: $operationId) {
      id
      commodities {
        id
        code
        nameEn
        nameFr
      }
      participations {
        id
        status
        agency {
          id
          name
          acronym
          countryCode
        }
      }
    }
  }
`);
