import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import type { Problem } from '../../i18n/problems';
import { ModalQuestion } from '../../ui/modal-question';
import type { Done } from './done-notice';
import { RemoveMemberMutation, type MemberItem } from './members-query';
import { refusalOf } from './refusals';

const words = defineMessages({
  title: { id: 'participants.remove.title', defaultMessage: 'Remove {person} from the operation?' },
  explanation: {
    id: 'participants.remove.explanation',
    defaultMessage: '{person} will no longer see the operation or receive its alerts. They can be assigned again later.',
  },
  confirm: { id: 'participants.remove.confirm', defaultMessage: 'Remove' },
  removing: { id: 'participants.remove.removing', defaultMessage: 'Removing…' },
  explanationSelf: {
    id: 'participants.remove.explanationSelf',
    defaultMessage: 'You will no longer see the operation or receive its alerts, until someone assigns you again.',
  },
  done: { id: 'participants.remove.done', defaultMessage: '{person} was removed from the operation.' },
});

/** Confirms the end of a membership; the server keeps the last coordinator and says so. */
interface RemoveMemberDialogProps {
  operationId: string;
  member: MemberItem;
  /** Whether the member is the viewer, who then loses the operation. */
  isViewer: boolean;
  onDone(done: Done): void;
  onClose(): void;
}

export function RemoveMemberDialog({ operationId, member, isViewer, onDone, onClose }: RemoveMemberDialogProps) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [{ fetching }, remove] = useMutation(RemoveMemberMutation);
  const person = member.user.displayName;

  const confirm = async () => {
    setProblem(null);
    const outcome = await remove({ input: { operationId, memberId: member.id } });
    const refusal = refusalOf(outcome.error, outcome.data?.removeMember);
    if (refusal) setProblem(refusal);
    else onDone({ message: words.done, values: { person } });
  };

  return (
    <ModalQuestion
      className="confirm-dialog"
      danger
      title={<FormattedMessage {...words.title} values={{ person }} />}
      submitLabel={<FormattedMessage {...words.confirm} />}
      busyLabel={<FormattedMessage {...words.removing} />}
      busy={fetching}
      problem={problem}
      onSubmit={() => void confirm()}
      onClose={onClose}
    >
      <p>
        <FormattedMessage {...(isViewer ? words.explanationSelf : words.explanation)} values={{ person }} />
      </p>
    </ModalQuestion>
  );
}
