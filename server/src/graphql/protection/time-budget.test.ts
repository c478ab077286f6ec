import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTimeBudget } from './time-budget';

// The budget on a schema small enough to time: `burn` holds the thread past the deadline, `slow`
// answers later with an object whose own field resolves after it.

// Wide enough that a loaded machine (CI runs suites side by side) does not spend it before `burn` starts,
// or on the 5 ms of `slow` alone.
const BUDGET_MS = 100;
let started: string[];

const burn = () => {
  const until = performance.now() + BUDGET_MS * 2;
  while (performance.now() < until);
  return 'burnt';
};

/** A resolver that says it started, then answers. */
const starts =
  <T>(name: string, answer: () => T) =>
  () => {
    started.push(name);
    return answer();
  };

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

const Later = new GraphQLObjectType({
  name: 'Later',
  fields: { value: { type: GraphQLString, resolve: starts('value', () => 'value') } },
});

const required = new GraphQLNonNull(GraphQLString);

/** Items that must all be there: an error in one bubbles up through the list. */
const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    later: { type: required, resolve: starts('later', () => later(5, 'later')) },
    burn: { type: required, resolve: starts('burn', burn) },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      slow: { type: Later, resolve: starts('slow', () => later(5, {})) },
      burn: { type: GraphQLString, resolve: starts('burn', burn) },
      stall: { type: GraphQLString, resolve: starts('stall', () => later(BUDGET_MS * 20, 'stalled')) },
      quick: { type: GraphQLString, resolve: starts('quick', () => 'quick') },
      items: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Item))), resolve: starts('items', () => [{}, {}, {}]) },
    },
  }),
});

const yoga = createYoga({ schema, plugins: [useTimeBudget(BUDGET_MS)], maskedErrors: false, logging: false });

async function ask(query: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

describe('the time budget', () => {
  const unhandled: unknown[] = [];
  const collect = (reason: unknown) => void unhandled.push(reason);
  beforeEach(() => {
    started = [];
    unhandled.length = 0;
    process.on('unhandledRejection', collect);
  });
  afterEach(() => void process.off('unhandledRejection', collect));

  it('starts no resolver after the deadline, answers REQUEST_TIMEOUT, and leaves no rejection unhandled', async () => {
    // `first` is under way (its object's field still to come) when `burn` spends the budget.
    const answer = await ask('{ first: slow { value } burn then: slow { value } last: quick }');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(answer).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'REQUEST_TIMEOUT', budgetMs: BUDGET_MS } })] });
    expect(started).toEqual(['slow', 'burn']);
    expect(unhandled).toEqual([]);
  });

  it('leaves nothing unhandled when the budget runs out between the items of a list', async () => {
    // The first item's `later` is under way when its `burn` spends the budget; the next item's
    // fields must not throw through the list while the first is pending.
    const answer = await ask('{ items { later burn } }');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(answer.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(started).toEqual(['items', 'later', 'burn']);
    expect(unhandled).toEqual([]);
  });

  it('answers at the deadline while one resolver is still waiting, without waiting for it', async () => {
    const asked = performance.now();
    const answer = await ask('{ stall slow { value } }');
    const ms = performance.now() - asked;
    await new Promise((resolve) => setTimeout(resolve, BUDGET_MS * 25));

    expect(answer.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(ms).toBeLessThan(BUDGET_MS * 10);
    expect(started).toEqual(['stall', 'slow', 'value']);
    expect(unhandled).toEqual([]);
  });

  it('leaves a query within its budget alone', async () => {
    expect(await ask('{ quick slow { value } }')).toEqual({ data: { quick: 'quick', slow: { value: 'value' } } });
  });
});
