import type { CombinedError } from 'urql';
import { describeError, describeIssue, problemWords, type Problem } from '../../i18n/problems';

// The participation and membership rules refuse in English sentences (participations.service.ts,
// members.service.ts); i18n/server-texts words each of them in the reader's language.

/** What a mutation's result union may hold besides its success. */
export interface RefusedResult {
  __typename: string;
  code?: string;
  message?: string;
  phase?: string | null;
  fieldErrors?: readonly { path: readonly string[]; message: string }[];
}

/**
 * Why a mutation did not happen, in words, or null when it did. A refusal by role comes as a
 * top-level FORBIDDEN error naming the action; the others as members of the result union.
 */
export function refusalOf(error: CombinedError | undefined, result: RefusedResult | null | undefined): Problem | null {
  if (error) {
    const forbidden = error.graphQLErrors.find((graphQLError) => graphQLError.extensions?.code === 'FORBIDDEN');
    if (forbidden) return describeError({ code: 'FORBIDDEN', message: forbidden.message });
    return { message: error.networkError ? problemWords.serverUnreachable : problemWords.unexpected };
  }
  if (!result) return { message: problemWords.unexpected };
  if (result.__typename === 'ValidationError') {
    const first = result.fieldErrors?.[0];
    return first ? describeIssue(first) : { message: problemWords.VALIDATION };
  }
  if (result.code && result.message !== undefined)
    return describeError({ code: result.code, message: result.message, phase: result.phase ?? null });
  return null;
}
