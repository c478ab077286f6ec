import type { CombinedError } from 'urql';
import { describeError, problemsByField, problemWords, type FieldIssue, type FieldProblems, type Problem } from '../../i18n/problems';

// Why a write on an alert did not happen: the problems at the fields it names (the browser's
// check with the shared schema, or the server's ValidationError), or one for the whole form.

export interface Refusal {
  fields?: FieldProblems;
  problem?: Problem;
}

/** A refusal for the form's fields, from the issues of the shared schema checked in the browser. */
export const browserRefusal = (issues: readonly FieldIssue[]): Refusal | null =>
  issues.length ? { fields: problemsByField(issues) } : null;

/** What a write's result union may hold besides the alert. */
export interface AlertWriteAnswer {
  __typename: string;
  code?: string;
  message?: string;
  phase?: string | null;
  fieldErrors?: readonly FieldIssue[];
}

/**
 * The refusal in a write's answer, or null when the alert came back. A refusal by role is a
 * top-level FORBIDDEN error; the others are members of the result union (ConflictError,
 * PhaseRuleError, NotFoundError, ValidationError), each worded by its code and sentence.
 */
export function refusalOf(error: CombinedError | undefined, answer: AlertWriteAnswer | null | undefined): Refusal | null {
  if (error) {
    if (error.networkError) return { problem: { message: problemWords.serverUnreachable } };
    const first = error.graphQLErrors[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'UNEXPECTED';
    return { problem: describeError({ code, message: first?.message ?? '' }) };
  }
  if (!answer) return { problem: { message: problemWords.unexpected } };
  if (answer.__typename === 'Alert') return null;
  if (answer.__typename === 'ValidationError' && answer.fieldErrors?.length) return { fields: problemsByField(answer.fieldErrors) };
  return { problem: describeError({ code: answer.code ?? 'UNEXPECTED', message: answer.message ?? '', phase: answer.phase ?? null }) };
}

/** The refusal with its field problems under the form's own names for them (the first of each kept). */
export function keyedBy(refusal: Refusal | null, key: (field: string) => string): Refusal | null {
  if (!refusal?.fields) return refusal;
  const fields: FieldProblems = {};
  for (const [field, problem] of Object.entries(refusal.fields)) fields[key(field)] ??= problem;
  return { ...refusal, fields };
}

/** The refusal without the problems of `fields`; null once nothing is left of it. */
export function withoutFields(refusal: Refusal | null, fields: readonly string[]): Refusal | null {
  if (!refusal?.fields || fields.length === 0) return refusal;
  const left = Object.fromEntries(Object.entries(refusal.fields).filter(([field]) => !fields.includes(field)));
  if (Object.keys(left).length === 0 && !refusal.problem) return null;
  return { ...refusal, fields: left };
}
