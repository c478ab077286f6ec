import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import type { ServiceContext, SignedIn } from '../service-context';

/** The answer to a caller who must sign in first, whichever layer turns them away. */
export const signInFirst = (): GraphQLError => new GraphQLError('Sign in first.', { extensions: { code: ERROR_CODES.UNAUTHENTICATED } });

/** The answer to a caller who signed in with a password an administrator set, before choosing their own. */
export const changePasswordFirst = (): GraphQLError =>
  new GraphQLError('Choose a new password first.', { extensions: { code: ERROR_CODES.PASSWORD_CHANGE_REQUIRED } });

/**
 * The request's context with its viewer proven, for resolvers under an `authenticated` auth scope:
 * the scope has turned anonymous callers away already, so this only makes the type say so. Should
 * a field ever lose its scope, the caller gets the scope's own answer rather than a crash.
 */
export function signedIn<C extends ServiceContext>(ctx: C): SignedIn<C> {
  if (!isSignedIn(ctx)) throw signInFirst();
  return ctx;
}

const isSignedIn = <C extends ServiceContext>(ctx: C): ctx is SignedIn<C> => ctx.viewer !== null;
