import { onSocketState, socketState } from '../../lib/live-socket';
import type { LinkSignal } from './outbox';

/**
 * The link is up when the browser says it is online and the live socket is connected: the socket
 * answering is the proof the server is reachable, which `navigator.onLine` alone is not.
 */
export const browserLink: LinkSignal = {
  isUp: () => navigator.onLine && socketState().kind === 'connected',
  onChange(listener) {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    const stop = onSocketState(listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
      stop();
    };
  },
};

/** Holds a lock across the browser's tabs; in one tab only where Web Locks are missing (the key still keeps sends single). */
export function tabsLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(name, work);
  const previous = localQueue.get(name) ?? Promise.resolve();
  const run = previous.then(work, work);
  localQueue.set(
    name,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

const localQueue = new Map<string, Promise<unknown>>();

/** Tells the other tabs of this browser that the outbox changed. */
export function tabsChannel(userId: string): { post(): void; listen(listener: () => void): () => void } | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(`jointops-outbox:${userId}`);
  return {
    post: () => channel.postMessage('changed'),
    listen(listener) {
      channel.addEventListener('message', listener);
      return () => {
        channel.removeEventListener('message', listener);
        channel.close();
      };
    },
  };
}
