// A busy operation may take a hundred events in a second: whatever an event makes the page ask
// the server again (a count, a list) is asked at a bounded pace instead.

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
