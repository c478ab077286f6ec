import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema';

/** The SDL committed as schema.graphql; tests compare the two to catch drift. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
