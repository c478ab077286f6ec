import { useEffect } from 'react';
import { useQuery } from 'urql';
import { onResultsChanged, throttled } from '../../lib/results-changes';
import { OperationResultsQuery } from './results-documents';

/** How often, at most, the page asks for the results again while events keep coming. */
export const REFRESH_MS = 2_000;

/**
 * The operation's results, asked again when the operation's stream says they may have changed
 * (lib/results-changes.ts), at most every REFRESH_MS however many events arrive: a busy room
 * would otherwise make each open results page sum every report a hundred times a second.
 */
export function useResults(operationId: string, includeUnverified: boolean) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OperationResultsQuery, variables: { operationId, includeUnverified } });
  useEffect(() => {
    const refresh = throttled(() => reexecute({ requestPolicy: 'network-only' }), REFRESH_MS);
    const unsubscribe = onResultsChanged(operationId, refresh.call);
    return () => {
      unsubscribe();
      refresh.cancel();
    };
  }, [operationId, reexecute]);
  const results = data?.operationResults ?? null;
  return { results, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
