import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { describe, expect, it } from 'vitest';
import { rootFieldsWithoutAuthScopes } from '@jointops/server/graphql/auth-scope-audit';
import { printedSchema } from '@jointops/server/graphql/print-schema';
import { schema } from '@jointops/server/graphql/schema';

const committedSchemaPath = fileURLToPath(new URL('../../server/schema.graphql', import.meta.url));

describe('the committed schema.graphql', () => {
  it('is what the code builds (run `pnpm schema:print` after changing the schema)', () => {
    expect(printedSchema()).toBe(readFileSync(committedSchemaPath, 'utf8'));
  });

  it('would be reported as drifted after any change to the code', () => {
    const committed = readFileSync(committedSchemaPath, 'utf8');
    const withExtraField = committed.replace('type Query {', 'type Query {\n  addedWithoutPrinting: Int');
    expect(withExtraField).not.toBe(committed);
    expect(printedSchema()).not.toBe(withExtraField);
  });
});

describe('auth scopes on root fields', () => {
  it('are declared on every query, mutation and subscription field', () => {
    expect(rootFieldsWithoutAuthScopes(schema)).toEqual([]);
  });

  it('are reported missing on a field that forgot them', () => {
    type Types = { AuthScopes: { authenticated: boolean } };
    // The drizzle plugin, loaded with the server schema, makes its options required on every
    // builder's type; this throwaway builder uses only scope-auth.
    const options = { plugins: [ScopeAuthPlugin], scopeAuth: { authScopes: () => ({ authenticated: true }) } };
    const builder = new SchemaBuilder<Types>(options as unknown as ConstructorParameters<typeof SchemaBuilder<Types>>[0]);
    builder.queryType({
      fields: (t) => ({
        guarded: t.string({ authScopes: { authenticated: true }, resolve: () => 'ok' }),
        forgotten: t.string({ resolve: () => 'open to anyone' }),
      }),
    });
    builder.mutationType({ fields: (t) => ({ alsoForgotten: t.boolean({ resolve: () => true }) }) });
    expect(rootFieldsWithoutAuthScopes(builder.toSchema())).toEqual(['Query.forgotten', 'Mutation.alsoForgotten']);
  });
});
