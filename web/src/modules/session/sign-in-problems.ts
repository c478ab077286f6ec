import type { LoginInput } from '@jointops/shared/accounts';
import type { Locale } from '@jointops/shared/domain';
import type { Messages } from '../../i18n/en';

export type LoginField = keyof LoginInput;

/**
 * Kept as data, not words, so switching language re-words a problem already on screen. `text` is
 * shown as given: a server message, or a shared-schema message this catalogue has no id for.
 */
export type Problem =
  | { id: 'validation.required' | 'validation.tooLong' | 'validation.email' | 'error.server' }
  | { retryAfterSeconds: number }
  | { text: string };

export type FieldProblems = Partial<Record<LoginField, Problem>>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

export const LOGIN_FIELDS: readonly LoginField[] = ['email', 'password'];

/** Client-side issues from `loginInput`, or server `fieldErrors` (whose path may start with `input`). */
export function problemsByField<I extends Issue>(
  issues: readonly I[],
  describe: (issue: I) => Problem,
): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const field = LOGIN_FIELDS.find((name) => name === issue.path.at(-1));
    if (field) problems[field] ??= describe(issue);
  }
  return problems;
}

// loginInput's rules: a well-formed e-mail, a non-empty password of at most 1024 characters.
export function describeClientIssue(issue: Issue & { code: string }): Problem {
  switch (issue.code) {
    case 'too_small':
      return { id: 'validation.required' };
    case 'too_big':
      return { id: 'validation.tooLong' };
    case 'invalid_format':
      return { id: 'validation.email' };
    default:
      return { text: issue.message };
  }
}

export function say(problem: Problem, t: Messages, locale: Locale): string {
  if ('id' in problem) return t[problem.id];
  if ('text' in problem) return problem.text;
  const wait = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' });
  return t['signIn.tooManyAttempts'](wait.format(problem.retryAfterSeconds));
}
