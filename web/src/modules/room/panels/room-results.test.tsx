import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { Client, type Exchange, makeResult, type Operation, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { filter, fromValue, makeSubject, mergeMap, pipe, tap } from 'wonka';
import { SessionContext } from '../../../shell/viewer-context';
import { planner } from '../../participants/test-support';
import { HeadlineFigures } from './headline-figures';
import { OPERATION_ID, results } from './panels.test-support';
import { SeizureTally } from './seizure-tally';

// The room's panels show the results the room asked for as it opened, then each set the server
// pushes: one subscription for every panel of the operation, ended when the room closes.

/** A urql client answering the results query, whose subscription the test feeds; every operation it sees. */
function resultsServer() {
  const pushed = makeSubject<ReturnType<typeof results>['operationResults']>();
  const seen: Operation[] = [];
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      tap((operation) => seen.push(operation)),
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) =>
        operation.kind === 'subscription'
          ? pipe(
              pushed.source,
              mergeMap((figures) => fromValue(makeResult(operation, { data: { operationResultsChanged: figures } }))),
            )
          : fromValue(makeResult(operation, { data: results() })),
      ),
    );
  const client = new Client({ url: '/graphql', exchanges: [exchange] });
  return { client, push: pushed.next, seen };
}

function renderRoom(client: Client) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IntlProvider locale="en-GB" defaultLocale="en-GB">
      <SessionContext value={{ viewer: planner, timeZone: planner.timeZone, endSession() {} }}>
        <Provider value={client}>{children}</Provider>
      </SessionContext>
    </IntlProvider>
  );
  return render(
    <>
      <HeadlineFigures operationId={OPERATION_ID} />
      <SeizureTally operationId={OPERATION_ID} />
    </>,
    { wrapper },
  );
}

describe('the results in the room, pushed by the server', () => {
  it('show the answer to the query, then each set pushed, over one subscription for every panel', async () => {
    const server = resultsServer();
    const { unmount } = renderRoom(server.client);
    expect(await screen.findByText('7')).toBeVisible();

    const base = results().operationResults;
    server.push({ ...base, totals: { ...base.totals, seizures: 8 } });
    expect(await screen.findByText('8')).toBeVisible();
    expect(screen.queryByText('7')).toBeNull();
    server.push({ ...base, totals: { ...base.totals, seizures: 9 } });
    expect(await screen.findByText('9')).toBeVisible();

    const subscriptions = server.seen.filter((operation) => operation.kind === 'subscription');
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]!.variables).toEqual({ operationId: OPERATION_ID });
    unmount();
    expect(server.seen.filter((operation) => operation.kind === 'teardown' && operation.key === subscriptions[0]!.key)).toHaveLength(1);
  });
});
