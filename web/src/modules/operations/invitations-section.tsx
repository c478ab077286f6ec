import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { participationRoleWords, phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { describeError, problemWords, say, type Problem } from '../../i18n/problems';
import { LoadError, Skeleton } from '../../ui/page-state';
import { DateTime, RelativeTime } from '../../ui/time';

const words = defineMessages({
  title: { id: 'operations.invitations.title', defaultMessage: 'Invitations' },
  intro: {
    id: 'operations.invitations.intro',
    defaultMessage: 'Operations your agency is invited to. A contact point or a coordinator of your agency answers for it.',
  },
  none: { id: 'operations.invitations.none', defaultMessage: 'No invitation is waiting for your agency.' },
  invitedBy: { id: 'operations.invitations.invitedBy', defaultMessage: 'Invited by' },
  invitedByWhom: { id: 'operations.invitations.invitedByWhom', defaultMessage: '{name}, {agency}' },
  someone: { id: 'operations.invitations.someone', defaultMessage: 'A coordinator' },
  operational: { id: 'operations.invitations.operational', defaultMessage: 'Operational phase' },
  notPlanned: { id: 'operations.invitations.notPlanned', defaultMessage: 'Not planned yet' },
  role: { id: 'operations.invitations.role', defaultMessage: 'Your agency’s role' },
  accept: { id: 'operations.invitations.accept', defaultMessage: 'Accept' },
  accepting: { id: 'operations.invitations.accepting', defaultMessage: 'Accepting…' },
  decline: { id: 'operations.invitations.decline', defaultMessage: 'Decline' },
  declining: { id: 'operations.invitations.declining', defaultMessage: 'Declining…' },
  confirmTitle: { id: 'operations.invitations.confirmTitle', defaultMessage: 'Decline the invitation to {name}?' },
  confirmText: {
    id: 'operations.invitations.confirmText',
    defaultMessage: 'Your agency will not take part in this operation. Only its coordinators can invite your agency again.',
  },
  confirmDecline: { id: 'operations.invitations.confirmDecline', defaultMessage: 'Decline the invitation' },
  keep: { id: 'operations.invitations.keep', defaultMessage: 'Keep the invitation' },
  accepted: { id: 'operations.invitations.accepted', defaultMessage: 'Your agency now takes part in {name}.' },
  open: { id: 'operations.invitations.open', defaultMessage: 'Open the operation' },
  declined: { id: 'operations.invitations.declined', defaultMessage: 'You declined the invitation to {name}.' },
  forbidden: {
    id: 'operations.invitations.forbidden',
    defaultMessage: 'Only a contact point or a coordinator of your agency may answer this invitation.',
  },
  gone: {
    id: 'operations.invitations.gone',
    defaultMessage: 'This invitation is no longer open: it was withdrawn, or a colleague has already answered it.',
  },
});

export const MyInvitationsQuery = graphql(`
  query MyInvitations {
    myInvitations {
      operationId
      code
      name
      role
      invitedAt
      invitedByName
      invitedByAgency
      operationalStartsAt
      operationalEndsAt
    }
  }
`);

const RespondToInvitationMutation = graphql(`
  mutation RespondToInvitation($input: RespondToInvitationInput!) {
    respondToInvitation(input: $input) {
      __typename
      ... on Participation {
        id
        status
      }
      ... on Error {
        code
        message
      }
      ... on PhaseRuleError {
        phase
      }
    }
  }
`);

type Invitation = ResultOf<typeof MyInvitationsQuery>['myInvitations'][number];
interface Outcome {
  accepted: boolean;
  code: string;
  name: string;
}

/** How often an open page asks again, so a contact point sees a new invitation without reloading. */
const RECHECK_MS = 60_000;

export function InvitationsSection() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MyInvitationsQuery });
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), RECHECK_MS);
    return () => clearInterval(timer);
  }, [reexecute]);

  const invitations = data?.myInvitations ?? [];
  return (
    <section className="panel invitations" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">
        <FormattedMessage {...words.title} />
      </h2>
      <p className="muted">
        <FormattedMessage {...words.intro} />
      </p>
      <div role="status" className="invitation-outcome-slot">
        {outcome && <OutcomeMessage outcome={outcome} />}
      </div>
      {fetching && !data ? (
        <Skeleton lines={2} />
      ) : error && !data ? (
        <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : invitations.length === 0 ? (
        <p className="invitations-none">
          <FormattedMessage {...words.none} />
        </p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <InvitationItem key={invitation.operationId} invitation={invitation} onAnswered={setOutcome} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (!outcome.accepted) {
    return (
      <p className="form-success">
        <FormattedMessage {...words.declined} values={{ name: outcome.name }} />
      </p>
    );
  }
  return (
    <p className="form-success">
      <FormattedMessage {...words.accepted} values={{ name: outcome.name }} />{' '}
      <Link to="/operations/$code" params={{ code: outcome.code }}>
        <FormattedMessage {...words.open} />
      </Link>
    </p>
  );
}

function refusalOf(error: CombinedError): Problem {
  if (error.networkError) return { message: problemWords.serverUnreachable };
  const code = error.graphQLErrors[0]?.extensions.code;
  return code === 'FORBIDDEN' ? { message: words.forbidden } : { message: problemWords.unexpected };
}

function InvitationItem({ invitation, onAnswered }: { invitation: Invitation; onAnswered(outcome: Outcome): void }) {
  const intl = useIntl();
  const [{ fetching }, respond] = useMutation(RespondToInvitationMutation);
  const [answering, setAnswering] = useState<'accept' | 'decline' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const headingId = `invitation-${invitation.code}`;

  const answer = async (accept: boolean) => {
    dialog.current?.close();
    setAnswering(accept ? 'accept' : 'decline');
    setProblem(null);
    const result = await respond({ input: { operationId: invitation.operationId, accept } });
    setAnswering(null);
    const answered = result.data?.respondToInvitation;
    if (result.error) return setProblem(refusalOf(result.error));
    if (answered && answered.__typename !== 'Participation') {
      if (answered.code === 'NOT_FOUND') return setProblem({ message: words.gone });
      const phase = 'phase' in answered ? answered.phase : undefined;
      return setProblem(
        describeError({ code: answered.code, message: answered.message }, phase ? intl.formatMessage(phaseWords[phase]) : undefined),
      );
    }
    onAnswered({ accepted: accept, code: invitation.code, name: invitation.name });
  };

  // The safe choice has the focus, so Enter on an opened confirmation never declines by accident.
  const confirmDecline = () => {
    dialog.current?.showModal();
    keep.current?.focus();
  };

  const inviter = invitation.invitedByName
    ? invitation.invitedByAgency
      ? intl.formatMessage(words.invitedByWhom, { name: invitation.invitedByName, agency: invitation.invitedByAgency })
      : invitation.invitedByName
    : (invitation.invitedByAgency ?? intl.formatMessage(words.someone));

  return (
    <li className="invitation" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="operation-code-inline">{invitation.code}</span> {invitation.name}
      </h3>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage {...words.role} />
          </dt>
          <dd>{intl.formatMessage(participationRoleWords[invitation.role])}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage {...words.operational} />
          </dt>
          <dd>
            {invitation.operationalStartsAt && invitation.operationalEndsAt ? (
              <span className="date-range">
                <DateTime value={invitation.operationalStartsAt} dateOnly /> – <DateTime value={invitation.operationalEndsAt} dateOnly />
              </span>
            ) : (
              <FormattedMessage {...words.notPlanned} />
            )}
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage {...words.invitedBy} />
          </dt>
          <dd>
            {inviter} · <RelativeTime value={invitation.invitedAt} />
          </dd>
        </div>
      </dl>
      {problem && (
        <p className="form-error" role="alert">
          {say(intl, problem)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={fetching} onClick={() => void answer(true)}>
          <FormattedMessage {...(answering === 'accept' ? words.accepting : words.accept)} />
        </button>
        <button type="button" disabled={fetching} onClick={confirmDecline}>
          <FormattedMessage {...(answering === 'decline' ? words.declining : words.decline)} />
        </button>
      </div>
      <dialog ref={dialog} aria-labelledby={`${headingId}-confirm`}>
        <h3 id={`${headingId}-confirm`}>
          <FormattedMessage {...words.confirmTitle} values={{ name: invitation.name }} />
        </h3>
        <p>
          <FormattedMessage {...words.confirmText} />
        </p>
        <div className="form-actions">
          <button type="button" className="danger" onClick={() => void answer(false)}>
            <FormattedMessage {...words.confirmDecline} />
          </button>
          <button type="button" ref={keep} onClick={() => dialog.current?.close()}>
            <FormattedMessage {...words.keep} />
          </button>
        </div>
      </dialog>
    </li>
  );
}
