import { withdrawParticipationInput } from '@jointops/shared/operations';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { defineMessages } from '../../i18n/define-messages';
import { problemsByField, type Problem } from '../../i18n/problems';
import { agencyLabel, type AgencyLike } from '../../ui/agency';
import { TextAreaField } from '../../ui/fields';
import { ModalQuestion } from '../../ui/modal-question';
import type { Done } from './done-notice';
import { refusalOf } from './refusals';

export const withdrawWords = defineMessages({
  title: { id: 'participants.withdraw.title', defaultMessage: 'Withdraw {agency}?' },
  explanation: {
    id: 'participants.withdraw.explanation',
    defaultMessage:
      'The agency will no longer see the operation: its people stop being members at once and receive nothing more from it. Only a coordinator can invite it again.',
  },
  reason: { id: 'participants.withdraw.reason', defaultMessage: 'Reason' },
  reasonHint: { id: 'participants.withdraw.reasonHint', defaultMessage: 'Recorded in the timeline and the audit trail.' },
  confirm: { id: 'participants.withdraw.confirm', defaultMessage: 'Withdraw' },
  withdrawing: { id: 'participants.withdraw.withdrawing', defaultMessage: 'Withdrawing…' },
  done: { id: 'participants.withdraw.done', defaultMessage: '{agency} was withdrawn from the operation.' },
});

const WithdrawParticipationMutation = graphql(
  `
  mutation WithdrawParticipation($input: WithdrawParticipationInput!) {
    withdrawParticipation(input: $input) {
      __typename
      ... on Participation {
        id
        status
        respondedAt
      }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

interface WithdrawDialogProps {
  operationId: string;
  agency: AgencyLike & { id: string };
  onDone(done: Done): void;
  onClose(): void;
}

/** Asks for the reason before withdrawing an agency; nothing is sent until it is confirmed. */
export function WithdrawDialog({ operationId, agency, onDone, onClose }: WithdrawDialogProps) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<Problem | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [{ fetching }, withdraw] = useMutation(WithdrawParticipationMutation);

  const confirm = async () => {
    const input = { operationId, agencyId: agency.id, reason };
    const checked = withdrawParticipationInput.safeParse(input);
    if (!checked.success) {
      setReasonProblem(problemsByField(checked.error.issues).reason);
      return;
    }
    setReasonProblem(undefined);
    setProblem(null);
    const outcome = await withdraw({ input: { ...input, reason: checked.data.reason } });
    const refusal = refusalOf(outcome.error, outcome.data?.withdrawParticipation);
    if (refusal) setProblem(refusal);
    else onDone({ message: withdrawWords.done, values: { agency: agency.name } });
  };

  return (
    <ModalQuestion
      className="confirm-dialog"
      danger
      title={<FormattedMessage {...withdrawWords.title} values={{ agency: agencyLabel(intl.locale, agency) }} />}
      submitLabel={<FormattedMessage {...withdrawWords.confirm} />}
      busyLabel={<FormattedMessage {...withdrawWords.withdrawing} />}
      busy={fetching}
      problem={problem}
      onSubmit={() => void confirm()}
      onClose={onClose}
    >
      <p>
        <FormattedMessage {...withdrawWords.explanation} />
      </p>
      <TextAreaField
        label={<FormattedMessage {...withdrawWords.reason} />}
        hint={<FormattedMessage {...withdrawWords.reasonHint} />}
        problem={reasonProblem}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        required
        autoFocus
      />
    </ModalQuestion>
  );
}
