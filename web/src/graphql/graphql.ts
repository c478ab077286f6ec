import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

// Every document is typed from server/schema.graphql: a field the server does not have fails
// `pnpm typecheck` (gql-tada check), so no response type is ever written by hand.
// Fragments are not masked: a screen reads what its documents ask for, fragments included.
export const graphql = initGraphQLTada<{
  disableMasking: true;
  introspection: introspection;
  scalars: { ID: string; DateTime: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
