import { PARTICIPATION_ROLES, type ParticipationRole, type ParticipationStatus } from '@jointops/shared/domain';
import { inviteAgencyInput } from '@jointops/shared/operations';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { agencyKindWords, participationRoleWords, participationStatusWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { problemsByField, say, type Problem } from '../../i18n/problems';
import { AgencyName } from '../../ui/agency';
import type { DirectoryAgency } from './group-agencies';
import { hiddenWords } from './hidden-words';
import { isInvitable } from './participations-query';
import { statusBadgeClass } from './participations-section';
import { refusalOf } from './refusals';

export const inviteWords = defineMessages({
  agency: { id: 'participants.invite.column.agency', defaultMessage: 'Agency' },
  kind: { id: 'participants.invite.column.kind', defaultMessage: 'Kind' },
  inOperation: { id: 'participants.invite.column.inOperation', defaultMessage: 'In this operation' },
  role: { id: 'participants.invite.column.role', defaultMessage: 'Role in the operation' },
  roleOf: { id: 'participants.invite.roleOf', defaultMessage: 'Role in the operation for {agency}' },
  notInvited: { id: 'participants.invite.notInvited', defaultMessage: 'Not invited' },
  invite: { id: 'participants.invite.invite', defaultMessage: 'Invite <hidden>{agency}</hidden>' },
  inviteAgain: { id: 'participants.invite.inviteAgain', defaultMessage: 'Invite <hidden>{agency} </hidden>again' },
  inviting: { id: 'participants.invite.inviting', defaultMessage: 'Inviting…' },
  invited: { id: 'participants.invite.invited', defaultMessage: 'Invitation sent as {role}.' },
});

const InviteAgencyMutation = graphql(
  `
  mutation InviteAgency($input: InviteAgencyInput!) {
    inviteAgency(input: $input) {
      __typename
      ... on Participation {
        id
        status
        role
        invitedAt
      }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

interface InviteRowProps {
  operationId: string;
  agency: DirectoryAgency;
  /** The agency's standing in the operation, if it was ever invited. */
  status: ParticipationStatus | undefined;
}

/** One agency of the directory: where it stands in the operation and, if it may be, its invitation. */
export function InviteRow({ operationId, agency, status }: InviteRowProps) {
  const intl = useIntl();
  const [role, setRole] = useState<ParticipationRole>('PARTICIPATING');
  const [problem, setProblem] = useState<Problem | null>(null);
  // The invitation sent from this row, and the agency's standing when it was sent: the notice
  // lasts until that standing changes other than by this invitation.
  const [sent, setSent] = useState<{ role: ParticipationRole; from: ParticipationStatus | undefined } | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  const [{ fetching }, invite] = useMutation(InviteAgencyMutation);
  const invitable = isInvitable(status);
  const again = status === 'DECLINED' || status === 'WITHDRAWN';
  const kind = agencyKindWords[agency.kind as keyof typeof agencyKindWords];

  const send = async () => {
    const input = { operationId, agencyId: agency.id, role };
    const checked = inviteAgencyInput.safeParse(input);
    if (!checked.success) {
      setProblem(Object.values(problemsByField(checked.error.issues))[0] ?? null);
      return;
    }
    setProblem(null);
    setSent(null);
    const outcome = await invite({ input });
    const refusal = refusalOf(outcome.error, outcome.data?.inviteAgency);
    if (refusal) setProblem(refusal);
    else setSent({ role, from: status });
  };
  const showSent = sent !== null && (status === sent.from || status === 'INVITED');

  // The button goes once the agency is invited: the notice takes the focus so the keyboard stays on the row.
  useEffect(() => {
    if (sent) notice.current?.focus();
  }, [sent]);

  return (
    <tr>
      <th scope="row" data-label={intl.formatMessage(inviteWords.agency)}>
        {/* The group already names the country. */}
        <AgencyName agency={{ name: agency.name, acronym: agency.acronym }} />
      </th>
      <td data-label={intl.formatMessage(inviteWords.kind)}>{kind ? intl.formatMessage(kind) : agency.kind}</td>
      <td data-label={intl.formatMessage(inviteWords.inOperation)}>
        {status ? (
          <span className={statusBadgeClass[status]}>{intl.formatMessage(participationStatusWords[status])}</span>
        ) : (
          <span className="muted">
            <FormattedMessage {...inviteWords.notInvited} />
          </span>
        )}
        <div aria-live="polite">
          {showSent && (
            <p ref={notice} className="row-success" tabIndex={-1}>
              <FormattedMessage {...inviteWords.invited} values={{ role: intl.formatMessage(participationRoleWords[sent.role]) }} />
            </p>
          )}
          {problem && <p className="field-error">{say(intl, problem)}</p>}
        </div>
      </td>
      <td data-label={intl.formatMessage(inviteWords.role)}>
        {invitable && (
          <select
            aria-label={intl.formatMessage(inviteWords.roleOf, { agency: agency.name })}
            value={role}
            disabled={fetching}
            onChange={(event) => setRole(event.target.value as ParticipationRole)}
          >
            {PARTICIPATION_ROLES.map((value) => (
              <option key={value} value={value}>
                {intl.formatMessage(participationRoleWords[value])}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="row-action">
        {invitable && (
          <button type="button" className="primary" disabled={fetching} onClick={() => void send()}>
            {fetching ? (
              <FormattedMessage {...inviteWords.inviting} />
            ) : (
              <FormattedMessage
                {...(again ? inviteWords.inviteAgain : inviteWords.invite)}
                values={{ agency: agency.name, ...hiddenWords }}
              />
            )}
          </button>
        )}
      </td>
    </tr>
  );
}
