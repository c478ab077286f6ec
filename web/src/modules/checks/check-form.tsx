import type { FormEvent, ReactNode } from 'react';
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { say, type Problem } from '../../i18n/problems';
import { checkWords } from './check-words';

interface CheckFormProps {
  legend: MessageDescriptor;
  hint: MessageDescriptor;
  sending: boolean;
  /** What was recorded, in words, once the server took it. */
  recorded: ReactNode;
  problem: Problem | null;
  onSubmit(): void;
  children: ReactNode;
}

/** A register form's frame: its fields, the Record button, and what came of the last write. */
export function CheckForm({ legend, hint, sending, recorded, problem, onSubmit, children }: CheckFormProps) {
  const intl = useIntl();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form check-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>
          <FormattedMessage {...legend} />
        </legend>
        <p className="field-hint">
          <FormattedMessage {...hint} />
        </p>
        {children}
        <div className="form-actions">
          <button type="submit" className="primary" aria-disabled={sending || undefined} disabled={sending}>
            <FormattedMessage {...(sending ? checkWords.recording : checkWords.record)} />
          </button>
          <div aria-live="polite">{recorded && <p className="form-success">{recorded}</p>}</div>
        </div>
        {problem && (
          <p className="form-error" role="alert">
            {say(intl, problem)}
          </p>
        )}
      </fieldset>
    </form>
  );
}
