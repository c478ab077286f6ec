import { useEffect, useMemo } from 'react';
import type { Viewer } from '../session/viewer';

// Who was signed in last, kept in this browser so that the app opened without a network (a reload
// on a customs post's dropped link, served by the service worker) still knows whose outbox to
// show and send. Only the user's own record, never operation data; forgotten when the session
// ends (signing out, or the server ending it), and used only while the server cannot be reached.

const KEY = 'jointops:signed-in-viewer';

const isViewer = (value: unknown): value is Viewer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Viewer).id === 'string' &&
  typeof (value as Viewer).displayName === 'string' &&
  typeof (value as Viewer).agency?.id === 'string';

export function rememberedViewer(storage: Pick<Storage, 'getItem'> = localStorage): Viewer | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    return isViewer(value) ? value : null;
  } catch {
    return null;
  }
}

export function forgetViewer(storage: Pick<Storage, 'removeItem'> = localStorage): void {
  storage.removeItem(KEY);
}

/**
 * The viewer the shell works as: the server's answer to `me` when there is one; while the server
 * cannot be reached, the one remembered from the last answer, until the browser is back online
 * and `recheck` asks the server again.
 */
export function useViewerKeptOffline(me: Viewer | null | undefined, unreachable: boolean, recheck: () => void): Viewer | null {
  useEffect(() => {
    if (me) localStorage.setItem(KEY, JSON.stringify(me));
    else if (me === null) forgetViewer();
  }, [me]);
  const remembered = useMemo(() => (unreachable && me === undefined ? rememberedViewer() : null), [unreachable, me]);
  useEffect(() => {
    if (!remembered) return;
    window.addEventListener('online', recheck);
    return () => window.removeEventListener('online', recheck);
  }, [remembered, recheck]);
  return me ?? remembered;
}
