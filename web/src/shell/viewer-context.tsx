import { createContext, use } from 'react';
import type { Viewer } from '../modules/session/viewer';

export interface Session {
  viewer: Viewer;
  /** The zone every time is shown in: the user's own, as set on their account. */
  timeZone: string;
  /** Forget this session's data and show the sign-in page (after sign-out, or when the server ended it). */
  endSession(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession must be used inside a signed-in page');
  return session;
}

/** What the shell offers a signed-out reader: signing in, or retrying when `me` could not be asked. */
export interface SignIn {
  onSignedIn(): void;
  meFailed: boolean;
  retryMe(): void;
}

export const SignInContext = createContext<SignIn>({ onSignedIn() {}, meFailed: false, retryMe() {} });

/** The signed-in session, or null on a page shown to a signed-out reader. */
export const useOptionalSession = (): Session | null => use(SessionContext);
