import type { MessageDescriptor } from 'react-intl';
import { defineMessages } from './define-messages';
import type { Problem } from './problems';

// The shared zod schemas and the server's business rules explain a refusal in an English
// sentence. Each sentence they can say is listed here as a pattern with its words in every
// language; server-texts.test.ts reads shared/src and server/src and fails on a sentence that has
// no pattern, so a new rule cannot reach a French reader in English.

const words = defineMessages({
  required: { id: 'serverText.required', defaultMessage: 'Required' },
  atMostCharacters: { id: 'serverText.atMostCharacters', defaultMessage: '{max, plural, one {At most # character} other {At most # characters}}' },
  atLeastCharacters: { id: 'serverText.atLeastCharacters', defaultMessage: '{min, plural, one {At least # character} other {At least # characters}}' },
  notValidEmail: { id: 'serverText.notValidEmail', defaultMessage: 'Not a valid e-mail address' },
  operationCodeShape: { id: 'serverText.operationCodeShape', defaultMessage: 'Use 3 to 40 letters, digits and hyphens, e.g. {example}' },
  operationCodeTaken: { id: 'serverText.operationCodeTaken', defaultMessage: 'An operation with this code already exists' },
  unknownTimeZone: { id: 'serverText.unknownTimeZone', defaultMessage: 'Unknown time zone' },
  mustBeAfterStart: { id: 'serverText.mustBeAfterStart', defaultMessage: 'Must be after the start' },
  overlapsPreviousPhase: { id: 'serverText.overlapsPreviousPhase', defaultMessage: 'Must not start before the previous phase ends' },
  notValidDateTime: { id: 'serverText.notValidDateTime', defaultMessage: 'Not a valid date and time' },
});

interface Pattern {
  pattern: RegExp;
  message: MessageDescriptor;
  /** Values of the message from the pattern's named groups, numbers where they are digits. */
}

const PATTERNS: Pattern[] = [
  { pattern: /^Required$/, message: words.required },
  { pattern: /^At most (?<max>\d+) characters$/, message: words.atMostCharacters },
  { pattern: /^At least (?<min>\d+) characters$/, message: words.atLeastCharacters },
  { pattern: /^Not a valid e-mail address$/, message: words.notValidEmail },
  { pattern: /^Use 3 to 40 letters, digits and hyphens, e\.g\. (?<example>\S+)$/, message: words.operationCodeShape },
  { pattern: /^An operation with this code already exists$/, message: words.operationCodeTaken },
  { pattern: /^Unknown IANA time zone$/, message: words.unknownTimeZone },
  { pattern: /^Must be after the start$/, message: words.mustBeAfterStart },
  { pattern: /^Must not start before (?<phase>\w+) ends$/, message: words.overlapsPreviousPhase },
  { pattern: /^Not a valid date and time$/, message: words.notValidDateTime },
];

/** The reader's words for a sentence of the shared schemas or the server; null for one not listed. */
export function translateServerText(text: string): Problem | null {
  for (const { pattern, message } of PATTERNS) {
    const match = pattern.exec(text.trim());
    if (!match) continue;
    const values = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([name, value]) => [name, /^\d+$/.test(value) ? Number(value) : value]),
    );
    return { message, values };
  }
  return null;
}

/** For the catalogue test: every English sentence pattern known here. */
export const serverTextPatterns = (): readonly RegExp[] => PATTERNS.map(({ pattern }) => pattern);
