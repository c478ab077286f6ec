import { Link, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { seizureStatusWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { say } from '../../i18n/problems';
import { NotFoundPage } from '../../shell/not-found-page';
import { useSession } from '../../shell/viewer-context';
import { agencyLabel } from '../../ui/agency';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import type { Refusal } from '../alerts/alert-refusals';
import { useOperation } from '../operations/operation-context';
import { SeizureCorrection } from './seizure-correction';
import { SeizureQuery, type SeizureDetail } from './seizure-documents';
import { SeizureFacts } from './seizure-facts';
import { SeizureFiles } from './seizure-files';
import { SeizureHistory } from './seizure-history';
import { mayAddFiles, mayCorrect, maySubmit } from './seizure-permissions';
import { useSubmitSeizure } from './seizure-writes';
import './seizures.css';

const words = defineMessages({
  title: { id: 'seizures.detail.title', defaultMessage: 'Seizure report {reference}' },
  reportedBy: { id: 'seizures.detail.reportedBy', defaultMessage: 'Reported by {agency}' },
  bonus: { id: 'seizures.detail.bonus', defaultMessage: 'Bonus seizure: not among the operation’s target commodities' },
  rejectedBecause: { id: 'seizures.detail.rejectedBecause', defaultMessage: 'Sent back for correction: {reason}' },
  draftNote: { id: 'seizures.detail.draftNote', defaultMessage: 'A draft: only your agency sees it until it is submitted.' },
  submit: { id: 'seizures.detail.submit', defaultMessage: 'Submit for verification' },
  submitting: { id: 'seizures.detail.submitting', defaultMessage: 'Submitting…' },
  linkedAlerts: { id: 'seizures.detail.linkedAlerts', defaultMessage: 'Linked alerts' },
  toList: { id: 'seizures.detail.toList', defaultMessage: 'All seizures' },
});

/**
 * One report as the viewer may see it. A report the viewer may not see (another agency's draft),
 * one of another operation, and one that does not exist all get the same not-found page.
 */
export function SeizureDetailPage() {
  const operation = useOperation();
  const { id } = useParams({ from: '/operations/$code/seizures/$id' });
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SeizureQuery, variables: { id } });
  if (fetching && !data) return <Skeleton lines={8} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const node = data?.node;
  const seizure = node?.__typename === 'Seizure' ? node : null;
  if (!seizure?.reference.startsWith(`${operation.code}/`)) return <NotFoundPage />;
  return <SeizureDetailView seizure={seizure} />;
}

function SeizureDetailView({ seizure }: { seizure: SeizureDetail }) {
  const intl = useIntl();
  const operation = useOperation();
  const { viewer } = useSession();
  const alertsId = useId();
  const [submitting, submit] = useSubmitSeizure();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useDocumentTitle(intl.formatMessage(words.title, { reference: seizure.reference }), operation.code);
  const zone = operation.referenceTimeZone;
  const agencyId = viewer.agency.id;

  return (
    <article className="seizure-detail">
      <header className="seizure-header">
        <p>
          <Link to="/operations/$code/seizures" params={{ code: operation.code }}>
            <FormattedMessage {...words.toList} />
          </Link>
        </p>
        <h2>
          <FormattedMessage {...words.title} values={{ reference: seizure.reference }} />
        </h2>
        <p className="seizure-badges">
          <span className={`seizure-status status-${seizure.status}`}>{intl.formatMessage(seizureStatusWords[seizure.status])}</span>
          {seizure.bonus && (
            <span className="muted">
              <FormattedMessage {...words.bonus} />
            </span>
          )}
          <span className="muted">
            <FormattedMessage {...words.reportedBy} values={{ agency: agencyLabel(intl.locale, seizure.reportingAgency) }} />
          </span>
        </p>
        {seizure.status === 'REJECTED' && seizure.rejectionReason && (
          <p className="panel seizure-rejected" role="note">
            <FormattedMessage {...words.rejectedBecause} values={{ reason: seizure.rejectionReason }} />
          </p>
        )}
        {seizure.status === 'DRAFT' && (
          <p className="muted">
            <FormattedMessage {...words.draftNote} />
          </p>
        )}
        {maySubmit(operation, agencyId, seizure) && (
          <div className="form-actions">
            <button type="button" className="primary" disabled={submitting} onClick={() => void submit(seizure.id).then(setRefusal)}>
              <FormattedMessage {...(submitting ? words.submitting : words.submit)} />
            </button>
          </div>
        )}
        {refusal?.problem && (
          <p className="form-error" role="alert">
            {say(intl, refusal.problem)}
          </p>
        )}
      </header>
      {mayCorrect(operation, agencyId, seizure) && <SeizureCorrection seizure={seizure} />}
      <div className="seizure-columns">
        <SeizureFacts seizure={seizure} referenceZone={zone} />
        <div>
          <SeizureHistory seizure={seizure} />
          <section className="panel" aria-labelledby={alertsId}>
            <h3 id={alertsId}>
              <FormattedMessage {...words.linkedAlerts} />
            </h3>
            {seizure.linkedAlerts.length === 0 ? (
              <p className="muted">—</p>
            ) : (
              <ul>
                {seizure.linkedAlerts.map((alert) => (
                  <li key={alert.id}>
                    <Link to="/operations/$code/alerts/$alertId" params={{ code: operation.code, alertId: alert.id }}>
                      {alert.reference}
                    </Link>{' '}
                    — {alert.title}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <SeizureFiles seizure={seizure} mayAdd={mayAddFiles(operation, agencyId, seizure)} />
        </div>
      </div>
    </article>
  );
}
