import type { AlertCategory } from '@jointops/shared/domain';
import { ALERT_CATEGORIES } from '@jointops/shared/domain';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useOperation } from '../operations/operation-context';
import { RaiseAlertOptionsQuery } from './alert-documents';
import { emptyDraft, raiseInputOf, type AlertDraft } from './alert-draft';
import { AlertForm } from './alert-form';
import { actsForAgency, mayRaiseIn } from './alert-permissions';
import { useRaiseAlert } from './alert-writes';
import { useDraftKey } from './draft-key';
import { WaitingWrites } from '../outbox/waiting-writes';
import './alerts.css';

const words = defineMessages({
  title: { id: 'alerts.raise.title', defaultMessage: 'Raise an alert' },
  intro: {
    id: 'alerts.raise.intro',
    defaultMessage:
      'The alert goes out at once to the agencies you choose; each must acknowledge it within the deadline its severity sets, then say what came of it.',
  },
  notYourRole: {
    id: 'alerts.raise.notYourRole',
    defaultMessage:
      'Only the contact points and coordinators of an agency raise alerts for it. Your role in this operation does not allow it.',
  },
  notThisPhase: {
    id: 'alerts.raise.notThisPhase',
    defaultMessage:
      'Alerts are raised during the operational phase; before it, only the readiness test (a Test alert). The operation is now in the {phase} phase.',
  },
  cancel: { id: 'alerts.raise.cancel', defaultMessage: 'Cancel' },
});

/** The categories the operation's phase allows; none when no alert may be raised now. */
export const categoriesIn = (phase: string): AlertCategory[] => ALERT_CATEGORIES.filter((category) => mayRaiseIn(phase, category));

export function RaiseAlertPage() {
  const intl = useIntl();
  const operation = useOperation();
  const headingId = useId();
  useDocumentTitle(intl.formatMessage(words.title), operation.code);
  const categories = categoriesIn(operation.phase);
  const refusedBecause = !actsForAgency(operation)
    ? intl.formatMessage(words.notYourRole)
    : categories.length === 0
      ? intl.formatMessage(words.notThisPhase, { phase: intl.formatMessage(phaseWords[operation.phase]) })
      : null;

  return (
    <section className="alert-raise" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} />
      </h2>
      {refusedBecause ? (
        <p className="panel">{refusedBecause}</p>
      ) : (
        <>
          <p className="muted">
            <FormattedMessage {...words.intro} />
          </p>
          <RaiseAlertForm categories={categories} />
        </>
      )}
    </section>
  );
}

function RaiseAlertForm({ categories }: { categories: readonly AlertCategory[] }) {
  const operation = useOperation();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [draftKey, nextDraft] = useDraftKey();
  const [, raise] = useRaiseAlert();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RaiseAlertOptionsQuery, variables: { operationId: operation.id } });

  if (fetching && !data) return <Skeleton lines={8} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const options = data?.operation;
  const agencies = (options?.participations ?? [])
    .filter((participation) => participation.status === 'ACCEPTED' && participation.agency.id !== viewer.agency.id)
    .map((participation) => participation.agency);

  const submit = async (draft: AlertDraft) => {
    const answer = await raise(raiseInputOf(draft, operation.id, draftKey));
    if (answer === 'waiting') {
      // Handed to the outbox, which says so above: the form starts the next alert afresh.
      nextDraft();
      return null;
    }
    if ('refusal' in answer) return answer.refusal;
    await navigate({ to: '/operations/$code/alerts/$alertId', params: { code: operation.code, alertId: answer.alertId } });
    return null;
  };

  return (
    <>
      <WaitingWrites match={(write) => write.kind === 'raiseAlert' && write.input.operationId === operation.id} />
      <AlertForm
        key={draftKey}
        mode="raise"
        initialDraft={emptyDraft(categories[0])}
        categories={categories}
        commodities={options?.commodities ?? []}
        agencies={agencies}
        onSubmit={submit}
        cancel={
          <Link to="/operations/$code" params={{ code: operation.code }} className="button">
            <FormattedMessage {...words.cancel} />
          </Link>
        }
      />
    </>
  );
}
