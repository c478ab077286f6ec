import type { Locale } from '@jointops/shared/domain';
import { gql, useMutation } from 'urql';
import { useI18n } from '../../i18n/i18n-provider';
import { LiveConnectionIndicator } from '../live/live-connection-indicator';
import { useLiveConnection } from '../live/use-live-connection';
import { sessionCacheContext, type Viewer } from './viewer';

const LogoutMutation = gql<{ logout: boolean }>`
  mutation Logout {
    logout
  }
`;

interface SignedInPanelProps {
  viewer: Viewer;
  /** Called when the server drops the live link for want of a session, so `me` is asked again. */
  onSessionEnded(): void;
}

export function SignedInPanel({ viewer, onSessionEnded }: SignedInPanelProps) {
  const { t, locale } = useI18n();
  const liveState = useLiveConnection(onSessionEnded);
  const [{ fetching, error }, logout] = useMutation(LogoutMutation);

  return (
    <section className="panel" aria-labelledby="signed-in-user">
      <p id="signed-in-user" className="signed-in" data-testid="signed-in-user">
        {t['session.signedInAs'](viewer.displayName, agencyLabel(viewer.agency, locale))}
      </p>
      <LiveConnectionIndicator state={liveState} />
      <p className="placeholder">{t['room.placeholder']}</p>
      {error && (
        <p className="form-error" role="alert">
          {t['session.signOutFailed']}
        </p>
      )}
      <button
        type="button"
        data-testid="sign-out"
        disabled={fetching}
        onClick={() => void logout({}, sessionCacheContext)}
      >
        {t['session.signOut']}
      </button>
    </section>
  );
}

/** "Agency name (ACRONYM, Country)"; international organisations have no country. */
function agencyLabel(agency: Viewer['agency'], locale: Locale): string {
  const country = agency.countryCode && new Intl.DisplayNames([locale], { type: 'region' }).of(agency.countryCode);
  const details = [agency.acronym, country].filter(Boolean).join(', ');
  return details ? `${agency.name} (${details})` : agency.name;
}
