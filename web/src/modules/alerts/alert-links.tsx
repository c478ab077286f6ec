import { useId, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { commodityName } from '../../ui/commodity-name';
import { seizureStatusWords, unitWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel, countryName } from '../../ui/agency';
import { DateTime } from '../../ui/time';
import type { AlertDetail } from './alert-documents';

const words = defineMessages({
  seizures: { id: 'alerts.links.seizures', defaultMessage: 'Linked seizures' },
  seizure: {
    id: 'alerts.links.seizure',
    defaultMessage: '{reference}: {quantity} {unit} of {commodity}, {country} — {status}',
  },
  reportedBy: { id: 'alerts.links.reportedBy', defaultMessage: 'reported by {agency}' },
  files: { id: 'alerts.links.files', defaultMessage: 'Files' },
  file: { id: 'alerts.links.file', defaultMessage: '{size}, added by {person}' },
});

const SIZE_UNITS = [
  ['megabyte', 1_000_000],
  ['kilobyte', 1_000],
  ['byte', 1],
] as const;

function fileSize(locale: string, bytes: number): string {
  const [unit, size] = SIZE_UNITS.find(([, length]) => bytes >= length) ?? SIZE_UNITS[2];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
}

/** The seizure reports that answer the alert, as far as the viewer may see them. */
export function LinkedSeizures({ seizures, referenceZone }: { seizures: AlertDetail['linkedSeizures']; referenceZone: string }) {
  const intl = useIntl();
  const headingId = useId();
  if (seizures.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.seizures} />
      </h3>
      <ul className="alert-seizures">
        {seizures.map((seizure) => (
          <li key={seizure.id}>
            <FormattedMessage
              {...words.seizure}
              values={{
                reference: seizure.reference,
                quantity: intl.formatNumber(seizure.quantity),
                unit: intl.formatMessage(unitWords[seizure.unit]),
                commodity: seizure.commodity ? commodityName(intl.locale, seizure.commodity) : (seizure.commodityDescription ?? '—'),
                country: countryName(intl.locale, seizure.countryCode),
                status: intl.formatMessage(seizureStatusWords[seizure.status]),
              }}
            />{' '}
            <span className="muted">
              <FormattedMessage {...words.reportedBy} values={{ agency: agencyLabel(intl.locale, seizure.reportingAgency) }} />
              {', '}
              <DateTime value={seizure.seizedAt} referenceZone={referenceZone} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface FilesProps {
  files: AlertDetail['attachments'];
  referenceZone: string;
  /** Said when there is no file; without it (and nothing more to show), no section at all. */
  empty?: ReactNode;
  /** Below the files: the way to add more, where the viewer may. */
  children?: ReactNode;
}

/** The files on an alert or a report, each a download from the server (which checks, again, who may see it). */
export function AlertFiles({ files, referenceZone, empty, children }: FilesProps) {
  const intl = useIntl();
  const headingId = useId();
  if (files.length === 0 && !empty && !children) return null;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.files} />
      </h3>
      {files.length === 0 ? (
        empty && <p className="muted">{empty}</p>
      ) : (
        <ul className="alert-files">
          {files.map((file) => (
            <li key={file.id}>
              <a href={file.downloadUrl} download={file.fileName}>
                {file.fileName}
              </a>{' '}
              <span className="muted">
                <FormattedMessage
                  {...words.file}
                  values={{ size: fileSize(intl.locale, file.size), person: file.uploadedBy.displayName }}
                />
                {', '}
                <DateTime value={file.uploadedAt} referenceZone={referenceZone} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
