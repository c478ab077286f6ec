import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';

// The reviewers' queue: the reports submitted and not yet verified or rejected, with the facts a
// reviewer checks before verifying one; and the two decisions on a report.

/** A queue holds a day's reports at most in practice; past this many, the page says how many more wait. */
export const QUEUE_PAGE = 200;

export const ReviewQueueQuery = graphql(`
  query ReviewQueue($operationId: ID!, $first: Int!) {
    operation(id: $operationId) {
      id
      seizures(status: SUBMITTED, first: $first) {
        totalCount
        edges {
          node {
            id
            reference
            status
            seizedAt
            submittedAt
            reportedAt
            quantity
            unit
            place
            countryCode
            locationType
            detectionMethod
            transportMode
            concealment
            commodityDescription
            commodity {
              id
              code
              nameEn
              nameFr
            }
            reportingAgency {
              id
              name
              acronym
            }
            reportedBy {
              id
              displayName
            }
            linkedAlerts {
              id
              reference
              title
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

export type QueuedSeizure = NonNullable<ResultOf<typeof ReviewQueueQuery>['operation']>['seizures']['edges'][number]['node'];

export const VerifySeizureMutation = graphql(
  `
    mutation VerifySeizure($input: VerifySeizureInput!) {
      verifySeizure(input: $input) {
        __typename
        ... on Seizure {
          id
          status
        }
        ...MutationProblem
      }
    }
  `,
  [MutationProblemFields],
);

export const RejectSeizureMutation = graphql(
  `
    mutation RejectSeizure($input: RejectSeizureInput!) {
      rejectSeizure(input: $input) {
        __typename
        ... on Seizure {
          id
          status
        }
        ...MutationProblem
      }
    }
  `,
  [MutationProblemFields],
);
