import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { ERROR_CODES } from '@jointops/shared/errors';
import { ValidationError } from '../domain-errors';
import { parseInput } from '../validate';

/**
 * Parses a query's arguments with a shared zod schema. A query has no error union to answer in,
 * so a refusal is a VALIDATION error whose `fieldErrors` extension names every field.
 */
export function parseQueryArguments<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Every field's sentence, each one the web app translates.
    throw new GraphQLError(error.fieldErrors.map((problem) => problem.message).join(' '), {
      extensions: { code: ERROR_CODES.VALIDATION, fieldErrors: error.fieldErrors },
    });
  }
}
