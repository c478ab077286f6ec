import { phaseWords } from './codes';
import { type KeyedIssue, problemOfRuleKey } from './problem-keys';
import { problemWords } from './problem-words';
import type { Problem } from './say';
import { translateServerText } from './server-texts';

// Problems are told with `say` and the common words (./say.ts, ./problem-words.ts, apart: a screen
// that only shows a problem does not load these tables).
export { problemWords } from './problem-words';
export { type Problem, type ProblemValue, say } from './say';

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
