import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';

// One fragment for what a seizure's page shows: the detail query reads it and every write on the
// report answers with it, so the page shows the report as the write left it without asking again.

const SeizurePersonFields = graphql(`
  fragment SeizurePersonFields on User {
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

export const SeizureFields = graphql(
  `
  fragment SeizureFields on Seizure {
    id
    reference
    status
    bonus
    seizedAt
    countryCode
    place
    locationType
    latitude
    longitude
    commodity {
      id
      code
      nameEn
      nameFr
      defaultUnit
    }
    commodityDescription
    quantity
    unit
    detectionMethod
    concealment
    transportMode
    conveyance
    originCountryCode
    transitCountryCodes
    destinationCountryCode
    arrests
    arrestsByNationality {
      nationality
      count
    }
    interpolNotifiedAt
    interpolNcb {
      id
      name
      acronym
    }
    interpolNotices {
      type
      reference
    }
    linkedAlerts {
      id
      reference
      title
    }
    attachments {
      id
      fileName
      size
      contentType
      downloadUrl
      uploadedAt
      uploadedBy {
        ...SeizurePersonFields
      }
    }
    reportingAgency {
      id
      name
      acronym
      countryCode
    }
    reportedBy {
      ...SeizurePersonFields
    }
    reportedAt
    submittedAt
    rejectedAt
    rejectedBy {
      ...SeizurePersonFields
    }
    rejectionReason
    verifiedAt
    verifiedBy {
      ...SeizurePersonFields
    }
  }
`,
  [SeizurePersonFields],
);

export type SeizureDetail = ResultOf<typeof SeizureFields>;

export const SeizureListFields = graphql(`
  fragment SeizureListFields on Seizure {
    id
    reference
    status
    seizedAt
    countryCode
    commodity {
      id
      code
      nameEn
      nameFr
    }
    commodityDescription
    quantity
    unit
    detectionMethod
    reportingAgency {
      id
      name
      acronym
    }
  }
`);

export type SeizureRow = ResultOf<typeof SeizureListFields>;

export const OperationSeizuresQuery = graphql(
  `
  query OperationSeizures(
    $operationId: ID!
    $status: SeizureStatus
    $countryCode: String
    $commodityId: ID
    $reportingAgencyId: ID
    $detectionMethod: DetectionMethod
    $first: Int!
    $after: String
  ) {
    operation(id: $operationId) {
      id
      seizures(
        first: $first
        after: $after
        status: $status
        countryCode: $countryCode
        commodityId: $commodityId
        reportingAgencyId: $reportingAgencyId
        detectionMethod: $detectionMethod
      ) {
        totalCount
        edges {
          cursor
          node {
            ...SeizureListFields
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
  [SeizureListFields],
);

export const SeizureQuery = graphql(
  `
  query Seizure($id: ID!) {
    node(id: $id) {
      __typename
      ... on Seizure {
        ...SeizureFields
      }
    }
  }
`,
  [SeizureFields],
);

/** What the outbox asks of a report it sends files to: the files it holds already, and whether it went to the reviewers. */
export const ReportFilesQuery = graphql(`
  query ReportFiles($id: ID!) {
    node(id: $id) {
      __typename
      ... on Seizure {
        id
        status
        attachments {
          id
          sha256
        }
      }
    }
  }
`);

/**
 * The steps of a report's history its fields do not keep: a correction clears the rejection it
 * answers. Read from the operation's timeline (what the viewer may see), one type at a time.
 */
export const SeizureHistoryQuery = graphql(
  `
  query SeizureHistory($operationId: ID!) {
    operation(id: $operationId) {
      id
      rejections: timeline(typename: "SeizureRejectedEvent", newestFirst: true, first: 100) {
        edges {
          node {
            cursor
            occurredAt
            actor {
              ...SeizurePersonFields
            }
            ... on SeizureRejectedEvent {
              reason
              seizure {
                id
              }
            }
          }
        }
      }
      corrections: timeline(typename: "SeizureCorrectedEvent", newestFirst: true, first: 100) {
        edges {
          node {
            cursor
            occurredAt
            actor {
              ...SeizurePersonFields
            }
            ... on SeizureCorrectedEvent {
              resubmitted
              seizure {
                id
              }
            }
          }
        }
      }
    }
  }
`,
  [SeizurePersonFields],
);

/** What the form offers: the operation's catalogue, the alerts the viewer may see, the NCBs taking part. */
export const SeizureFormOptionsQuery = graphql(`
  query SeizureFormOptions($operationId: ID!) {
    operation(id: $operationId) {
      id
      commodities {
        id
        code
        nameEn
        nameFr
        defaultUnit
      }
      alerts(first: 100) {
        edges {
          node {
            id
            reference
            title
          }
        }
      }
      participations {
        id
        status
        agency {
          id
          name
          acronym
          countryCode
          kind
        }
      }
    }
  }
`);

export type SeizureFormOptions = NonNullable<ResultOf<typeof SeizureFormOptionsQuery>['operation']>;

export const ReportSeizureMutation = graphql(
  `
  mutation ReportSeizure($input: ReportSeizureInput!) {
    reportSeizure(input: $input) {
      __typename
      ... on Seizure {
        ...SeizureFields
      }
      ...MutationProblem
    }
  }
`,
  [SeizureFields, MutationProblemFields],
);

export const SubmitSeizureMutation = graphql(
  `
  mutation SubmitSeizure($input: SubmitSeizureInput!) {
    submitSeizure(input: $input) {
      __typename
      ... on Seizure {
        ...SeizureFields
      }
      ...MutationProblem
    }
  }
`,
  [SeizureFields, MutationProblemFields],
);

export const CorrectSeizureMutation = graphql(
  `
  mutation CorrectSeizure($input: CorrectSeizureInput!) {
    correctSeizure(input: $input) {
      __typename
      ... on Seizure {
        ...SeizureFields
      }
      ...MutationProblem
    }
  }
`,
  [SeizureFields, MutationProblemFields],
);
