import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from './throttled';

// A hundred alert events in a second must not mean a hundred requests for the same count.

describe('an action asked again at a bounded pace', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once on the next turn, then once at the end of a busy interval, and at once again when idle', () => {
    const action = vi.fn();
    const refresh = throttled(action, 2_000);
    refresh.call();
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(action).toHaveBeenCalledTimes(1);
    for (let event = 0; event < 100; event += 1) {
      refresh.call();
      vi.advanceTimersByTime(10);
    }
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(action).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(action).toHaveBeenCalledTimes(2);
    refresh.call();
    vi.advanceTimersByTime(0);
    expect(action).toHaveBeenCalledTimes(3);
  });
});
