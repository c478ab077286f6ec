import { GraphQLError, Kind, type SelectionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import type { GraphQLContext } from '../context';
import { operationOf } from './operation-of';
import type { TokenBucket } from './token-bucket';

// Changes per person: each root field of a mutation takes one token from the person's bucket
// (so twenty aliased comments in one request count twenty), all or none. A refused request runs
// no resolver at all, so it changes nothing. Signing in is not counted here: it has a throttle
// of its own, per account and address (modules/accounts).

export function useMutationRate(bucket: TokenBucket): Plugin<GraphQLContext> {
  return {
    // Not async itself: a query or subscription returns at once, and envelop goes on to execute it
    // without waiting a turn for a promise that would hold nothing.
    onExecute({ args, setResultAndStopExecution }) {
      const viewer = (args.contextValue as GraphQLContext).viewer;
      if (!viewer) return;
      const operation = operationOf(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const changes = operation.selectionSet.selections.filter(
        (selection: SelectionNode) => selection.kind !== Kind.FIELD || selection.name.value !== '__typename',
      ).length;
      return bucket.take(viewer.userId, Math.max(1, changes)).then((taken) => {
        if (taken.allowed) return;
        const retryAfterSeconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
        setResultAndStopExecution({
          errors: [
            new GraphQLError('Too many changes in a short time. Wait a moment and try again.', {
              extensions: { code: ERROR_CODES.RATE_LIMITED, retryAfterSeconds },
            }),
          ],
        });
      });
    },
  };
}
