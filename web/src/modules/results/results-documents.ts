import { graphql, type ResultOf } from '../../graphql/graphql';

// The results page and the final report read the same figures: one document each, every table in
// one request (the server reads each side of the results once per request).

export const ResultRowFields = graphql(`
  fragment ResultRowFields on ResultRow {
    key
    countryCode
    commodity {
      id
      code
      nameEn
      nameFr
    }
    commodityClass
    quantity
    unit
    seizures
    arrests
  }
`);

export const ResultsFields = graphql(
  `
  fragment ResultsFields on OperationResults {
    includeUnverified
    totals {
      seizures
      arrests
      bonusSeizures
      interpolFollowUps
      alertsRaised
      alertsAcknowledged
      alertsOverdue
      medianMinutesToAcknowledge
      alertsWithFeedback
      alertsWithSeizure
      hitRate
      licitShipmentsChecked
      databaseChecks
      databaseHits
    }
    byCountryAndCommodity {
      ...ResultRowFields
    }
    byDetectionMethod {
      ...ResultRowFields
    }
    byTransportMode {
      ...ResultRowFields
    }
    byCommodityClass {
      ...ResultRowFields
    }
    bonusByClass {
      ...ResultRowFields
    }
    alertOutcomes {
      outcome
      count
    }
    arrestsByNationality {
      nationality
      arrests
      seizures
    }
    licitShipmentsChecked {
      countryCode
      shipments
      quantities {
        quantity
        unit
      }
    }
    databaseChecks {
      countryCode
      database
      checks
      hits
    }
  }
`,
  [ResultRowFields],
);

export const OperationResultsQuery = graphql(
  `
  query OperationResults($operationId: ID!, $includeUnverified: Boolean!) {
    operationResults(operationId: $operationId, includeUnverified: $includeUnverified) {
      ...ResultsFields
    }
  }
`,
  [ResultsFields],
);

/** The same figures, pushed by the server after the events that change them (at most once a second). */
export const OperationResultsLive = graphql(
  `
  subscription OperationResultsLive($operationId: ID!, $includeUnverified: Boolean!) {
    operationResultsChanged(operationId: $operationId, includeUnverified: $includeUnverified) {
      ...ResultsFields
    }
  }
`,
  [ResultsFields],
);

export const ResultsCsvQuery = graphql(`
  query ResultsCsv($operationId: ID!, $includeUnverified: Boolean!, $table: ResultsTable!) {
    operationResults(operationId: $operationId, includeUnverified: $includeUnverified) {
      includeUnverified
      csv(table: $table)
    }
  }
`);

export const ProgrammeResultsQuery = graphql(
  `
  query ProgrammeResults($programme: Programme!, $includeUnverified: Boolean!) {
    programmeResults(programme: $programme, includeUnverified: $includeUnverified) {
      programme
      operations
      seizures
      arrests
      bonusSeizures
      interpolFollowUps
      byCountryAndCommodity {
        ...ResultRowFields
      }
    }
  }
`,
  [ResultRowFields],
);

export type Results = ResultOf<typeof ResultsFields>;
export type ResultRow = ResultOf<typeof ResultRowFields>;
export type RowTable = 'byCountryAndCommodity' | 'byDetectionMethod' | 'byTransportMode' | 'byCommodityClass' | 'bonusByClass';
