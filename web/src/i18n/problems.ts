import type { IntlShape, MessageDescriptor } from 'react-intl';
import { phaseWords } from './codes';
import { defineMessages } from './define-messages';
import { type KeyedIssue, problemOfRuleKey } from './problem-keys';
import { translateServerText } from './server-texts';

/**
 * Something to tell the reader, kept as a message and its values rather than words, so a problem
 * already on screen is re-worded when the reader switches language. A value may itself be a
 * problem (a phase in words, the action a role does not allow), worded in the same language.
 */
export interface Problem {
  message: MessageDescriptor;
  values?: Record<string, ProblemValue>;
}

export type ProblemValue = string | number | Problem;

export const say = (intl: IntlShape, problem: Problem): string =>
  intl.formatMessage(
    problem.message,
    problem.values &&
      Object.fromEntries(
        Object.entries(problem.values).map(([name, value]) => [name, typeof value === 'object' ? say(intl, value) : value]),
      ),
  );

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

/** An issue from a shared zod schema (checked in the browser) or a server `fieldErrors` entry. */
export interface FieldIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  /**
   * From the server (FieldError): what is wrong and its parameters, preferred over the sentence.
   * Loosely typed: some zod issues have fields of these names too (an invalid key's `key`), never a ProblemKey.
   */
  key?: unknown;
  min?: unknown;
  max?: unknown;
  expected?: unknown;
  phase?: unknown;
  catalogueVersion?: unknown;
  unit?: unknown;
  category?: unknown;
  severity?: unknown;
  /** A zod issue of the browser's own check: a refinement's key and parameters are in `params.problem` (shared/src/refusals.ts). */
  params?: unknown;
}

/** The issue with its key and parameters where they are: the server's fields, or a browser refinement's params. */
function keyedIssue(issue: FieldIssue): KeyedIssue {
  if (issue.key !== undefined) return issue;
  const params = issue.params as { problem?: Omit<KeyedIssue, 'path'> } | undefined;
  return params?.problem && typeof params.problem === 'object' ? { ...params.problem, path: issue.path } : issue;
}

/** A problem from its key and parameters (shared/src/problems.ts), or null for a key that says no more than the sentence. */
function problemByKey(issue: KeyedIssue): Problem | null {
  const minimum = typeof issue.min === 'number' ? issue.min : 0;
  const maximum = typeof issue.max === 'number' ? issue.max : 0;
  switch (issue.key) {
    case 'REQUIRED':
      return { message: problemWords.required };
    case 'TOO_SHORT':
      return { message: problemWords.tooShort, values: { minimum } };
    case 'TOO_LONG':
      return { message: problemWords.tooLong, values: { maximum } };
    case 'TOO_FEW':
      return { message: problemWords.tooFew, values: { minimum } };
    case 'TOO_MANY':
      return { message: problemWords.tooMany, values: { maximum } };
    case 'TOO_SMALL':
      return { message: problemWords.tooSmall, values: { minimum } };
    case 'TOO_LARGE':
      return { message: problemWords.tooLarge, values: { maximum } };
    case 'CONTROL_CHARACTER':
      return { message: problemWords.controlCharacter };
    case 'ONE_LINE':
      return { message: problemWords.oneLine };
    case 'NOT_A_COUNTRY':
      return { message: problemWords.notACountry };
    case 'NOT_UNICODE':
      return { message: problemWords.notUnicode };
    default:
      return problemOfRuleKey(issue);
  }
}

/** The field an issue is about, as a dotted path without the `input.` the server puts first. */
export function fieldOf(issue: FieldIssue): string {
  const path = issue.path.map(String);
  return (path[0] === 'input' ? path.slice(1) : path).join('.');
}

/**
 * The shared schemas and the server speak English; the reader gets each of their sentences in
 * their language (server-texts.ts), or else the rule broken, by zod's issue code.
 */
export function describeIssue(issue: FieldIssue): Problem {
  const byKey = problemByKey(keyedIssue(issue));
  if (byKey) return byKey;
  const known = translateServerText(issue.message);
  if (known) return known;
  const minimum = Number(issue.minimum ?? 0);
  const maximum = Number(issue.maximum ?? 0);
  const isText = issue.origin === 'string';
  const isList = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_small':
      if (isText) return minimum <= 1 ? { message: problemWords.required } : { message: problemWords.tooShort, values: { minimum } };
      if (isList) return { message: problemWords.tooFew, values: { minimum } };
      return { message: problemWords.tooSmall, values: { minimum } };
    case 'too_big':
      if (isText) return { message: problemWords.tooLong, values: { maximum } };
      if (isList) return { message: problemWords.tooMany, values: { maximum } };
      return { message: problemWords.tooLarge, values: { maximum } };
    case 'invalid_type':
      return { message: problemWords.required };
    case undefined:
      return { message: problemWords.refused };
    default:
      return { message: problemWords.invalid };
  }
}

export type FieldProblems = Record<string, Problem>;

/** The first problem of each field. */
export function problemsByField(issues: readonly FieldIssue[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) problems[fieldOf(issue)] ??= describeIssue(issue);
  return problems;
}

/**
 * A typed error from a mutation's result union, in words: its sentence, which says the most
 * (which rule, which phase), or else what its code means.
 */
export function describeError(error: { code: string; message: string; phase?: string | null }, phaseName?: string): Problem {
  const known = translateServerText(error.message);
  if (known) return known;
  if (error.code === 'PHASE_RULE') {
    const phase =
      phaseName ??
      (error.phase && Object.hasOwn(phaseWords, error.phase) ? { message: phaseWords[error.phase as keyof typeof phaseWords] } : '');
    return { message: problemWords.PHASE_RULE, values: { phase } };
  }
  const byCode = Object.hasOwn(problemWords, error.code) ? problemWords[error.code as keyof typeof problemWords] : undefined;
  return { message: byCode ?? problemWords.unexpected };
}
