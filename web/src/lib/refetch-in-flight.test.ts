import { cacheExchange } from '@urql/exchange-graphcache';
import { parse } from 'graphql';
import { Client, type Exchange, makeResult, type Operation, type OperationResult } from 'urql';
import { describe, expect, it } from 'vitest';
import { makeSubject, pipe, subscribe } from 'wonka';
import { refetchInFlight } from './refetch-in-flight';

// Two acceptances a moment apart: the second arrives while the gate's re-read after the first is on
// its way, and the answer that lands was read before the second acceptance.

const GateQuery = parse(`
  query Gate {
    gate {
      id
      met
    }
  }
`);
const AgenciesQuery = parse(`
  query Agencies {
    agencies
  }
`);
const AcceptMutation = parse(`
  mutation Accept {
    accept
  }
`);

/** A server that answers mutations at once and holds each query until the test answers it. */
function held(withRereads: boolean) {
  const queries: Operation[] = [];
  const answers = makeSubject<OperationResult>();
  const server: Exchange = () => (operations$) => {
    pipe(
      operations$,
      subscribe((operation) => {
        if (operation.kind === 'query') queries.push(operation);
        if (operation.kind === 'mutation') queueMicrotask(() => answers.next(makeResult(operation, { data: { accept: true } })));
      }),
    );
    return answers.source;
  };
  const inFlight = refetchInFlight();
  // As an event's update does in lib/urql.ts: drop the field, and say so to the queries in flight.
  const cache = cacheExchange({
    // biome-ignore lint/correctness/noComponentHookFactories: a cache key function named after its type, not a component.
    keys: { Gate: () => 'gate' },
    updates: {
      Mutation: {
        accept: (_result, _args, store) => {
          store.invalidate('Query', 'gate');
          if (withRereads) inFlight.changed(['gate']);
        },
      },
    },
  });
  const client = new Client({ url: '/graphql', exchanges: withRereads ? [cache, inFlight.exchange, server] : [cache, server] });
  const answer = (operation: Operation, data: object) => answers.next(makeResult(operation, { data }));
  return { client, queries, answer };
}

const gate = (met: boolean) => ({ gate: { __typename: 'Gate', id: 'gate', met } });

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a query in flight when an event changes what it shows', () => {
  it.each([
    ['is read again once its answer has landed', true, [false, false, true]],
    ['(without the re-read, the gate keeps the answer read before the second acceptance)', false, [false, false]],
  ])('%s', async (_name, withRereads, reads) => {
    const { client, queries, answer } = held(withRereads);
    const seen: boolean[] = [];
    const { unsubscribe } = client.query(GateQuery, {}).subscribe((result) => {
      const met = (result.data as { gate?: { met: boolean } } | undefined)?.gate?.met;
      if (met !== undefined && !result.stale) seen.push(met);
    });
    await settle();
    answer(queries[0]!, gate(false));
    await settle();

    // The first acceptance: the gate is read again.
    await client.mutation(AcceptMutation, {}).toPromise();
    await settle();
    expect(queries).toHaveLength(2);
    // The second, while that read is in flight; the read then lands, made before the second.
    await client.mutation(AcceptMutation, {}).toPromise();
    await settle();
    answer(queries[1]!, gate(false));
    await settle();

    expect(queries).toHaveLength(withRereads ? 3 : 2);
    if (queries[2]) {
      expect(queries[2].context.requestPolicy).toBe('network-only');
      answer(queries[2], gate(true));
      await settle();
    }
    expect(seen).toEqual(reads);
    unsubscribe();
  });

  it('leaves alone a query in flight that selects none of the changed fields', async () => {
    const { client, queries, answer } = held(true);
    const { unsubscribe } = client.query(AgenciesQuery, {}).subscribe(() => undefined);
    await settle();
    await client.mutation(AcceptMutation, {}).toPromise();
    answer(queries[0]!, { agencies: ['Thai Customs Department'] });
    await settle();
    expect(queries).toHaveLength(1);
    unsubscribe();
  });
});
