import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { vi } from 'vitest';
import { fromValue, never } from 'wonka';
import type { Viewer } from '../session/viewer';
import { SessionContext } from '../../shell/viewer-context';
import { OperationContext, type OperationHeader } from '../operations/operation-context';

// The participants page's pieces rendered as a signed-in planner sees them, with urql answering
// from fixed results: queries by the name of their document, mutations from a queue.

export const operation: OperationHeader = {
  id: 'T3BlcmF0aW9uOjE',
  code: 'PGS-TEST-2026-01',
  name: 'Test operation',
  phase: 'OPERATIONAL',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  myRole: 'COORDINATOR',
  referenceTimeZone: 'Asia/Bangkok',
};

export const planner: Viewer = {
  id: 'VXNlcjox',
  email: 'planner@wco.demo',
  displayName: 'Amélie Laurent',
  isAdmin: false,
  locale: 'en',
  timeZone: 'Europe/Brussels',
  agency: {
    id: 'QWdlbmN5Ondjbw',
    name: 'World Customs Organization Secretariat',
    acronym: 'WCO',
    countryCode: null,
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
};

interface Answers {
  queries?: Record<string, unknown>;
  mutations?: unknown[];
}

const operationName = (request: { query: { definitions: readonly { name?: { value: string } }[] } }) =>
  request.query.definitions.find((definition) => definition.name)?.name?.value ?? '';

export function renderWithClient(element: ReactElement, answers: Answers = {}) {
  const queue = [...(answers.mutations ?? [])];
  const executeQuery = vi.fn((request: Parameters<typeof operationName>[0]) =>
    fromValue({ data: answers.queries?.[operationName(request)], hasNext: false, stale: false }),
  );
  const executeMutation = vi.fn(() => fromValue({ data: queue.shift(), hasNext: false, stale: false }));
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn(() => never) } as unknown as Client;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IntlProvider locale="en-GB" defaultLocale="en-GB">
      <Provider value={client}>
        <SessionContext value={{ viewer: planner, timeZone: planner.timeZone, endSession() {} }}>
          <OperationContext value={operation}>{children}</OperationContext>
        </SessionContext>
      </Provider>
    </IntlProvider>
  );
  render(element, { wrapper });
  const sentInputs = () =>
    executeMutation.mock.calls.map((call) => (call as unknown as [{ variables: { input: unknown } }])[0].variables.input);
  return { user: userEvent.setup(), sentInputs };
}
