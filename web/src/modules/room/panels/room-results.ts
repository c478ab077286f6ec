import { useQuery, useSubscription } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/graphql';

// What the room shows of the results, asked once and then pushed (below).
const RoomResultsFields = graphql(`
  fragment RoomResultsFields on OperationResults @_unmask {
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
    byCommodity {
      key
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
`);

/**
 * The operation's results as the room shows them, in one request: the server reads each side of
 * the results once per request, so the map, the tally and the headline figures share this
 * document (urql sends it once) rather than asking three times. Reports still awaiting
 * verification count: the room is about what is happening now, the debriefing about what was
 * verified. Asked once, as the room opens (room-opening.ts asks it ahead).
 */
export const RoomResultsQuery = graphql(
  `
  query RoomResults($operationId: ID!) {
    operationResults(operationId: $operationId, includeUnverified: true) {
      ...RoomResultsFields
    }
  }
`,
  [RoomResultsFields],
);

/**
 * The same figures, sent by the server again after the events that change them, at most once a
 * second, and at once on (re)subscribing: the server reads them once a tick per agency for
 * every room watching, where each room asking again would cost it one read per screen.
 */
export const RoomResultsLive = graphql(
  `
  subscription RoomResultsLive($operationId: ID!) {
    operationResultsChanged(operationId: $operationId, includeUnverified: true) {
      ...RoomResultsFields
    }
  }
`,
  [RoomResultsFields],
);

export type RoomResults = ResultOf<typeof RoomResultsQuery>['operationResults'];
export type CommodityRow = RoomResults['byCommodity'][number];

/**
 * The room's results: the server's latest push, else the answer to the query. Every panel calls
 * this with the same document and variables, so urql keeps one subscription per operation.
 */
export function useRoomResults(operationId: string) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RoomResultsQuery, variables: { operationId } });
  const [live] = useSubscription({ query: RoomResultsLive, variables: { operationId } });
  const results: RoomResults | null = live.data?.operationResultsChanged ?? data?.operationResults ?? null;
  return {
    results,
    fetching: fetching && !results,
    error: results ? undefined : error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
