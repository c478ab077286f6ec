import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { type Client, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { resultsMayHaveChanged } from '../../../lib/results-changes';
import { SessionContext } from '../../../shell/viewer-context';
import { planner } from '../../participants/test-support';
import { HeadlineFigures } from './headline-figures';
import { OPERATION_ID, results } from './panels.test-support';
import { REFRESH_MS } from './room-results';
import { SeizureTally } from './seizure-tally';

// Three panels show the results; a burst of events asks the server for them once, then once more
// when the burst is over, never once per event and panel.

describe('the results in the room, refreshed by events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are asked for once per interval whatever the number of events and panels', () => {
    const query = vi.fn(() => ({ toPromise: () => Promise.resolve({}) }));
    const client = {
      executeQuery: vi.fn(() => fromValue({ data: results(), hasNext: false, stale: false })),
      executeSubscription: vi.fn(() => never),
      query,
    } as unknown as Client;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <IntlProvider locale="en-GB" defaultLocale="en-GB">
        <SessionContext value={{ viewer: planner, timeZone: planner.timeZone, endSession() {} }}>
          <Provider value={client}>{children}</Provider>
        </SessionContext>
      </IntlProvider>
    );
    const { unmount } = render(
      <>
        <HeadlineFigures operationId={OPERATION_ID} />
        <SeizureTally operationId={OPERATION_ID} />
      </>,
      { wrapper },
    );

    for (let event = 0; event < 100; event += 1) {
      resultsMayHaveChanged(OPERATION_ID);
      vi.advanceTimersByTime(10);
    }
    expect(query).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(REFRESH_MS);
    expect(query).toHaveBeenCalledTimes(2);
    expect(query).toHaveBeenLastCalledWith(expect.anything(), { operationId: OPERATION_ID }, { requestPolicy: 'network-only' });

    resultsMayHaveChanged('another operation');
    vi.advanceTimersByTime(REFRESH_MS);
    expect(query).toHaveBeenCalledTimes(2);

    unmount();
    resultsMayHaveChanged(OPERATION_ID);
    vi.advanceTimersByTime(REFRESH_MS);
    expect(query).toHaveBeenCalledTimes(2);
  });
});
