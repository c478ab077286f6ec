import { useEffect } from 'react';
import { I18nProvider, useI18n } from '../../i18n/i18n-provider';
import { SignInForm } from '../session/sign-in-form';
import { SignedInPanel } from '../session/signed-in-panel';
import { useViewer, type ViewerSession } from '../session/use-viewer';
import { LanguageToggle } from './language-toggle';

/** Placeholder room: proves sign-in, the session cookie and the live link end to end. */
export function OperationsRoom() {
  const session = useViewer();
  return (
    <I18nProvider userLocale={session.viewer?.locale}>
      <RoomPage session={session} />
    </I18nProvider>
  );
}

function RoomPage({ session }: { session: ViewerSession }) {
  const { t } = useI18n();

  useEffect(() => {
    document.title = t['room.title'];
  }, [t]);

  return (
    <>
      <header className="room-header">
        <h1>{t['room.title']}</h1>
        <LanguageToggle />
      </header>
      <main className="room-main">
        <RoomBody session={session} />
      </main>
    </>
  );
}

function RoomBody({ session }: { session: ViewerSession }) {
  const { t } = useI18n();
  if (session.loading) return <p role="status">{t['room.loading']}</p>;
  if (session.failed) {
    return (
      <div className="panel">
        <p className="form-error" role="alert">
          {t['error.server']}
        </p>
        <button type="button" onClick={session.refresh}>
          {t['room.retry']}
        </button>
      </div>
    );
  }
  if (session.viewer) return <SignedInPanel viewer={session.viewer} onSessionEnded={session.refresh} />;
  return <SignInForm />;
}
