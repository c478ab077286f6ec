import type { Client as WSClient } from 'graphql-ws';

type Subscribe = WSClient['subscribe'];
type Payload = Parameters<Subscribe>[0];
type Sink = Parameters<Subscribe>[1];
type Result = Parameters<Sink['next']>[0];

// The server ends a live stream by itself in two cases. The viewer's standing changed (a new
// role): the stream delivers the event that says so and ends, to be subscribed again and served
// for the role the viewer now has. Or the viewer lost access (their agency withdrew, they were
// removed): subscribing again is refused. No screen ever asks for either end, and a room whose
// stream ended in silence would go on looking live while alerts no longer reach it. So a stream
// the server completed is subscribed again, from the newest cursor it delivered; one refused ends
// for good, and the screen's own questions then say why.

const FIRST_WAIT_MS = 500;
const MAX_WAIT_MS = 30_000;

/** A result that carries no data, only errors: the server refused the subscription. */
const refusal = (result: Result): boolean => !result.data && !!result.errors?.length;

/**
 * The payload to subscribe again with: a stream that starts `after` a cursor goes on after the
 * newest event it delivered (the root field's `cursor`), rather than replay from where it began.
 */
function continuing(payload: Payload, result: Result): Payload {
  if (payload.variables?.after === undefined || typeof result.data !== 'object' || result.data === null) return payload;
  const [delivered] = Object.values(result.data as Record<string, unknown>);
  const cursor = (delivered as { cursor?: unknown } | null | undefined)?.cursor;
  return typeof cursor === 'string' ? { ...payload, variables: { ...payload.variables, after: cursor } } : payload;
}

/**
 * `subscribe(payload, sink)`, subscribed again each time the server completes it, until it is
 * refused or the caller unsubscribes. Back-to-back ends with nothing delivered in between wait
 * longer each time (0.5 s, doubling, at most 30 s), so a stream that keeps ending cannot spin.
 */
export function resubscribing(subscribe: (payload: Payload, sink: Sink) => () => void, payload: Payload, sink: Sink): () => void {
  let current = payload;
  let unsubscribed = false;
  let refused = false;
  let endsInARow = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | null = null;

  const start = () => {
    refused = false;
    unsubscribe = subscribe(current, {
      next(result) {
        if (refusal(result)) refused = true;
        else endsInARow = 0;
        current = continuing(current, result);
        sink.next(result);
      },
      error(error) {
        sink.error(error);
      },
      complete() {
        if (unsubscribed || refused) {
          sink.complete();
          return;
        }
        timer = setTimeout(start, Math.min(FIRST_WAIT_MS * 2 ** endsInARow, MAX_WAIT_MS));
        endsInARow += 1;
      },
    });
  };

  start();
  return () => {
    unsubscribed = true;
    clearTimeout(timer);
    unsubscribe?.();
  };
}
