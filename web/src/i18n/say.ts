import type { IntlShape, MessageDescriptor } from 'react-intl';

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
