import { CONTROL_CHARACTER_MESSAGE, ONE_LINE_MESSAGE } from './validation';

// What a field error is about, as a key and its bounds, so a client words it in its reader's
// language without matching English sentences. One mapping, from a zod issue, for server and web.

export const PROBLEM_KEYS = [
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_FEW',
  'TOO_MANY',
  'TOO_SMALL',
  'TOO_LARGE',
  'CONTROL_CHARACTER',
  'ONE_LINE',
  'NOT_A_COUNTRY',
  'NOT_UNICODE',
  'INVALID',
  /** A rule of its own (a refinement): the English message says which. */
  'OTHER',
] as const;
export type ProblemKey = (typeof PROBLEM_KEYS)[number];

export interface FieldProblem {
  key: ProblemKey;
  /** The bound broken, for TOO_SHORT/TOO_FEW/TOO_SMALL (min) and TOO_LONG/TOO_MANY/TOO_LARGE (max). */
  min?: number;
  max?: number;
}

/** The refinements' own sentences that name a problem every field can have. */
const BY_MESSAGE: Record<string, ProblemKey> = {
  [CONTROL_CHARACTER_MESSAGE]: 'CONTROL_CHARACTER',
  [ONE_LINE_MESSAGE]: 'ONE_LINE',
  'Use a two-letter ISO 3166-1 country code': 'NOT_A_COUNTRY',
  'No country has this ISO 3166-1 code': 'NOT_A_COUNTRY',
  Required: 'REQUIRED',
};

/** The shape of a zod issue this reads (zod 4: code, origin, minimum, maximum; params of a re-pathed one). */
export interface IssueLike {
  code?: string;
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  params?: Record<string, unknown>;
}

const isProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' && value !== null && (PROBLEM_KEYS as readonly unknown[]).includes((value as FieldProblem).key);

/** The key and bounds of a zod issue. */
export function problemOf(issue: IssueLike): FieldProblem {
  // An issue moved to another path (an alert's subject) carries the problem of the one it repeats.
  if (isProblem(issue.params?.problem)) return issue.params.problem;
  const byMessage = BY_MESSAGE[issue.message];
  if (byMessage) return { key: byMessage };
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  const isText = issue.origin === 'string';
  const isList = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_small':
      if (isText) return min <= 1 ? { key: 'REQUIRED' } : { key: 'TOO_SHORT', min };
      return isList ? { key: 'TOO_FEW', min } : { key: 'TOO_SMALL', min };
    case 'too_big':
      if (isText) return { key: 'TOO_LONG', max };
      return isList ? { key: 'TOO_MANY', max } : { key: 'TOO_LARGE', max };
    case 'invalid_type':
      return { key: 'REQUIRED' };
    case 'custom':
      return { key: 'OTHER' };
    default:
      return { key: 'INVALID' };
  }
}
