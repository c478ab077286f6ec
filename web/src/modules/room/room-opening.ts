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
export const feedVariables = (operationCode: string, search: RoomSearch) => ({
  operationCode,
  filter: feedFilterOf(search),
  first: FEED_PAGE,
  after: null,
});

/**
 * Asks the room's first questions (the feed's newest page, the awaiting count, the participants)
 * as the app starts, by the operation's code in the address, and the results once the operation's
 * id is known: on a customs post's link the answers then come while the room's code and the
 * world's shapes are on their way, rather than a round trip (and the server's work) after. Each is
 * the very question the room's panels ask, with the same variables: their own queries find the
 * answer in the cache, or join it in flight. The activity strip, which the room does not wait for,
 * asks for itself.
 */
export function openRoom(client: Client, operationCode: string, search: RoomSearch, operationId: Promise<string | undefined>): void {
  if (search.awaiting !== 'feedback') void client.query(RoomAlertsQuery, feedVariables(operationCode, search)).toPromise();
  void client.query(AwaitingAcknowledgementQuery, { operationCode }).toPromise();
  void client.query(RoomParticipationsQuery, { operationCode }).toPromise();
  void operationId.then((id) => {
    if (!id) return;
    if (search.awaiting === 'feedback')
      void client.query(AwaitingFeedbackQuery, { operationId: id, first: FEED_PAGE, after: null }).toPromise();
    void client.query(RoomResultsQuery, { operationId: id }).toPromise();
  });
}
