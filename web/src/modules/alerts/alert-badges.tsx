import type { AlertSeverity, Marking } from '@jointops/shared/domain';
import { useIntl } from 'react-intl';
import { markingMeaningWords, severityWords, tlpLabel } from '../../i18n/codes';

/**
 * The TLP label exactly as the standard writes it, in its colour on black, never translated; its
 * meaning beside it in the reader's language, so the colour is never the only signal.
 */
export function MarkingLabel({ marking, explained = false }: { marking: Marking; explained?: boolean }) {
  const intl = useIntl();
  const meaning = intl.formatMessage(markingMeaningWords[marking]);
  return (
    <span className="marking">
      <span className={`tlp tlp-${marking}`} title={explained ? undefined : meaning}>
        {tlpLabel(marking)}
      </span>
      {explained && <span className="marking-meaning">{meaning}</span>}
    </span>
  );
}

/** Severity is a word first and a colour second; a critical alert carries an icon too. */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const intl = useIntl();
  return (
    <span className={`badge severity severity-${severity}`}>
      {severity === 'CRITICAL' && (
        <span className="severity-icon" aria-hidden="true">
          ⚠{' '}
        </span>
      )}
      {intl.formatMessage(severityWords[severity])}
    </span>
  );
}
