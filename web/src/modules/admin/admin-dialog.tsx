import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { say, type Problem } from '../../i18n/problems';
import { adminWords } from './admin-words';

interface AdminDialogProps {
  title: ReactNode;
  /** What will happen, and any field the action needs. */
  children: ReactNode;
  submitLabel: ReactNode;
  busyLabel: ReactNode;
  busy: boolean;
  problem: Problem | null;
  /** Deactivating is confirmed with a red button, and the keyboard starts on Cancel. */
  destructive?: boolean;
  onSubmit(): void;
  onClose(): void;
}

/**
 * A modal question before an action on an account or agency. It is mounted only while open:
 * showModal() makes the rest of the page inert and moves focus into it (to its first field, or to
 * Cancel when the action is destructive, so a stray Enter does nothing harmful); on closing,
 * focus goes back to the button that opened it.
 */
export function AdminDialog({
  title,
  children,
  submitLabel,
  busyLabel,
  busy,
  problem,
  destructive = false,
  onSubmit,
  onClose,
}: AdminDialogProps) {
  const intl = useIntl();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    if (destructive) cancel.current?.focus();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [destructive]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <dialog
      ref={dialog}
      className="admin-dialog"
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
          <button type="submit" className={destructive ? 'danger' : 'primary'} disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>
          <button type="button" ref={cancel} onClick={onClose} disabled={busy}>
            <FormattedMessage {...adminWords.cancel} />
          </button>
        </div>
      </form>
    </dialog>
  );
}
