import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import { relations } from '../db/relations';
import { decodeGlobalId, encodeGlobalId } from '../global-id';
import { columnsAtHand } from './columns-at-hand';
import type { GraphQLContext } from './context';
import { loadNode } from './node-loaders';
import { changePasswordFirst, signInFirst } from './signed-in';

export interface AuthScopes {
  /** Anyone, signed in or not: declared explicitly so every root field states its audience. */
  public: boolean;
  /**
   * Signed in, even while the person must change the password an administrator set: only what
   * they need to change it (`changeMyPassword`) asks no more. Everything else asks `authenticated`.
   */
  signedIn: boolean;
  /** Signed in with a password of one's own. */
  authenticated: boolean;
  admin: boolean;
}

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: AuthScopes;
  DrizzleRelations: typeof relations;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string | number | bigint };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Scope-auth first, so no other plugin's wrapper runs before the check; columns-at-hand right
  // outside drizzle's wrapper, which it spares a row that already carries the column.
  plugins: [ScopeAuthPlugin, RelayPlugin, ErrorsPlugin, columnsAtHand, DrizzlePlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: ({ viewer }) => {
      const ownPassword = viewer !== null && !viewer.mustChangePassword;
      return { public: true, signedIn: viewer !== null, authenticated: ownPassword, admin: ownPassword && (viewer?.isAdmin ?? false) };
    },
    // One check for HTTP, WebSocket and event streams alike, since all run through these scopes.
    unauthorizedError: (_parent, ctx) => {
      if (!ctx.viewer) return signInFirst();
      if (ctx.viewer.mustChangePassword) return changePasswordFirst();
      return new GraphQLError('Not allowed.', { extensions: { code: ERROR_CODES.FORBIDDEN } });
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: (globalId) => {
      const decoded = decodeGlobalId(globalId);
      // An undecodable id names nothing: it resolves like an id that does not exist.
      return decoded ?? { typename: '', id: '' };
    },
    nodeQueryOptions: {
      authScopes: { authenticated: true },
      resolve: (_root, { id }, ctx) => loadNode(ctx, id.typename, String(id.id)),
    },
    nodesQueryOptions: false,
  },
  errors: {
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  drizzle: { client: (ctx) => ctx.db, getTableConfig, relations },
});

builder.queryType({});
builder.mutationType({});
