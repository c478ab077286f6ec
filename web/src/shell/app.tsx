import { RouterProvider } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { type Client, Provider, useQuery } from 'urql';
import { IntlRoot } from '../i18n/intl-root';
import { createUrqlClient } from '../lib/urql';
import { OutboxProvider } from '../modules/outbox/outbox-context';
import { forgetViewer, useViewerKeptOffline } from '../modules/outbox/offline-viewer';
import { MeQuery } from '../modules/session/viewer';
import { router } from '../router';
import { SessionContext, SignInContext, type Session } from './viewer-context';

/**
 * One urql client per session: signing in or out starts a new one, so nothing a previous user
 * could see stays in the normalised cache of a shared computer. The first may come from main.tsx,
 * which has already asked it the questions of the screen the address names.
 */
export function App({ firstClient }: { firstClient?: Client }) {
  const [client, setClient] = useState(() => firstClient ?? createUrqlClient());
  const restart = useCallback(() => {
    forgetViewer();
    setClient(createUrqlClient());
  }, []);
  return (
    <Provider value={client}>
      <SessionRoot restart={restart} />
    </Provider>
  );
}

function SessionRoot({ restart }: { restart(): void }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery });
  const retryMe = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const viewer = useViewerKeptOffline(data?.me, !!error?.networkError && !data, retryMe);
  const session = useMemo<Session | null>(
    () =>
      viewer
        ? {
            viewer,
            timeZone: viewer.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone,
            endSession: restart,
          }
        : null,
    [viewer, restart],
  );
  // Before the first answer the shell has nothing true to show; index.html's own text covers it.
  if (fetching && !data && !error) return null;
  return (
    <IntlRoot userLocale={viewer?.locale}>
      <SessionContext value={session}>
        <SignInContext
          value={{
            onSignedIn: restart,
            meFailed: !!error && !data,
            retryMe,
          }}
        >
          <OutboxProvider userId={viewer?.id ?? null}>
            <RouterProvider router={router} />
          </OutboxProvider>
        </SignInContext>
      </SessionContext>
    </IntlRoot>
  );
}
