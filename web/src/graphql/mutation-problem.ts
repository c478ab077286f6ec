import { graphql } from './graphql';

// What every mutation of the operations room asks of a refusal: its code and sentence, the fields
// a validation refused, and the phase a phase rule names. The answer's words come from these.
export const MutationProblemFields = graphql(`
  fragment MutationProblem on Error {
    code
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
        key
        min
        max
      }
    }
    ... on PhaseRuleError {
      phase
    }
  }
`);
