import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { problemWords, type Problem } from '../../i18n/problems';
import { TextAreaField } from '../../ui/fields';
import { ModalQuestion } from '../../ui/modal-question';
import type { Refusal } from './alert-refusals';
import { useWithdrawAlert } from './alert-writes';

const words = defineMessages({
  title: { id: 'alerts.withdraw.title', defaultMessage: 'Withdraw alert {reference}?' },
  explanation: {
    id: 'alerts.withdraw.explanation',
    defaultMessage:
      'It stays readable, but it is no longer escalated, acknowledged, answered or amended. Its recipients see that it was withdrawn, and why. This cannot be undone.',
  },
  reason: { id: 'alerts.withdraw.reason', defaultMessage: 'Reason' },
  reasonHint: { id: 'alerts.withdraw.reasonHint', defaultMessage: 'Shown to every recipient, in the timeline and the audit trail.' },
  confirm: { id: 'alerts.withdraw.confirm', defaultMessage: 'Withdraw the alert' },
  withdrawing: { id: 'alerts.withdraw.withdrawing', defaultMessage: 'Withdrawing…' },
});

interface WithdrawAlertDialogProps {
  alertId: string;
  reference: string;
  onClose(): void;
}

/** Asks for the reason before withdrawing the alert; nothing is sent until it is confirmed. */
export function WithdrawAlertDialog({ alertId, reference, onClose }: WithdrawAlertDialogProps) {
  const [busy, withdraw] = useWithdrawAlert();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const confirm = async () => {
    const answer = await withdraw({ alertId, reason });
    if (answer) setRefusal(answer);
    else onClose();
  };
  const fieldProblem = refusal?.fields?.reason;
  const otherProblem: Problem | null = refusal?.problem ?? (refusal?.fields && !fieldProblem ? { message: problemWords.VALIDATION } : null);

  return (
    <ModalQuestion
      className="confirm-dialog"
      danger
      title={<FormattedMessage {...words.title} values={{ reference }} />}
      submitLabel={<FormattedMessage {...words.confirm} />}
      busyLabel={<FormattedMessage {...words.withdrawing} />}
      busy={busy}
      problem={otherProblem}
      onSubmit={() => void confirm()}
      onClose={onClose}
    >
      <p>
        <FormattedMessage {...words.explanation} />
      </p>
      <TextAreaField
        label={<FormattedMessage {...words.reason} />}
        hint={<FormattedMessage {...words.reasonHint} />}
        problem={fieldProblem}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        required
        autoFocus
      />
    </ModalQuestion>
  );
}
