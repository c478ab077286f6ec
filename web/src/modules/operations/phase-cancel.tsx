import type { Phase } from '@jointops/shared/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { problemWords, say, type Problem } from '../../i18n/problems';
import { JustificationField } from './gate-justification';
import { useAdvancePhase } from './phase-advance';

const words = defineMessages({
  open: { id: 'overview.cancel.open', defaultMessage: 'Cancel the operation…' },
  title: { id: 'overview.cancel.title', defaultMessage: 'Cancel the operation?' },
  warning: {
    id: 'overview.cancel.warning',
    defaultMessage:
      'Cancelling ends the operation for every agency taking part. It cannot be undone: the operation stays readable, but nothing can be added or changed.',
  },
  reason: { id: 'overview.cancel.reason', defaultMessage: 'Reason for cancelling' },
  confirm: { id: 'overview.cancel.confirm', defaultMessage: 'Yes, cancel the operation' },
  cancelling: { id: 'overview.cancel.cancelling', defaultMessage: 'Cancelling…' },
  keep: { id: 'overview.cancel.keep', defaultMessage: 'Keep the operation' },
});

/** Cancelling an open operation: behind a confirmation, with the reason the audit trail keeps. */
export function PhaseCancel({ operationId, onCancelled }: { operationId: string; onCancelled(phase: Phase): void }) {
  const intl = useIntl();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const { advance, sending } = useAdvancePhase(operationId);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<Problem | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);

  const focusReason = () => {
    const field = dialog.current?.querySelector('textarea');
    field?.focus();
  };

  function open() {
    setProblem(null);
    dialog.current?.showModal();
    focusReason();
  }

  function close() {
    dialog.current?.close();
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const outcome = await advance('CANCELLED', reason);
    switch (outcome.kind) {
      case 'advanced':
        close();
        onCancelled(outcome.phase);
        return;
      case 'justification':
        setReasonProblem(outcome.problem);
        focusReason();
        return;
      case 'problem':
        setProblem(outcome.problem);
        return;
      case 'gate':
        // Cancelling has no gate to pass; should a server ever answer with one, it is still a refusal.
        setProblem({ message: problemWords.PHASE_GATE });
    }
  }

  return (
    <>
      <button ref={opener} type="button" className="gate-cancel-open" onClick={open}>
        <FormattedMessage {...words.open} />
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-warning`}
        onClose={() => opener.current?.isConnected && opener.current.focus()}
      >
        <form className="form" noValidate onSubmit={(event) => void confirm(event)}>
          <h2 id={`${id}-title`}>
            <FormattedMessage {...words.title} />
          </h2>
          <p id={`${id}-warning`}>
            <FormattedMessage {...words.warning} />
          </p>
          <JustificationField
            label={intl.formatMessage(words.reason)}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setReasonProblem(undefined);
            }}
            problem={reasonProblem}
          />
          {problem && (
            <p className="form-error" role="alert">
              {say(intl, problem)}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="danger" disabled={sending}>
              <FormattedMessage {...(sending ? words.cancelling : words.confirm)} />
            </button>
            <button type="button" onClick={close}>
              <FormattedMessage {...words.keep} />
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
