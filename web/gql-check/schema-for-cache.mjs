// graphcache needs the schema to match fragments on unions and interfaces (every mutation result,
// every timeline event) and to know which fields may be null: it gets a minified introspection of
// the server's schema, regenerated with the typed documents whenever the schema changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { minifyIntrospectionQuery } from '@urql/introspection';

const source = readFileSync(new URL('../../server/schema.graphql', import.meta.url), 'utf8');
const minified = minifyIntrospectionQuery(introspectionFromSchema(buildSchema(source)), { includeScalars: false });
writeFileSync(new URL('../src/graphql/schema.json', import.meta.url), `${JSON.stringify(minified)}\n`);
