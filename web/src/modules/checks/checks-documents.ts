import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';

// The register of checks as its page reads it: every entry the viewer may see (the totals count
// them all), the commodities a licit shipment may be of, and the two writes that keep it.

export const ChecksRegisterQuery = graphql(`
  query ChecksRegister($operationId: ID!) {
    operation(id: $operationId) {
      id
      plannedPhases {
        phase
        startedAt
        endedAt
      }
      commodities {
        id
        code
        nameEn
        nameFr
        defaultUnit
      }
      licitShipmentChecks {
        id
        checkedOn
        shipments
        quantity
        unit
        countryCode
        agency {
          id
          name
          acronym
        }
        commodity {
          id
          code
          nameEn
          nameFr
        }
      }
      databaseChecks {
        id
        checkedOn
        database
        checks
        hits
        countryCode
        agency {
          id
          name
          acronym
        }
      }
    }
  }
`);

export type ChecksRegister = NonNullable<ResultOf<typeof ChecksRegisterQuery>['operation']>;
export type LicitShipmentEntry = ChecksRegister['licitShipmentChecks'][number];
export type DatabaseCheckEntry = ChecksRegister['databaseChecks'][number];

export const RecordLicitShipmentsMutation = graphql(
  `
    mutation RecordLicitShipmentsChecked($input: RecordLicitShipmentsCheckedInput!) {
      recordLicitShipmentsChecked(input: $input) {
        __typename
        ... on LicitShipmentCheck {
          id
        }
        ...MutationProblem
      }
    }
  `,
  [MutationProblemFields],
);

export const RecordDatabaseChecksMutation = graphql(
  `
    mutation RecordDatabaseChecks($input: RecordDatabaseChecksInput!) {
      recordDatabaseChecks(input: $input) {
        __typename
        ... on DatabaseCheck {
          id
        }
        ...MutationProblem
      }
    }
  `,
  [MutationProblemFields],
);
