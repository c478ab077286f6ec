import { defineMessages } from './define-messages';

/** The words of the problems every form may show, whoever found them (the browser or the server). */
export const problemWords = defineMessages({
  serverUnreachable: { id: 'problem.serverUnreachable', defaultMessage: 'The server did not answer. Check the link and try again.' },
  required: { id: 'problem.required', defaultMessage: 'Required' },
  tooShort: { id: 'problem.tooShort', defaultMessage: '{minimum, plural, one {At least # character} other {At least # characters}}' },
  tooLong: { id: 'problem.tooLong', defaultMessage: '{maximum, plural, one {At most # character} other {At most # characters}}' },
  tooFew: { id: 'problem.tooFew', defaultMessage: '{minimum, plural, one {Choose at least # item} other {Choose at least # items}}' },
  tooMany: { id: 'problem.tooMany', defaultMessage: '{maximum, plural, one {Choose at most # item} other {Choose at most # items}}' },
  tooSmall: { id: 'problem.tooSmall', defaultMessage: 'At least {minimum, number}' },
  tooLarge: { id: 'problem.tooLarge', defaultMessage: 'At most {maximum, number}' },
  invalid: { id: 'problem.invalid', defaultMessage: 'Not a valid value' },
  controlCharacter: { id: 'problem.controlCharacter', defaultMessage: 'Must not contain control characters' },
  oneLine: { id: 'problem.oneLine', defaultMessage: 'Must fit on one line, without tabs' },
  notACountry: { id: 'problem.notACountry', defaultMessage: 'Use a two-letter ISO 3166-1 country code, e.g. MY' },
  notUnicode: { id: 'problem.notUnicode', defaultMessage: 'Contains characters that are not well-formed text' },
  refused: { id: 'problem.refused', defaultMessage: 'The server refused this value.' },
  NOT_FOUND: { id: 'problem.NOT_FOUND', defaultMessage: 'Not found: it does not exist, or you may not see it.' },
  CONFLICT: { id: 'problem.CONFLICT', defaultMessage: 'Someone changed this at the same time. Reload and try again.' },
  PHASE_RULE: { id: 'problem.PHASE_RULE', defaultMessage: 'Not possible while the operation is {phase}.' },
  PHASE_GATE: { id: 'problem.PHASE_GATE', defaultMessage: 'The operation cannot move on yet: some criteria are not met.' },
  VALIDATION: { id: 'problem.VALIDATION', defaultMessage: 'Some values were refused: see the fields marked.' },
  INVALID_CREDENTIALS: { id: 'problem.INVALID_CREDENTIALS', defaultMessage: 'The e-mail address or password is incorrect.' },
  TOO_MANY_ATTEMPTS: { id: 'problem.TOO_MANY_ATTEMPTS', defaultMessage: 'Too many attempts. Try again in {wait}.' },
  IMPORT_REJECTED: { id: 'problem.IMPORT_REJECTED', defaultMessage: 'The file was refused: nothing was imported.' },
  IMPORT_TOO_LARGE: { id: 'problem.IMPORT_TOO_LARGE', defaultMessage: 'The file is too large to import in one go.' },
  UNAUTHENTICATED: { id: 'problem.UNAUTHENTICATED', defaultMessage: 'Your session has ended. Sign in again.' },
  FORBIDDEN: { id: 'problem.FORBIDDEN', defaultMessage: 'Your role in this operation does not allow this.' },
  unexpected: {
    id: 'problem.unexpected',
    defaultMessage: 'Something went wrong on the server. Try again; if it persists, tell your administrator.',
  },
});
