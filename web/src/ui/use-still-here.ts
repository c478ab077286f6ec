import { useMatch, useRouter } from '@tanstack/react-router';
import { useCallback, useRef } from 'react';

/**
 * Whether the address is still this screen's. A search box writes what was typed into the address
 * after a pause; a reader who typed and then, within that pause, followed a link to another screen
 * has left already: the router shows this screen until the next one's chunk arrives, and a
 * search written then would replace the new address with this one and take them back.
 */
export function useStillHere(): () => boolean {
  const router = useRouter();
  // The address of the route this component is drawn in, not the router's current location: that
  // one already names the next screen while this one is still shown.
  const here = useRef('');
  here.current = useMatch({ strict: false, select: (match) => match.pathname });
  return useCallback(() => router.latestLocation.pathname === here.current, [router]);
}
