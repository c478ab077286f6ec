import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { columnAtHand } from './columns-at-hand';
import { schema } from './schema';

// The exposed columns of a drizzle type answer from the row when it carries the column; a row
// without it goes on to plugin-drizzle, which loads it; fields that select more than their own
// column (or a relation), and fields of types that are not drizzle's, are left as they were made.

const fieldOf = (type: string, field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
const configOf = (type: string, field: string) => fieldOf(type, field).extensions.pothosConfig as Parameters<typeof columnAtHand>[1];

/** The resolver plugin-drizzle would have run, answering what it was asked with. */
const drizzleResolver: GraphQLFieldResolver<unknown, object> = (row, _args, _context, info) => ({ loadedFor: row, field: info.fieldName });
const infoFor = (fieldName: string) => ({ fieldName }) as GraphQLResolveInfo;

describe('columns at hand', () => {
  it('answers an exposed column from a row that carries it, null included', () => {
    const title = columnAtHand(drizzleResolver, configOf('Alert', 'title'));
    expect(title({ id: 'a1', title: 'Container MSKU 123' }, {}, {}, infoFor('title'))).toBe('Container MSKU 123');
    const countryCode = columnAtHand(drizzleResolver, configOf('Agency', 'countryCode'));
    expect(countryCode({ id: 'g1', countryCode: null }, {}, {}, infoFor('countryCode'))).toBeNull();
    const code = columnAtHand(drizzleResolver, configOf('Operation', 'code'));
    expect(code({ id: 'o1', code: 'OP-1' }, {}, {}, infoFor('code'))).toBe('OP-1');
  });

  it('leaves a row without the column to plugin-drizzle, which loads it', () => {
    const title = columnAtHand(drizzleResolver, configOf('Alert', 'title'));
    expect(title({ id: 'a1' }, {}, {}, infoFor('title'))).toEqual({ loadedFor: { id: 'a1' }, field: 'title' });
  });

  it("leaves alone a field that selects more than its own column, a relation, and a field of a type that is not drizzle's", () => {
    expect(columnAtHand(drizzleResolver, configOf('Alert', 'subject'))).toBe(drizzleResolver);
    expect(columnAtHand(drizzleResolver, configOf('Alert', 'raisedByAgency'))).toBe(drizzleResolver);
    expect(columnAtHand(drizzleResolver, configOf('AwaitingAcknowledgementCount', 'alerts'))).toBe(drizzleResolver);
  });

  it('is in the schema: an exposed column answers from its row with no request state at all', () => {
    const alertTitle = fieldOf('Alert', 'title').resolve!;
    const info = { fieldName: 'title', parentType: schema.getType('Alert'), path: { prev: undefined, key: 'title', typename: 'Alert' } };
    expect(alertTitle({ id: 'a1', title: 'Container MSKU 123' }, {}, {}, info as unknown as GraphQLResolveInfo)).toBe('Container MSKU 123');
  });
});
