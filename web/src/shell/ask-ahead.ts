import type { Client } from 'urql';
import { OperationHeaderQuery } from '../modules/operations/operation-context';
import { openRoom } from '../modules/room/room-opening';
import { validateRoomSearch } from '../modules/room/room-search';

const OPERATION_PATH = /^\/operations\/([^/]+)(\/room\/?$)?/;

/**
 * Asks the first questions of the screen the address names as the app starts, beside the question
 * of who is signed in and the screen's chunks, instead of once they have come: on a customs post's
 * link each round trip waited for costs 400 ms or more. Every page of an operation starts from its
 * header (operation-layout.tsx), and the room asks its own beside it (room-opening.ts). The answers
 * wait in the client's cache, or the screens' own queries join them in flight. Signed out, the
 * server refuses them and nothing shows.
 */
export function askAhead(client: Client, location: { pathname: string; search: string }): void {
  const [, code, room] = OPERATION_PATH.exec(location.pathname) ?? [];
  if (!code || code === 'new') return;
  const header = client.query(OperationHeaderQuery, { code: decodeURIComponent(code) }).toPromise();
  if (!room) return;
  const search = validateRoomSearch(Object.fromEntries(new URLSearchParams(location.search)));
  openRoom(
    client,
    decodeURIComponent(code),
    search,
    header.then(({ data }) => data?.operationByCode?.id),
  );
}
