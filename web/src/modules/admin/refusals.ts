import type { CombinedError } from 'urql';
import { describeError, problemsByField, problemWords, type FieldProblems, type Problem } from '../../i18n/problems';

/** What a mutation's result union may hold besides its success. */
export interface RefusedResult {
  __typename: string;
  code?: string;
  message?: string;
  fieldErrors?: readonly { path: readonly string[]; message: string }[];
}

export interface Refusal {
  /** Problems at fields the form shows. */
  fields: FieldProblems;
  /** What to say above the buttons: the refusal itself, or where to look. */
  problem: Problem;
}

/**
 * Why a mutation did not happen, in words. A refusal about a field the form shows is put at that
 * field; one about anything else (the account acted on, say: "You cannot deactivate your own
 * account") is said in full, since there is no field to put it at.
 */
export function refusalOf(
  error: CombinedError | undefined,
  result: RefusedResult | null | undefined,
  formFields: readonly string[] = [],
): Refusal {
  if (error || !result)
    return { fields: {}, problem: { message: error?.networkError ? problemWords.serverUnreachable : problemWords.unexpected } };
  if (result.__typename === 'ValidationError' && result.fieldErrors?.length) {
    const all = problemsByField(result.fieldErrors);
    const fields = Object.fromEntries(Object.entries(all).filter(([field]) => formFields.includes(field)));
    const elsewhere = Object.entries(all).find(([field]) => !formFields.includes(field));
    return { fields, problem: elsewhere ? elsewhere[1] : { message: problemWords.VALIDATION } };
  }
  return { fields: {}, problem: describeError({ code: result.code ?? '', message: result.message ?? '' }) };
}
