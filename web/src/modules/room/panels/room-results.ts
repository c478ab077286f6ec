import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/graphql';

/**
 * The operation's results as the room shows them, in one request: the server reads each side of
 * the results once per request, so the map, the tally and the headline figures share this
 * document (urql sends it once) rather than asking three times. Reports still awaiting
 * verification count: the room is about what is happening now, the debriefing about what was
 * verified. It is asked again when an event that changes results arrives (lib/operation-event-fields.ts).
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

export function useRoomResults(operationId: string) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RoomResultsQuery, variables: { operationId } });
  return { results: data?.operationResults ?? null, fetching, error, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
