import { useEffect, useEffectEvent } from 'react';
import { useClient, type Client } from 'urql';
import { onReconnected } from '../../lib/live-socket';
import { localCursorStore } from './event-cursors';
import { setStreamCatchingUp } from './live-state';
import { OperationEventsSubscription, StreamHeadQuery, type OperationEvent } from './operation-events-document';
import { OperationStream, type StreamEvent } from './operation-stream';

// One stream per operation, shared by every component that listens to it (the layout, the
// room's feed, its panels), opened with the first listener and closed with the last.
const streams = new Map<string, { stream: OperationStream; listeners: number }>();

function openStream(client: Client, operationId: string): OperationStream {
  let entry = streams.get(operationId);
  if (!entry) {
    const stream = new OperationStream(operationId, {
      // Through urql, so that each event also reaches the cache's updates (lib/urql.ts).
      subscribe: (after, onEvent, onRefused) => {
        const { unsubscribe } = client.subscription(OperationEventsSubscription, { operationId, after }).subscribe((result) => {
          // An error on the root field itself is the subscription refused. urql lays a later result
          // over the last one, so a refusal after events still carries the last event's data.
          if (result.error?.graphQLErrors.some((error) => error.path?.length === 1)) onRefused();
          else if (result.data?.operationEvents) onEvent(result.data.operationEvents);
        });
        return unsubscribe;
      },
      fetchHead: async () => {
        const result = await client.query(StreamHeadQuery, { operationId }, { requestPolicy: 'network-only' }).toPromise();
        if (result.error) throw result.error;
        return result.data?.operation?.timeline.edges[0]?.cursor ?? null;
      },
      onReconnected,
      cursors: localCursorStore(),
      setCatchingUp: (replaying) => setStreamCatchingUp(operationId, replaying),
    });
    entry = { stream, listeners: 0 };
    streams.set(operationId, entry);
    stream.start();
  }
  entry.listeners += 1;
  return entry.stream;
}

function closeStream(operationId: string): void {
  const entry = streams.get(operationId);
  if (!entry) return;
  entry.listeners -= 1;
  if (entry.listeners > 0) return;
  entry.stream.stop();
  streams.delete(operationId);
}

/**
 * Calls `onEvent` with each event of the operation the viewer may see, in order and once each,
 * from the moment of mounting (and, on a page's first mount, from the last event applied before
 * a reload or a drop). A `ResyncRequiredEvent` means events were lost for good (the cursor was
 * too old): reload what the component shows. `operationId` null: nothing yet.
 *
 *   useOperationEvents(operation.id, (event) => {
 *     if (event.__typename === 'SeizureReportedEvent') bumpTally(event);
 *   });
 *
 * `onRefused`: the server refused the stream, as it does once the viewer's access to the operation
 * ended (their agency withdrew, they were removed); nothing more will come.
 *
 * The connection's state (live, reconnecting, catching up, offline) is `useLiveState()` in live-state.ts.
 */
export function useOperationEvents(operationId: string | null, onEvent: (event: OperationEvent) => void, onRefused?: () => void): void {
  const client = useClient();
  const handle = useEffectEvent((event: StreamEvent) => onEvent(event as OperationEvent));
  const refused = useEffectEvent(() => onRefused?.());
  useEffect(() => {
    if (!operationId) return;
    const stream = openStream(client, operationId);
    const stopListening = stream.listen(handle);
    const stopHearingRefusal = stream.onRefused(refused);
    return () => {
      stopListening();
      stopHearingRefusal();
      closeStream(operationId);
    };
  }, [client, operationId]);
}
