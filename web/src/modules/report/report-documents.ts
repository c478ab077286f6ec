import { graphql, type ResultOf } from '../../graphql/graphql';
import { ResultsFields } from '../results/results-documents';

/** How many verified reports the report looks through for its notable seizures: the newest. */
export const SEIZURES_READ = 200;

// Everything the final report shows, in one request: the operation as planned and run, who took
// part, the verified results (a release publishes nothing unverified) and the report's own text.
export const FinalReportQuery = graphql(
  `
  query FinalReport($code: String!, $operationId: ID!, $seizuresRead: Int!) {
    operationByCode(code: $code) {
      id
      code
      name
      programme
      region
      objectives
      exercise
      referenceTimeZone
      finalReport
      finalReportRecordedAt
      plannedPhases {
        phase
        plannedStartsAt
        plannedEndsAt
        startedAt
        endedAt
      }
      participations {
        id
        role
        status
        agency {
          id
          name
          acronym
          countryCode
          kind
        }
      }
      seizures(first: $seizuresRead, status: VERIFIED) {
        edges {
          node {
            id
            reference
            seizedAt
            countryCode
            place
            quantity
            unit
            commodity {
              id
              code
              nameEn
              nameFr
            }
            commodityDescription
            detectionMethod
            arrests
          }
        }
      }
    }
    operationResults(operationId: $operationId, includeUnverified: false) {
      ...ResultsFields
    }
  }
`,
  [ResultsFields],
);

type Answer = ResultOf<typeof FinalReportQuery>;
export type ReportOperation = NonNullable<Answer['operationByCode']>;
export type ReportSeizure = ReportOperation['seizures']['edges'][number]['node'];
