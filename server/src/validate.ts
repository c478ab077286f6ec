import type { z } from 'zod';
import { type IssueLike, problemOf } from '@jointops/shared/problems';
import { ValidationError } from './domain-errors';
import { uuidFromGlobalId } from './global-id';

// Half of a surrogate pair, alone: with the u flag a well-formed pair is one code point and does
// not match, so only the lone halves do.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export const NOT_UNICODE_MESSAGE = 'Not well-formed Unicode text';

/**
 * Where the input holds a string (or an object key) with half of a surrogate pair. JSON carries
 * them (`"\ud808"`) but PostgreSQL cannot store them: jsonb refuses them, failing the whole write
 * deep in the database, and text columns would keep U+FFFD instead of what was sent.
 */
function notUnicodePaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => notUnicodePaths(item, [...path, String(index)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      LONE_SURROGATE.test(key) ? [[...path, storable(key)]] : notUnicodePaths(item, [...path, storable(key)]),
    );
  }
  return [];
}

/**
 * A key as a path names it: U+FFFD for each half pair and control character. The path goes into the
 * answer and the audit row, and PostgreSQL stores neither; a key on the way to the bad one, not
 * only the bad one itself, can hold them (a NUL in a parent's key was an internal error).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: it replaces exactly what PostgreSQL cannot store in a path.
const storable = (key: string): string => key.replace(/[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]/gu, '\uFFFD');

/** Parses input with a shared zod schema; every problem is reported, each against its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const notUnicode = notUnicodePaths(input);
  if (notUnicode.length > 0)
    throw new ValidationError(notUnicode.map((path) => ({ path, message: NOT_UNICODE_MESSAGE, key: 'NOT_UNICODE' })));
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, ...problemOf(issue as IssueLike) })),
  );
}

/** Decodes an id input field; a malformed one or one of another type is a validation error on that field. */
export function idFromInput(globalId: string, typename: string, field: string): string {
  const id = uuidFromGlobalId(globalId, typename);
  if (!id) throw ValidationError.field(field, 'INVALID_ID', `Not a valid ${typename} id`, { typename });
  return id;
}
