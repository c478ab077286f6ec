import { useId, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { severityWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel } from '../../ui/agency';
import { DateTime } from '../../ui/time';
import type { AlertDetail, AlertVersionData } from './alert-documents';

const words = defineMessages({
  heading: { id: 'alerts.versions.heading', defaultMessage: 'Earlier versions' },
  intro: {
    id: 'alerts.versions.intro',
    defaultMessage: 'This alert was amended. Each earlier version is kept, with what the next one changed.',
  },
  version: { id: 'alerts.versions.version', defaultMessage: 'Version {version}' },
  madeBy: { id: 'alerts.versions.madeBy', defaultMessage: 'Written by {person}' },
  changedBy: { id: 'alerts.versions.changedBy', defaultMessage: 'Version {version} changed:' },
  severity: { id: 'alerts.versions.severity', defaultMessage: 'Severity: {before} → {after}' },
  title: { id: 'alerts.versions.title', defaultMessage: 'Title: “{before}” → “{after}”' },
  description: { id: 'alerts.versions.description', defaultMessage: 'the description' },
  language: { id: 'alerts.versions.language', defaultMessage: 'the language' },
  subject: { id: 'alerts.versions.subject', defaultMessage: 'the subject' },
  commodities: { id: 'alerts.versions.commodities', defaultMessage: 'the commodities' },
  cleared: {
    id: 'alerts.versions.cleared',
    defaultMessage: 'Acknowledgements taken back by the graver severity: {agencies}',
  },
  earlierDescription: { id: 'alerts.versions.earlierDescription', defaultMessage: 'Description in version {version}' },
});

type Comparable = Pick<AlertVersionData, 'title' | 'severity' | 'description' | 'language' | 'subject' | 'commodities'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const commodityCodes = (version: Comparable) => version.commodities.map((commodity) => commodity.code).sort();

/** What the next version changed, field by field, the severity and title with their values. */
function changes(intl: ReturnType<typeof useIntl>, before: Comparable, after: Comparable): ReactNode[] {
  const found: ReactNode[] = [];
  if (before.severity !== after.severity)
    found.push(
      intl.formatMessage(words.severity, {
        before: intl.formatMessage(severityWords[before.severity]),
        after: intl.formatMessage(severityWords[after.severity]),
      }),
    );
  if (before.title !== after.title) found.push(intl.formatMessage(words.title, { before: before.title, after: after.title }));
  if (!same(before.description, after.description)) found.push(intl.formatMessage(words.description));
  if (!same(before.language, after.language)) found.push(intl.formatMessage(words.language));
  if (!same(before.subject, after.subject)) found.push(intl.formatMessage(words.subject));
  if (!same(commodityCodes(before), commodityCodes(after))) found.push(intl.formatMessage(words.commodities));
  return found;
}

/** Every earlier version of an amended alert, newest first, with what its successor changed. */
export function AlertVersions({ alert, referenceZone }: { alert: AlertDetail; referenceZone: string }) {
  const intl = useIntl();
  const headingId = useId();
  if (alert.versions.length === 0) return null;
  // versions are newest first; the one after the newest earlier version is the alert itself.
  const successor = (index: number): Comparable & { version: number } => (index === 0 ? alert : alert.versions[index - 1]!);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h3>
      <p className="muted">
        <FormattedMessage {...words.intro} />
      </p>
      <ol className="alert-versions">
        {alert.versions.map((version, index) => {
          const next = successor(index);
          const changed = changes(intl, version, next);
          return (
            <li key={version.version}>
              <h4>
                <FormattedMessage {...words.version} values={{ version: version.version }} />
              </h4>
              <p className="muted">
                <FormattedMessage {...words.madeBy} values={{ person: version.madeBy.displayName }} />
                {', '}
                <DateTime value={version.madeAt} referenceZone={referenceZone} />
              </p>
              <p>
                <FormattedMessage {...words.changedBy} values={{ version: next.version }} />
              </p>
              <ul>
                {changed.map((change, position) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the changes of one version, in a fixed order.
                  <li key={position}>{change}</li>
                ))}
              </ul>
              {version.description && !same(version.description, next.description) && (
                <details>
                  <summary>
                    <FormattedMessage {...words.earlierDescription} values={{ version: version.version }} />
                  </summary>
                  <p className="alert-description">{version.description}</p>
                </details>
              )}
              {version.clearedAcknowledgements.length > 0 && (
                <p>
                  <FormattedMessage
                    {...words.cleared}
                    values={{
                      agencies: version.clearedAcknowledgements.map((cleared) => agencyLabel(intl.locale, cleared.agency)).join('; '),
                    }}
                  />
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
