import { ISO_COUNTRY_CODES } from '@jointops/shared/countries';
import { countryName } from '../../ui/agency';

// The browser names countries (Intl.DisplayNames) but cannot list them, and its list of names also
// holds regions that are not countries (EU, 419…): the list is the one the server checks codes against.

const sorted = new Map<string, readonly { value: string; label: string }[]>();

/**
 * Every country as an option named in the reader's language, in their alphabetical order. A code
 * stored before (`current`) stays offered even if it is not in the list, so editing keeps it.
 */
export function countryOptions(locale: string, current?: string | null): readonly { value: string; label: string }[] {
  let options = sorted.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = ISO_COUNTRY_CODES.map((code) => ({ value: code, label: countryName(locale, code) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
    sorted.set(locale, options);
  }
  if (current && !ISO_COUNTRY_CODES.includes(current)) return [...options, { value: current, label: countryName(locale, current) }];
  return options;
}
