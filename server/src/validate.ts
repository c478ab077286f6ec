import type { z } from 'zod';
import { ValidationError } from './domain-errors';
import { uuidFromGlobalId } from './global-id';

/** Parses input with a shared zod schema; every problem is reported, each against its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
  );
}

/** Decodes an id input field; a malformed one or one of another type is a validation error on that field. */
export function idFromInput(globalId: string, typename: string, field: string): string {
  const id = uuidFromGlobalId(globalId, typename);
  if (!id) throw ValidationError.field(field, `Not a valid ${typename} id`);
  return id;
}
