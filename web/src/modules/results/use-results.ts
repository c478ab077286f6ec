import { useQuery, useSubscription } from 'urql';
import { OperationResultsLive, OperationResultsQuery } from './results-documents';

/**
 * The operation's results: asked for as the page opens, then as the server pushes them after the
 * events that change them (`operationResultsChanged`, read once per agency for every open page and
 * room, where each page asking again would cost the server one read per screen).
 */
export function useResults(operationId: string, includeUnverified: boolean) {
  const variables = { operationId, includeUnverified };
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OperationResultsQuery, variables });
  const [live] = useSubscription({ query: OperationResultsLive, variables });
  const results = live.data?.operationResultsChanged ?? data?.operationResults ?? null;
  return {
    results,
    fetching: fetching && !results,
    error: results ? undefined : error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
