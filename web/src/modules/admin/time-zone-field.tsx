import { useId, type ReactNode } from 'react';
import type { Problem } from '../../i18n/problems';
import { TextField } from '../../ui/fields';

// The zones the shared schema accepts (shared/src/validation.ts): the browser's IANA list and UTC.
const TIME_ZONES = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];

interface TimeZoneFieldProps {
  label: ReactNode;
  hint: ReactNode;
  value: string;
  problem: Problem | undefined;
  onChange(value: string): void;
}

/**
 * A zone typed with suggestions rather than a list of four hundred to scroll: people know their
 * city, and "Asia/K…" narrows it at once. The shared schema checks what was typed.
 */
export function TimeZoneField({ label, hint, value, problem, onChange }: TimeZoneFieldProps) {
  const listId = useId();
  return (
    <>
      <TextField
        name="timeZone"
        label={label}
        hint={hint}
        problem={problem}
        value={value}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
