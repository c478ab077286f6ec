import { useEffect } from 'react';
import { type Client, useClient, useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/graphql';
import { onResultsChanged, throttled } from '../../../lib/results-changes';

/**
 * The operation's results as the room shows them, in one request: the server reads each side of
 * the results once per request, so the map, the tally and the headline figures share this
 * document (urql sends it once) rather than asking three times. Reports still awaiting
 * verification count: the room is about what is happening now, the debriefing about what was
 * verified. It is asked again when events that change results arrive (lib/operation-event-fields.ts),
 * at most every REFRESH_MS however many arrive (lib/results-changes.ts).
 */
export const RoomResultsQuery = graphql(`
  query RoomResults($operationId: ID!) {
    operationResults(operationId: $operationId, includeUnverified: true) {
      includeUnverified
      totals {
        alertsRaised
        alertsAcknowledged
        alertsOverdue
        medianMinutesToAcknowledge
        seizures
        arrests
        bonusSeizures
      }
      byCountryAndCommodity {
        key
        countryCode
        commodity {
          id
          code
          nameEn
          nameFr
        }
        quantity
        unit
        seizures
      }
      byCountry {
        countryCode
        alertsRaised
        seizures
      }
    }
  }
`);

export type RoomResults = ResultOf<typeof RoomResultsQuery>['operationResults'];
export type CountryCommodityRow = RoomResults['byCountryAndCommodity'][number];

/** How often, at most, the room asks for the results again while events keep coming. */
export const REFRESH_MS = 2_000;

// One refresher per operation however many panels show its results: it asks the server once, the
// answer lands in the cache, and every panel reading the results takes it from there.
const refreshers = new Map<string, { panels: number; stop(): void }>();

function useResultsRefresh(client: Client, operationId: string) {
  useEffect(() => {
    let refresher = refreshers.get(operationId);
    if (!refresher) {
      const refresh = throttled(
        () => void client.query(RoomResultsQuery, { operationId }, { requestPolicy: 'network-only' }).toPromise(),
        REFRESH_MS,
      );
      const unsubscribe = onResultsChanged(operationId, refresh.call);
      refresher = {
        panels: 0,
        stop: () => {
          unsubscribe();
          refresh.cancel();
        },
      };
      refreshers.set(operationId, refresher);
    }
    refresher.panels += 1;
    return () => {
      refresher.panels -= 1;
      if (refresher.panels === 0) {
        refresher.stop();
        refreshers.delete(operationId);
      }
    };
  }, [client, operationId]);
}

export function useRoomResults(operationId: string) {
  const client = useClient();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RoomResultsQuery, variables: { operationId } });
  useResultsRefresh(client, operationId);
  return { results: data?.operationResults ?? null, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
