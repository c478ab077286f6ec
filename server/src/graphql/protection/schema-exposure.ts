import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// In production nobody is handed a map of the API: no introspection, and no "Did you mean …?"
// in refusals, which would let a caller guess field, type and enum names one typo at a time.
// (graphql-armor's block-field-suggestions misses the enum form, "Did you mean the enum value
// "X"?", and the refusals of variables, which come from execution: this covers all three.)

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions<E extends Error>(error: E): E | GraphQLError {
  if (!(error instanceof GraphQLError)) return error;
  const message = error.message.replace(SUGGESTION, '');
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

export function useSchemaHidden(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map(withoutSuggestions));
      };
    },
    onExecute() {
      // Variables are coerced when the operation runs; graphql 16's enums word their refusal with a
      // suggestion whatever the executor is told, so the answer is cleaned instead.
      return {
        onExecuteDone({ result, setResult }) {
          if ('errors' in result && result.errors) setResult({ ...result, errors: result.errors.map(withoutSuggestions) });
        },
      };
    },
  };
}
