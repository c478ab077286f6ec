import type { Client } from 'urql';
import { AwaitingAcknowledgementQuery, AwaitingFeedbackQuery, FEED_PAGE, RoomAlertsQuery, RoomParticipationsQuery } from './feed-documents';
import { RoomResultsQuery } from './panels/room-results';
import type { RoomSearch } from './room-search';

/** The feed's filter in the API's words, from the room's address. */
export const feedFilterOf = (search: RoomSearch) => ({
  ...(search.severity ? { severity: search.severity } : {}),
  ...(search.category ? { category: search.category } : {}),
  ...(search.agency ? { raisedByAgencyId: search.agency } : {}),
  ...(search.country ? { raisedInCountry: search.country } : {}),
  ...(search.awaiting === 'acknowledgement' ? { acknowledgement: 'AWAITING' as const } : {}),
});

/** The newest page of the feed: the same variables wherever it is asked, so that urql sends it once. */
export const feedVariables = (operationId: string, search: RoomSearch) => ({
  operationId,
  filter: feedFilterOf(search),
  first: FEED_PAGE,
  after: null,
});

/**
 * Asks the room's first questions (the feed's newest page, the awaiting count, the participants,
 * the results) as soon as the operation's id is known, while the room's code and the world's
 * shapes are still on their way: on a customs post's link the answers then come beside them rather
 * than a round trip (and the server's work) after. Each is the very question the room's panels ask,
 * with the same variables: their own queries find the answer in the cache, or join it in flight.
 * The activity strip, which the room does not wait for, asks for itself.
 */
export function openRoom(client: Client, operationId: string, search: RoomSearch): void {
  void (
    search.awaiting === 'feedback'
      ? client.query(AwaitingFeedbackQuery, { operationId, first: FEED_PAGE, after: null })
      : client.query(RoomAlertsQuery, feedVariables(operationId, search))
  ).toPromise();
  void client.query(AwaitingAcknowledgementQuery, { operationId }).toPromise();
  void client.query(RoomParticipationsQuery, { operationId }).toPromise();
  void client.query(RoomResultsQuery, { operationId }).toPromise();
}
