import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import { operationOf } from './operation-of';

// A query that outruns its budget is answered with a typed error and abandoned: every resolver
// reads the clock before it starts, and once the budget is spent none starts (so no new database
// query does). The clock is read, not only a timer waited for: the embedded database answers
// through promise callbacks only, and a query chaining thousands of them keeps Node's timers
// waiting until it ends.
//
// Abandoned, not aborted. A refused resolver gives a promise that never settles, and the answer
// goes out without waiting for the execution: what was under way is left to be collected. An
// abort (an error thrown through the executor) would leave, in @graphql-tools/executor, the
// promises of list items already started without a handler once a later item throws; their
// rejections, unhandled, end the process. For the same reason the client's own abort signal is
// not handed on: a query whose client went away runs out its budget instead.
//
// Mutations are left alone: one that has begun its transaction must say what it did, or a client
// would retry a change that was made. The cost limit keeps them small.

interface Budget {
  deadline: number;
  spent: boolean;
  stop(): void;
}

/** The budget of each query being executed, by its context (one context per execution). */
const budgets = new WeakMap<object, Budget>();
const guarded = new WeakSet<object>();

const budgetOf = (context: unknown): Budget | undefined =>
  typeof context === 'object' && context !== null ? budgets.get(context) : undefined;

/** Has every field of the schema read the budget before resolving: once per field. */
function guardResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (guarded.has(field)) continue;
      guarded.add(field);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = budgetOf(context);
        if (budget && (budget.spent || performance.now() > budget.deadline)) {
          budget.stop();
          // A fresh promise each time: one shared would keep every abandoned execution's
          // continuations, and so the executions, alive.
          return new Promise<never>(() => undefined);
        }
        return resolve(source, args, context, info);
      };
    }
  }
}

const STOPPED = Symbol('stopped');

export function useTimeBudget(budgetMs: number): Plugin {
  return {
    onSchemaChange({ schema }) {
      guardResolvers(schema);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      if (operationOf(args.document, args.operationName)?.operation !== 'query') return;
      const context = args.contextValue;
      if (typeof context !== 'object' || context === null) return;
      setExecuteFn(async (executionArgs) => {
        let stopped!: () => void;
        const stop = new Promise<typeof STOPPED>((resolve) => {
          stopped = () => resolve(STOPPED);
        });
        const budget: Budget = {
          deadline: performance.now() + budgetMs,
          spent: false,
          stop() {
            budget.spent = true;
            stopped();
          },
        };
        budgets.set(context, budget);
        // For a resolver still waiting at the deadline (one slow statement), when timers get a turn.
        const timer = setTimeout(() => budget.stop(), budgetMs);
        try {
          const outcome = await Promise.race([executeFn({ ...executionArgs, signal: undefined } as typeof executionArgs), stop]);
          if (outcome !== STOPPED) {
            budgets.delete(context);
            return outcome;
          }
          // The spent budget stays with the context: whatever the abandoned execution still
          // completes finds it, and starts nothing.
          // Answered as a result, not thrown: over WebSocket a throw would close the socket (4500).
          const expired = new GraphQLError('The request took too long and was stopped: ask for less at once.', {
            extensions: { code: ERROR_CODES.REQUEST_TIMEOUT, budgetMs },
          });
          return { errors: [expired] };
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
