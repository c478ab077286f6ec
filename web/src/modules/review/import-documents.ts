import { graphql } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';

// The import screen's reads and its one write: the catalogue codes a file may name, the empty
// template to download, and the file itself, imported whole or not at all.

export const ImportCatalogueQuery = graphql(`
  query ImportCatalogue($operationId: ID!) {
    operation(id: $operationId) {
      id
      catalogueVersion
      commodities {
        id
        code
      }
    }
  }
`);

export const SeizureTemplateQuery = graphql(`
  query SeizureImportTemplate {
    seizureImportTemplate
  }
`);

export const ImportSeizuresMutation = graphql(
  `
    mutation ImportSeizures($input: ImportSeizuresInput!) {
      importSeizures(input: $input) {
        __typename
        ... on ImportSeizuresSuccess {
          importedCount
          alreadyImportedCount
        }
        ... on ImportRejectedError {
          rowErrors {
            row
            column
            message
          }
        }
        ... on ImportTooLargeError {
          maxBytes
          maxRows
        }
        ...MutationProblem
      }
    }
  `,
  [MutationProblemFields],
);
