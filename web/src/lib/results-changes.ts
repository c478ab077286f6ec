// The operation's results are sums over every alert and seizure report: an operations room may
// take a hundred alert events in a second, and asking the server for the sums again after each of
// them would cost it a hundred scans of 10,000 alerts. So an event does not drop the results from
// the cache: it says here that they may have changed, and whoever shows them asks again at its
// own pace (see the room's useRoomResults).

type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();

/** An event that may change the results of this operation arrived. */
export function resultsMayHaveChanged(operationId: string): void {
  for (const listener of listeners.get(operationId) ?? []) listener();
}

/** Calls `listener` when an event may have changed the operation's results; returns the unsubscriber. */
export function onResultsChanged(operationId: string, listener: Listener): () => void {
  let forOperation = listeners.get(operationId);
  if (!forOperation) {
    forOperation = new Set();
    listeners.set(operationId, forOperation);
  }
  forOperation.add(listener);
  return () => {
    forOperation.delete(listener);
    if (forOperation.size === 0) listeners.delete(operationId);
  };
}

/**
 * `action` at most once per `intervalMs`: the first call runs it at once (on the next turn, never
 * inside the caller, which may be a cache update), calls during the interval run it once at its end.
 */
export function throttled(action: () => void, intervalMs: number): { call(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const run = () => {
    action();
    timer = setTimeout(() => {
      timer = null;
      if (pending) {
        pending = false;
        run();
      }
    }, intervalMs);
  };
  return {
    call() {
      if (timer) pending = true;
      else timer = setTimeout(run, 0);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = false;
    },
  };
}
