import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useIntl } from 'react-intl';
import { say, type Problem } from '../i18n/say';

// Labelled form controls: the label is the control's name for screen readers and for the
// browser tests alike, and a problem is tied to its control (aria-invalid, aria-describedby).

interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode | undefined;
  problem?: Problem | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

export function FieldFrame({ label, hint, problem, children, className }: FieldFrameProps) {
  const intl = useIntl();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: !!problem })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={problemId} className="field-error">
          {say(intl, problem)}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  problem?: Problem | undefined;
};

export function TextField({ label, hint, problem, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} problem={problem} className={className}>
      {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />}
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  problem?: Problem | undefined;
};

export function TextAreaField({ label, hint, problem, className, ...area }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} problem={problem} className={className}>
      {({ id, describedBy, invalid }) => <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...area} />}
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  problem?: Problem | undefined;
  options: readonly { value: string; label: string }[];
};

export function SelectField({ label, hint, problem, options, className, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} problem={problem} className={className}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
