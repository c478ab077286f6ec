import { GraphQLError, type DefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import { DomainError } from '../domain-errors';
import { auditRefusal, auditUnexpectedFailure } from '../journal/audited';
import type { GraphQLContext } from './context';

const AUTH_CODES = new Set<string>([ERROR_CODES.UNAUTHENTICATED, ERROR_CODES.FORBIDDEN]);

class RefusedByAuthScope extends DomainError {
  constructor(readonly code: typeof ERROR_CODES.UNAUTHENTICATED | typeof ERROR_CODES.FORBIDDEN) {
    super(code === ERROR_CODES.FORBIDDEN ? 'Not allowed' : 'Not signed in');
  }
}

/**
 * A failure no layer expected: not a refusal of the domain, nor an error the GraphQL layer raised
 * on purpose (those carry a code), but a bug or a database that would not store a value.
 */
function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError;
  if (!original) return error.extensions?.code === 'INTERNAL_SERVER_ERROR';
  return !(original instanceof DomainError) && !(original instanceof GraphQLError && original.extensions?.code);
}

/**
 * Mutations refused by an auth scope never reach a service, so the services cannot audit them;
 * this records each such attempt, after execution, with the field that was refused. Unexpected
 * failures outside a service's audited write are recorded here too, as refusals.
 */
export function useAuditOfRefusedMutations(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const isMutation = args.document.definitions.some(
        (definition: DefinitionNode) => definition.kind === 'OperationDefinition' && definition.operation === 'mutation',
      );
      if (!isMutation) return undefined;
      return {
        async onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            if (error.path?.length !== 1) continue;
            if (isUnexpected(error)) {
              await auditUnexpectedFailure(args.contextValue, { action: String(error.path[0]) }, error.originalError ?? error);
              continue;
            }
            const code = error.extensions?.code;
            if (typeof code !== 'string' || !AUTH_CODES.has(code)) continue;
            // A service's own refusal was audited by the service, with more detail.
            if (error.originalError instanceof DomainError) continue;
            await auditRefusal(
              args.contextValue,
              { action: String(error.path[0]) },
              new RefusedByAuthScope(code as typeof ERROR_CODES.FORBIDDEN),
            );
          }
        },
      };
    },
  };
}
