import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { distributionWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { NotFoundPage } from '../../shell/not-found-page';
import { useSession } from '../../shell/viewer-context';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperation } from '../operations/operation-context';
import { MarkingLabel } from './alert-badges';
import { AlertDetailQuery, RaiseAlertOptionsQuery, type AlertDetail } from './alert-documents';
import { draftOfAlert, typedSubjectOf, type AlertDraft } from './alert-draft';
import { AlertForm } from './alert-form';
import { mayAmend } from './alert-permissions';
import { useAmendAlert, type AmendInput } from './alert-writes';
import './alerts.css';

const words = defineMessages({
  title: { id: 'alerts.amend.title', defaultMessage: 'Amend alert {reference}' },
  intro: {
    id: 'alerts.amend.intro',
    defaultMessage:
      'Your correction becomes version {next}; every recipient sees what changed, and the earlier versions stay readable. A graver severity asks every recipient to acknowledge again.',
  },
  notYours: {
    id: 'alerts.amend.notYours',
    defaultMessage: 'Only the contact points and coordinators of the agency that raised an alert amend it, while it stands.',
  },
  audience: {
    id: 'alerts.amend.audience',
    defaultMessage:
      'The marking and the recipients stay as they are: an alert already delivered cannot be taken back from anyone. For a wider audience, raise a new alert.',
  },
  cancel: { id: 'alerts.amend.cancel', defaultMessage: 'Cancel' },
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const orNull = (text: string) => (text.trim() ? text : null);

/** What the correction changes, and nothing else: a field left out keeps its value. */
export function amendInputOf(alert: AlertDetail, expectedVersion: number, before: AlertDraft, after: AlertDraft): AmendInput {
  const input: AmendInput = { alertId: alert.id, expectedVersion };
  if (after.severity !== before.severity) input.severity = after.severity;
  if (after.title !== before.title) input.title = after.title;
  if (after.description !== before.description) input.description = orNull(after.description);
  if (after.language !== before.language) input.language = orNull(after.language);
  if (!same([...after.commodityIds].sort(), [...before.commodityIds].sort())) input.commodityIds = after.commodityIds;
  // A subject is replaced, not removed: emptied details leave the alert's subject as it was.
  const subject = typedSubjectOf(after);
  if (subject && !same(subject, typedSubjectOf(before))) input.typedSubject = subject;
  return input;
}

export function AmendAlertPage() {
  const operation = useOperation();
  const { viewer } = useSession();
  const { alertId } = useParams({ from: '/operations/$code/alerts/$alertId/amend' });
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AlertDetailQuery, variables: { alertId } });

  if (fetching && !data) return <Skeleton lines={8} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const node = data?.node;
  const alert = node?.__typename === 'Alert' ? node : null;
  if (!alert?.reference.startsWith(`${operation.code}/`)) return <NotFoundPage />;
  if (!mayAmend(operation, viewer.agency.id, alert)) {
    return (
      <p className="panel">
        <FormattedMessage {...words.notYours} />
      </p>
    );
  }
  return <AmendAlertForm alert={alert} />;
}

function AmendAlertForm({ alert }: { alert: AlertDetail }) {
  const intl = useIntl();
  const operation = useOperation();
  const navigate = useNavigate();
  const headingId = useId();
  useDocumentTitle(intl.formatMessage(words.title, { reference: alert.reference }), operation.code);
  // The version read when the form opened: a colleague's amendment meanwhile is a conflict, not overwritten.
  const [{ expectedVersion, before }] = useState(() => ({ expectedVersion: alert.version, before: draftOfAlert(alert) }));
  const [, amend] = useAmendAlert();
  const [{ data }] = useQuery({ query: RaiseAlertOptionsQuery, variables: { operationId: operation.id } });
  const toAlert = { to: '/operations/$code/alerts/$alertId', params: { code: operation.code, alertId: alert.id } } as const;

  const submit = async (after: AlertDraft) => {
    const refusal = await amend(amendInputOf(alert, expectedVersion, before, after));
    if (refusal) return refusal;
    await navigate(toAlert);
    return null;
  };

  return (
    <section aria-labelledby={headingId}>
      <p className="operation-code">{alert.reference}</p>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} values={{ reference: alert.reference }} />
      </h2>
      <p className="muted">
        <FormattedMessage {...words.intro} values={{ next: expectedVersion + 1 }} />
      </p>
      <AlertForm
        mode="amend"
        initialDraft={before}
        categories={[alert.category]}
        commodities={data?.operation?.commodities ?? alert.commodities}
        agencies={[]}
        onSubmit={submit}
        audienceNote={
          <p className="panel marking-rule">
            <MarkingLabel marking={alert.marking} explained /> · {intl.formatMessage(distributionWords[alert.distribution])}
            <br />
            <FormattedMessage {...words.audience} />
          </p>
        }
        cancel={
          <Link {...toAlert} className="button">
            <FormattedMessage {...words.cancel} />
          </Link>
        }
      />
    </section>
  );
}
