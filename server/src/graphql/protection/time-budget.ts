import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import { operationOf } from './operation-of';

// A query that outruns its budget is answered with a typed error and abandoned: the executor
// checks the signal before every field it resolves, so no new resolver (and no new database
// query) starts once the budget is spent. Resolvers already waiting finish on their own, their
// results unread.
//
// Mutations are left alone: one that has begun its transaction must say what it did, or a client
// would retry a change that was made. The cost limit keeps them small.

/**
 * A signal that also aborts when read past its deadline. A timer alone is not enough: the
 * embedded database answers through promise callbacks only, and a query chaining thousands of
 * them keeps Node's timers (and every other request) waiting until it ends; the executor's own
 * checks of the signal still run, and stop it there.
 */
function deadlineSignal(controller: AbortController, deadline: number, reason: GraphQLError): AbortSignal {
  const signal = controller.signal;
  return new Proxy(signal, {
    get(target, property) {
      if ((property === 'aborted' || property === 'throwIfAborted') && !target.aborted && performance.now() > deadline) {
        controller.abort(reason);
      }
      const value: unknown = Reflect.get(target, property, target);
      // AbortSignal's methods work on the real signal only.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function useTimeBudget(budgetMs: number): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (operationOf(args.document, args.operationName)?.operation !== 'query') return;
      setExecuteFn(async (executionArgs) => {
        const expired = new GraphQLError('The request took too long and was stopped: ask for less at once.', {
          extensions: { code: ERROR_CODES.REQUEST_TIMEOUT, budgetMs },
        });
        const budget = new AbortController();
        // The executor takes a signal (graphql-tools' executor, which yoga uses) though graphql-js's types do not say so.
        const given = (executionArgs as { signal?: AbortSignal }).signal;
        given?.addEventListener('abort', () => budget.abort(given.reason), { once: true });
        const timer = setTimeout(() => budget.abort(expired), budgetMs);
        try {
          const signal = deadlineSignal(budget, performance.now() + budgetMs, expired);
          return await executeFn({ ...executionArgs, signal } as typeof executionArgs);
        } catch (error) {
          // Answered as a result, not thrown: over WebSocket a throw would close the socket (4500).
          if (error === expired) return { errors: [expired] };
          throw error;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
