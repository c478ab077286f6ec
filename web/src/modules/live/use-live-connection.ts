import { useEffect, useEffectEvent, useState } from 'react';
import { openLiveConnection, type LiveState } from '../../lib/urql';

/** Holds the WebSocket open while the caller is mounted and reports its state. */
export function useLiveConnection(onSessionEnded: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const sessionEnded = useEffectEvent(onSessionEnded);

  useEffect(() => openLiveConnection({ onStateChange: setState, onForbidden: () => sessionEnded() }), []);

  return state;
}
