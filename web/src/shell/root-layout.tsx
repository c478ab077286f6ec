import { Link, Outlet } from '@tanstack/react-router';
import { lazy, Suspense, use } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import { useMutation } from 'urql';
import { graphql } from '../graphql/graphql';
import { OutboxControl } from '../modules/outbox/outbox-panel';
import { agencyLabel } from '../ui/agency';
import { LoadError } from '../ui/page-state';
import { LiveIndicator } from './live-indicator';
import { DisplaySwitch, LanguageSwitch } from './preferences';
import { SignInContext, useOptionalSession, type Session } from './viewer-context';

const words = defineMessages({
  skip: { id: 'shell.skipToContent', defaultMessage: 'Skip to the content' },
  mainNav: { id: 'shell.nav.label', defaultMessage: 'Main' },
  operations: { id: 'shell.nav.operations', defaultMessage: 'Operations' },
  administration: { id: 'shell.nav.administration', defaultMessage: 'Administration' },
  signedInAs: { id: 'shell.signedInAs', defaultMessage: '{user} — {agency}' },
  account: { id: 'shell.account', defaultMessage: 'Your account' },
  signOut: { id: 'shell.signOut', defaultMessage: 'Sign out' },
  signingOut: { id: 'shell.signingOut', defaultMessage: 'Signing out…' },
  signOutFailed: { id: 'shell.signOutFailed', defaultMessage: 'Signing out failed. Try again.' },
});

// Fetched only when shown: with their checks (zod) and the server's refusals in words they would
// weigh on the first chunk of every signed-in screen, the room's on a thin link included.
const SignInPage = lazy(() => import('../modules/session/sign-in-page').then((module) => ({ default: module.SignInPage })));
const ChoosePasswordPage = lazy(() =>
  import('../modules/session/choose-password-page').then((module) => ({ default: module.ChoosePasswordPage })),
);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Every page: the header (navigation, who is signed in, language, display, live link) and the page. */
export function RootLayout() {
  const intl = useIntl();
  const session = useOptionalSession();
  const signIn = use(SignInContext);
  // A password an administrator set opens nothing but the page to choose one's own (the server
  // refuses everything else): no navigation, only the live link and signing out.
  const mustChoosePassword = session?.viewer.mustChangePassword === true;
  const working = mustChoosePassword ? null : session;
  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage {...words.skip} />
      </a>
      <header className="app-header">
        <Link to="/operations" className="brand">
          jointops
        </Link>
        {working && (
          <nav aria-label={intl.formatMessage(words.mainNav)} className="main-nav">
            <Link to="/operations" activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: false }}>
              <FormattedMessage {...words.operations} />
            </Link>
            {working.viewer.isAdmin && (
              <Link to="/admin/agencies" activeProps={{ 'aria-current': 'page' }}>
                <FormattedMessage {...words.administration} />
              </Link>
            )}
          </nav>
        )}
        <div className="header-tools">
          {/* Kept on that page too: the socket is how an ended session (deactivation) reaches it. */}
          {session && <LiveIndicator onSessionEnded={session.endSession} />}
          {working && <OutboxControl />}
          <LanguageSwitch />
          <DisplaySwitch />
          {session && <AccountMenu session={session} />}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session && mustChoosePassword ? (
          // A new client reads `me` again, and keeps nothing cached from before the change.
          <Suspense fallback={null}>
            <ChoosePasswordPage onChanged={session.endSession} />
          </Suspense>
        ) : session ? (
          <Outlet />
        ) : signIn.meFailed ? (
          <LoadError error={undefined} onRetry={signIn.retryMe} />
        ) : (
          <Suspense fallback={null}>
            <SignInPage onSignedIn={signIn.onSignedIn} />
          </Suspense>
        )}
      </main>
    </>
  );
}

function AccountMenu({ session }: { session: Session }) {
  const intl = useIntl();
  const [{ fetching, error }, logout] = useMutation(LogoutMutation);
  const { viewer } = session;
  const signOut = async () => {
    const result = await logout({});
    if (!result.error) session.endSession();
  };
  return (
    <div className="account" role="group" aria-label={intl.formatMessage(words.account)}>
      <p className="signed-in" data-testid="signed-in-user">
        {intl.formatMessage(words.signedInAs, { user: viewer.displayName, agency: agencyLabel(intl.locale, viewer.agency) })}
      </p>
      {error && (
        <p className="form-error" role="alert">
          <FormattedMessage {...words.signOutFailed} />
        </p>
      )}
      <button type="button" disabled={fetching} onClick={() => void signOut()}>
        <FormattedMessage {...(fetching ? words.signingOut : words.signOut)} />
      </button>
    </div>
  );
}
