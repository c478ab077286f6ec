import { useState } from 'react';
import { alertOf } from '../live/operation-events-document';
import { useOperationEvents } from '../live/use-operation-events';
import type { RoomAlert } from './room-alert-fields';

export interface RoomLive {
  /** Alerts as last told by the stream, by id: newer than any page loaded. */
  patches: ReadonlyMap<string, RoomAlert>;
  /** Bumped when events were lost for good: the feed starts again from the server's pages. */
  generation: number;
  /** When the room last reloaded because events were lost (ResyncRequiredEvent). */
  resyncedAt: number | null;
}

/**
 * The room's side of the stream: each alert event patches its row in place (the first page of
 * each list is asked again by the cache, lib/urql.ts); a `ResyncRequiredEvent` drops everything
 * loaded, so the feed reloads from the server and says so.
 */
export function useRoomLive(operationId: string): RoomLive {
  const [state, setState] = useState<{ patches: Map<string, RoomAlert>; generation: number; resyncedAt: number | null }>({
    patches: new Map(),
    generation: 0,
    resyncedAt: null,
  });
  const patch = (alert: RoomAlert) => setState((before) => ({ ...before, patches: new Map(before.patches).set(alert.id, alert) }));
  useOperationEvents(operationId, (event) => {
    if (event.__typename === 'ResyncRequiredEvent') {
      setState((before) => ({ patches: new Map(), generation: before.generation + 1, resyncedAt: Date.now() }));
      return;
    }
    const alert = alertOf(event);
    if (alert) patch(alert);
  });
  return state;
}
