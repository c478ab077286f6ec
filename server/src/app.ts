import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { ForbiddenError } from './domain-errors';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Database } from './db/client';
import { useAuditOfRefusedMutations } from './graphql/audit-refusals';
import type { GraphQLContext, ServerContext } from './graphql/context';
import { requestProtection } from './graphql/protection/request-protection';
import { schema } from './graphql/schema';
import { sessionTokenFrom } from './http/cookies';
import { clientRequestIdOf, newRequestId, originAllowed, sourceAddressOf } from './http/request-meta';
import { setCommonSecurityHeaders } from './http/security-headers';
import { createStaticHandler } from './http/static';
import { LiveChannels } from './live/channels';
import { useLiveChannels } from './live/channel-streams';
import { LiveHub } from './live/hub';
import { useSharedDelivery } from './live/shared-delivery';
import { startEscalator } from './modules/alerts/escalation.job';
import { startRetention } from './journal/retention.job';
import { attachWebSocket } from './live/websocket';
import type { PubSubHandle } from './pubsub';
import { authenticate, authenticateSession } from './modules/accounts/accounts.service';
import type { AppDeps } from './service-context';

export interface AppOptions extends AppDeps {
  database: Pick<Database, 'ping'>;
  pubSubHandle: Pick<PubSubHandle, 'ping'>;
}

export type App = ReturnType<typeof buildApp>;

export function buildApp(options: AppOptions) {
  const { database, pubSubHandle, ...given } = options;
  const { config, logger } = given;
  // Every live channel of this process, with its session: a session ended here ends its channels
  // here before the news goes out to the other processes.
  const channels = new LiveChannels(given, config.webSocket.maxConnectionsPerUser);
  const deps: AppDeps = { ...given, pubSub: channels.endingLocally(given.pubSub) };

  const appendCookies: Plugin<object, ServerContext> = {
    onResponse({ response, serverContext }) {
      for (const cookie of serverContext?.responseCookies ?? []) response.headers.append('set-cookie', cookie);
    },
  };

  const liveHub = new LiveHub(deps, config.liveCatchUpIntervalMs);
  const escalator = startEscalator(deps, config.escalationIntervalMs);
  const retention = startRetention(deps);
  const protection = requestProtection(deps);
  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Off in production, with introspection and suggestions (graphql/protection/schema-exposure.ts).
    graphiql: config.exposeSchema ? { title: 'jointops GraphiQL', subscriptionsProtocol: 'WS' } : false,
    renderGraphiQL,
    logging: {
      debug: (...args) => logger.debug({ yoga: args }),
      info: (...args) => logger.info({ yoga: args }),
      warn: (...args) => logger.warn({ yoga: args }),
      error: (...args) => logger.error({ yoga: args }),
    },
    plugins: [...protection.plugins, appendCookies, useAuditOfRefusedMutations(), useSharedDelivery(), useLiveChannels(channels, deps)],
    maskedErrors: {
      // A service's ForbiddenError is an expected answer, not a bug: it surfaces as FORBIDDEN.
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof ForbiddenError) {
          return new GraphQLError(original.message, { extensions: { code: original.code }, originalError: original });
        }
        return maskError(error, message, isDev);
      },
    },
    context: async (initial): Promise<GraphQLContext> => {
      // Over WebSocket the socket was authenticated at connection time and there is no Request.
      const overWebSocket = initial.viewer !== undefined;
      const headers = overWebSocket ? null : initial.request.headers;
      const viewer = overWebSocket
        ? (initial.viewer ?? null)
        : await authenticate(deps, sessionTokenFrom({ authorization: headers?.get('authorization'), cookie: headers?.get('cookie') }));
      const cookies = initial.responseCookies;
      return {
        ...deps,
        viewer,
        requestId: initial.requestId,
        clientRequestId: initial.clientRequestId ?? null,
        sourceAddress: initial.sourceAddress,
        userAgent: headers ? headers.get('user-agent') : (initial.userAgent ?? null),
        cookies: cookies ? { set: (cookie) => cookies.push(cookie) } : null,
        live: liveHub,
      };
    },
  });

  const serveStatic = config.webDistDir ? createStaticHandler(config.webDistDir) : null;
  let closing = false;

  async function readiness(): Promise<{ ok: boolean; checks: Record<string, string> }> {
    const checks: Record<string, string> = {};
    const probe = async (name: string, ping: () => Promise<void>) => {
      try {
        await Promise.race([ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000))]);
        checks[name] = 'ok';
      } catch (error) {
        checks[name] = error instanceof Error ? error.message : 'failed';
      }
    };
    await probe('database', () => database.ping());
    if (config.redisUrl) await probe('redis', () => pubSubHandle.ping());
    if (closing) checks.server = 'shutting down';
    return { ok: !closing && Object.values(checks).every((value) => value === 'ok'), checks };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const sourceAddress = sourceAddressOf(req, config.trustProxy);
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    res.setHeader('x-request-id', requestId);
    setCommonSecurityHeaders(res, config);
    res.on('finish', () => {
      const entry = {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        sourceAddress,
      };
      if (path === '/healthz' || path === '/readyz') logger.debug(entry, 'request');
      else logger.info(entry, 'request');
    });

    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
    } else if (path === '/readyz') {
      const { ok, checks } = await readiness();
      res
        .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ok ? 'ready' : 'not ready', checks }));
    } else if (path === yoga.graphqlEndpoint) {
      if (!originAllowed(req, config.allowedOrigins)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Origin not allowed');
        return;
      }
      const serverContext: ServerContext = { requestId, clientRequestId: clientRequestIdOf(req), sourceAddress, responseCookies: [] };
      // Call yoga itself: its handleNodeRequestAndResponse never ends the response on this stack.
      await yoga(req, res, serverContext);
    } else if (serveStatic && (req.method === 'GET' || req.method === 'HEAD')) {
      await serveStatic(req, res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'unhandled request failure');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  const live = {
    ...attachWebSocket(server, yoga, deps, channels),
    /** Re-checks the session of every live channel (sockets and SSE streams); the timer's safety net. */
    revalidate: () => channels.revalidate((token) => authenticateSession(deps, token)),
  };
  const unsubscribeRevocations = channels.listen(given.pubSub);
  const revalidateTimer = setInterval(
    () => void live.revalidate().catch((error: unknown) => logger.warn({ err: error }, 'session re-check failed')),
    30_000,
  );
  revalidateTimer.unref();

  return {
    deps,
    yoga,
    server,
    live,
    channels,
    liveHub,
    escalator,
    retention,
    /** Listens; port 0 picks a free port. Resolves with the bound port. */
    start(port = config.port, host = config.host): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    /**
     * Graceful stop: refuse new work, close sockets with 1001, let in-flight requests finish (up
     * to the shutdown timeout), then drop what is left. The caller closes the database after.
     */
    async stop(): Promise<void> {
      closing = true;
      clearInterval(revalidateTimer);
      unsubscribeRevocations();
      liveHub.close();
      await escalator.stop();
      await retention.stop();
      await protection.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await live.close();
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutSeconds * 1000);
      await closed;
      clearTimeout(deadline);
    },
  };
}
