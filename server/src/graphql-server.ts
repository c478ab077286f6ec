import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type MaskError, type Plugin } from 'graphql-yoga';
import { ForbiddenError } from './domain-errors';
import { useAuditOfRefusedMutations } from './graphql/audit-refusals';
import type { GraphQLContext, ServerContext } from './graphql/context';
import { requestProtection } from './graphql/protection/request-protection';
import { useScopeCacheRelease } from './graphql/scope-cache-release';
import { schema } from './graphql/schema';
import { useCompressedAnswers } from './http/compressed-answers';
import { sessionTokenFrom } from './http/cookies';
import { useLiveChannels } from './live/channel-streams';
import type { LiveChannels } from './live/channels';
import type { LiveHub } from './live/hub';
import { useSharedDelivery } from './live/shared-delivery';
import { liveSessionOf } from './modules/accounts/accounts.service';
import type { AppDeps } from './service-context';

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;

/** What yoga says in a masked error's place (its default). */
const UNEXPECTED_ERROR = 'Unexpected error.';

/** A service's ForbiddenError is an expected answer, not a bug: it surfaces as FORBIDDEN; other errors are masked. */
const maskedError: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof ForbiddenError) {
    return new GraphQLError(original.message, { extensions: { code: original.code }, originalError: original });
  }
  return maskError(error, message, isDev);
};

/** The same masking for a result shared by many subscribers (live/shared-delivery.ts), logged as yoga logs what it masks. */
function maskedOnce(error: unknown, logger: AppDeps['logger']): GraphQLError {
  const masked = maskedError(error, UNEXPECTED_ERROR) as GraphQLError;
  if (masked !== error) logger.error({ err: error }, 'masked error in a live event');
  return masked;
}

/** The GraphQL endpoint: yoga with the schema, its protections and plugins, and the context each operation gets. */
export function createGraphQLServer(deps: AppDeps, live: { channels: LiveChannels; liveHub: LiveHub }) {
  const { config, logger } = deps;
  const appendCookies: Plugin<object, ServerContext> = {
    onResponse({ response, serverContext }) {
      for (const cookie of serverContext?.responseCookies ?? []) response.headers.append('set-cookie', cookie);
    },
  };
  const protection = requestProtection(deps);
  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Counted by the protection's own limit instead, which counts only a body of undeclared length.
    maxRequestBodySize: false,
    // Off in production, with introspection and suggestions (graphql/protection/schema-exposure.ts).
    graphiql: config.exposeSchema ? { title: 'jointops GraphiQL', subscriptionsProtocol: 'WS' } : false,
    renderGraphiQL,
    logging: {
      debug: (...args) => logger.debug({ yoga: args }),
      info: (...args) => logger.info({ yoga: args }),
      warn: (...args) => logger.warn({ yoga: args }),
      error: (...args) => logger.error({ yoga: args }),
    },
    plugins: [
      ...protection.plugins,
      appendCookies,
      useAuditOfRefusedMutations(),
      useSharedDelivery((errors) => errors.map((error) => maskedOnce(error, logger))),
      useLiveChannels(live.channels, deps),
      useScopeCacheRelease(),
      useCompressedAnswers(),
    ],
    maskedErrors: { maskError: maskedError },
    context: async (initial): Promise<GraphQLContext> => {
      // Over WebSocket the socket was authenticated at connection time and there is no Request.
      const overWebSocket = initial.viewer !== undefined;
      const headers = overWebSocket ? null : initial.request.headers;
      const viewer = overWebSocket
        ? (initial.viewer ?? null)
        : ((await liveSessionOf(deps, sessionTokenFrom({ authorization: headers?.get('authorization'), cookie: headers?.get('cookie') })))
            ?.viewer ?? null);
      const cookies = initial.responseCookies;
      return {
        ...deps,
        viewer,
        requestId: initial.requestId,
        clientRequestId: initial.clientRequestId ?? null,
        sourceAddress: initial.sourceAddress,
        userAgent: headers ? headers.get('user-agent') : (initial.userAgent ?? null),
        cookies: cookies ? { set: (cookie) => cookies.push(cookie) } : null,
        live: live.liveHub,
      };
    },
  });
  return { yoga, close: () => protection.close() };
}
