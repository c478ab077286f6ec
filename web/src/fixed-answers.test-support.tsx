import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { createRequest, Provider, type AnyVariables, type Client, type DocumentInput, type GraphQLRequest } from 'urql';
import { vi } from 'vitest';
import { fromValue, never, pipe, take, toPromise } from 'wonka';

// For component tests: urql answering from fixed results, queries by the name of their document,
// mutations one after the other from a queue.

export interface Answers {
  queries?: Record<string, unknown>;
  mutations?: unknown[];
}

const operationName = (request: { query: { definitions: readonly { name?: { value: string } }[] } }) =>
  request.query.definitions.find((definition) => definition.name)?.name?.value ?? '';

/**
 * Renders `element` in English with the fixed answers, inside `around` (the contexts a page needs);
 * gives a user to act with and the inputs the mutations were sent.
 */
export function renderAnswered(
  element: ReactElement,
  answers: Answers = {},
  around: (children: ReactNode) => ReactNode = (children) => children,
) {
  const queue = [...(answers.mutations ?? [])];
  const executeQuery = vi.fn((request: Parameters<typeof operationName>[0]) =>
    fromValue({ data: answers.queries?.[operationName(request)], hasNext: false, stale: false }),
  );
  const executeMutation = vi.fn((_request: GraphQLRequest) => fromValue({ data: queue.shift(), hasNext: false, stale: false }));
  // `client.mutation` is how writes sent outside a component (the outbox) call it: the same queue.
  const mutation = (query: DocumentInput, variables: AnyVariables) => ({
    toPromise: () => pipe(executeMutation(createRequest(query, variables)), take(1), toPromise),
  });
  const client = { executeQuery, executeMutation, mutation, executeSubscription: vi.fn(() => never) } as unknown as Client;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IntlProvider locale="en-GB" defaultLocale="en-GB">
      <Provider value={client}>{around(children)}</Provider>
    </IntlProvider>
  );
  render(element, { wrapper });
  const sentInputs = () =>
    executeMutation.mock.calls.map((call) => (call as unknown as [{ variables: { input: unknown } }])[0].variables.input);
  /** The variables each query named `name` was sent with, in order. */
  const queriedWith = (name: string) =>
    executeQuery.mock.calls
      .map((call) => (call as unknown as [GraphQLRequest])[0])
      .filter((request) => operationName(request as never) === name)
      .map((request) => request.variables);
  // No pause between keys: typing stays a few milliseconds however loaded the machine is.
  return { user: userEvent.setup({ delay: null }), sentInputs, queriedWith };
}
