import { Link, useParams } from '@tanstack/react-router';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { NotFoundPage } from '../../shell/not-found-page';
import { useSession } from '../../shell/viewer-context';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperation } from '../operations/operation-context';
import { WriteAboutContext } from '../outbox/outbox-context';
import { AcknowledgeButton, FeedbackForm } from './alert-answer';
import { AlertComments } from './alert-comments';
import { AlertDetailQuery, type AlertDetail } from './alert-documents';
import { AlertHeader } from './alert-header';
import { AlertFiles, LinkedSeizures } from './alert-links';
import { mayAmend, mayAnswer, mayComment } from './alert-permissions';
import { AlertRecipients } from './alert-recipients';
import { AlertSubjectView } from './alert-subject';
import { AlertVersions } from './alert-versions';
import { subjectWords } from './subject-words';
import './alerts.css';

const words = defineMessages({
  title: { id: 'alerts.detail.title', defaultMessage: 'Alert {reference}' },
  description: { id: 'alerts.detail.description', defaultMessage: 'Description' },
  noDescription: { id: 'alerts.detail.noDescription', defaultMessage: 'No description.' },
  toTimeline: { id: 'alerts.detail.toTimeline', defaultMessage: 'The operation’s timeline' },
  yourTurn: { id: 'alerts.detail.yourTurn', defaultMessage: 'Your agency has not acknowledged this alert yet.' },
});

/**
 * One alert as the viewer may see it. An alert the viewer may not see, one of another operation,
 * and one that does not exist all get the same not-found page: the address tells nothing.
 */
export function AlertDetailPage() {
  const operation = useOperation();
  const { alertId } = useParams({ from: '/operations/$code/alerts/$alertId' });
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AlertDetailQuery, variables: { alertId } });

  if (fetching && !data) return <Skeleton lines={8} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const node = data?.node;
  const alert = node?.__typename === 'Alert' ? node : null;
  if (!alert?.reference.startsWith(`${operation.code}/`)) return <NotFoundPage />;
  return (
    <WriteAboutContext value={{ operationCode: operation.code, alertReference: alert.reference, alertTitle: alert.title }}>
      <AlertDetailView alert={alert} />
    </WriteAboutContext>
  );
}

function AlertDetailView({ alert }: { alert: AlertDetail }) {
  const intl = useIntl();
  const operation = useOperation();
  const { viewer } = useSession();
  const descriptionId = useId();
  const subjectId = useId();
  useDocumentTitle(intl.formatMessage(words.title, { reference: alert.reference }), operation.code);
  const zone = operation.referenceTimeZone;
  const agencyId = viewer.agency.id;
  const answering = mayAnswer(operation, agencyId, alert);
  const own = alert.recipients.find((recipient) => recipient.agency.id === agencyId);

  return (
    <article className="alert-detail">
      <AlertHeader alert={alert} code={operation.code} referenceZone={zone} mayAmend={mayAmend(operation, agencyId, alert)} />
      {answering && own && !own.acknowledgedAt && (
        <div className="panel alert-your-turn">
          <p>
            <strong>
              <FormattedMessage {...words.yourTurn} />
            </strong>
          </p>
          <AcknowledgeButton alertId={alert.id} />
        </div>
      )}
      <div className="alert-columns">
        <section className="panel" aria-labelledby={descriptionId}>
          <h3 id={descriptionId}>
            <FormattedMessage {...words.description} />
          </h3>
          {alert.description ? (
            <p className="alert-description" lang={alert.language ?? undefined}>
              {alert.description}
            </p>
          ) : (
            <p className="muted">
              <FormattedMessage {...words.noDescription} />
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby={subjectId}>
          <h3 id={subjectId}>
            <FormattedMessage {...subjectWords.heading} />
          </h3>
          <AlertSubjectView subject={alert.subject} />
        </section>
      </div>
      <AlertRecipients recipients={alert.recipients} viewerAgencyId={agencyId} referenceZone={zone} withdrawn={!!alert.withdrawnAt} />
      {answering && own && <FeedbackForm alertId={alert.id} current={own.feedback} />}
      <AlertComments alertId={alert.id} comments={alert.comments} referenceZone={zone} mayComment={mayComment(operation)} />
      <AlertVersions alert={alert} referenceZone={zone} />
      <LinkedSeizures seizures={alert.linkedSeizures} referenceZone={zone} />
      <AlertFiles files={alert.attachments} referenceZone={zone} />
      <p>
        <Link to="/operations/$code/timeline" params={{ code: operation.code }}>
          <FormattedMessage {...words.toTimeline} />
        </Link>
      </p>
    </article>
  );
}
