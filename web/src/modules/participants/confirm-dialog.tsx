import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { say, type Problem } from '../../i18n/problems';

const words = defineMessages({
  cancel: { id: 'participants.dialog.cancel', defaultMessage: 'Cancel' },
});

interface ConfirmDialogProps {
  title: ReactNode;
  /** What will happen, and the fields the confirmation needs. */
  children: ReactNode;
  confirmLabel: ReactNode;
  busyLabel: ReactNode;
  busy: boolean;
  problem: Problem | null;
  onConfirm(): void;
  onClose(): void;
}

/**
 * A modal question before something that cannot be undone. It is mounted only while open:
 * showModal() makes the rest of the page inert and moves focus into it; on closing, focus goes
 * back to whatever opened it, so a keyboard user continues where they were.
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, busy, problem, onConfirm, onClose }: ConfirmDialogProps) {
  const intl = useIntl();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      // Back to the opener unless the page has already put focus on what the action changed (a
      // notice saying it was done), or the opener went away with it.
      queueMicrotask(() => {
        const active = document.activeElement;
        if ((!active || active === document.body) && opener?.isConnected) opener.focus();
      });
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape closes through React, so the dialog is unmounted rather than left closed but mounted.
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={submit} className="form" noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        {problem && (
          <p className="form-error" role="alert">
            {say(intl, problem)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="danger" disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            <FormattedMessage {...words.cancel} />
          </button>
        </div>
      </form>
    </dialog>
  );
}
