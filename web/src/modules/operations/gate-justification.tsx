import { OVERRIDE_JUSTIFICATION_MIN_LENGTH } from '@jointops/shared/operations';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import type { Problem } from '../../i18n/problems';
import { TextAreaField } from '../../ui/fields';

const words = defineMessages({
  counter: {
    id: 'overview.justification.counter',
    defaultMessage: '{count, plural, one {# of at least {minimum, number} characters} other {# of at least {minimum, number} characters}}',
  },
});

interface JustificationFieldProps {
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  problem?: Problem | undefined;
}

/**
 * A written reason the server keeps in the audit trail (an override, a cancellation). The counter
 * counts as the rule does, without the spaces around, and is read out as it changes.
 */
export function JustificationField({ label, value, onChange, problem }: JustificationFieldProps) {
  const intl = useIntl();
  const count = value.trim().length;
  return (
    <TextAreaField
      name="justification"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      problem={problem}
      rows={4}
      maxLength={4000}
      hint={
        <span aria-live="polite" className={count >= OVERRIDE_JUSTIFICATION_MIN_LENGTH ? 'justification-enough' : undefined}>
          {intl.formatMessage(words.counter, { count, minimum: OVERRIDE_JUSTIFICATION_MIN_LENGTH })}
        </span>
      }
    />
  );
}
