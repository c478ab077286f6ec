import { useEffect, useState } from 'react';
import { loadRetrying } from '../../../shell/screen-chunks';

type WorldGeometry = typeof import('./world-geometry');

/** The drawing's own units: the room's map and the seizure form's position map scale it to their box. */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 450;

let loading: Promise<WorldGeometry> | undefined;
let loaded: WorldGeometry | undefined;

/**
 * The world's shapes and d3-geo, apart from the room's code: on a customs post's 256 kbit/s link
 * they are a third of what the room downloads, and the room need not wait for them to ask for its
 * feed and figures. The room's route starts this beside its own chunk (router.tsx); one download.
 */
export function loadWorldGeometry(): Promise<WorldGeometry> {
  loading ??= loadRetrying(() => import('./world-geometry')).then(
    (geometry) => {
      loaded = geometry;
      return geometry;
    },
    (error: unknown) => {
      // Tried again on the next call (the error's retry button): a dropped link often returns.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The world's geometry once it has come (null before), and whether it could not be downloaded. */
export function useWorldGeometry(): { geometry: WorldGeometry | null; failed: boolean; retry(): void } {
  const [state, setState] = useState<{ geometry: WorldGeometry | null; failed: boolean }>({ geometry: loaded ?? null, failed: false });
  const waiting = !state.geometry && !state.failed;
  useEffect(() => {
    if (!waiting) return;
    let current = true;
    loadWorldGeometry().then(
      (geometry) => current && setState({ geometry, failed: false }),
      () => current && setState({ geometry: null, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [waiting]);
  return { ...state, retry: () => setState({ geometry: null, failed: false }) };
}
