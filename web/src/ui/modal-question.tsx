import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import { say, type Problem } from '../i18n/say';

const words = defineMessages({
  cancel: { id: 'ui.dialog.cancel', defaultMessage: 'Cancel' },
});

interface ModalQuestionProps {
  title: ReactNode;
  /** What will happen, and the fields the action needs. */
  children: ReactNode;
  submitLabel: ReactNode;
  busyLabel: ReactNode;
  busy: boolean;
  problem: Problem | null;
  /** A red button, for what cannot be undone. */
  danger?: boolean;
  /** The keyboard starts on Cancel, so a stray Enter does nothing harmful (for a question with no field). */
  startOnCancel?: boolean;
  className: string;
  onSubmit(): void;
  onClose(): void;
}

/**
 * A modal question before an action. It is mounted only while open: showModal() makes the rest of
 * the page inert and moves focus into it (to its first field, or to Cancel); on closing, focus goes
 * back to whatever opened it, so a keyboard user continues where they were.
 */
export function ModalQuestion({
  title,
  children,
  submitLabel,
  busyLabel,
  busy,
  problem,
  danger = false,
  startOnCancel = false,
  className,
  onSubmit,
  onClose,
}: ModalQuestionProps) {
  const intl = useIntl();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    if (startOnCancel) cancel.current?.focus();
    return () => {
      if (element?.open) element.close();
      // Back to the opener unless the page has already put focus on what the action changed (a
      // notice saying it was done), or the opener went away with it.
      queueMicrotask(() => {
        const active = document.activeElement;
        if ((!active || active === document.body) && opener?.isConnected) opener.focus();
      });
    };
  }, [startOnCancel]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <dialog
      ref={dialog}
      className={className}
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
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>
          <button type="button" ref={cancel} onClick={onClose} disabled={busy}>
            <FormattedMessage {...words.cancel} />
          </button>
        </div>
      </form>
    </dialog>
  );
}
