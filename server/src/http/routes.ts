import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/client';
import type { Config } from '../env';
import type { GraphQLServer } from '../graphql-server';
import type { ServerContext } from '../graphql/context';
import type { Logger } from '../logger';
import { ATTACHMENTS_PATH, attachmentRoutes } from '../modules/attachments/attachments.http';
import type { PubSubHandle } from '../pubsub';
import type { AppDeps } from '../service-context';
import { clientRequestIdOf, newRequestId, originAllowed, sourceAddressOf } from './request-meta';
import { setCommonSecurityHeaders } from './security-headers';
import { createStaticHandler } from './static';

export interface RouteOptions {
  config: Config;
  logger: Logger;
  yoga: GraphQLServer['yoga'];
  database: Pick<Database, 'ping'>;
  pubSubHandle: Pick<PubSubHandle, 'ping'>;
  /** True once the server is stopping: readiness then answers 503, so the balancer stops sending. */
  closing: () => boolean;
  /** What the endpoints beside GraphQL (attachments) call their services with. */
  deps: AppDeps;
}

/** Every HTTP request: health and readiness probes, the GraphQL endpoint, attachments, the web app's files, 404 for the rest. */
export function createRequestHandler({ config, logger, yoga, database, pubSubHandle, closing, deps }: RouteOptions) {
  const serveStatic = config.webDistDir ? createStaticHandler(config.webDistDir) : null;
  const attachments = attachmentRoutes(deps);

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
    if (closing()) checks.server = 'shutting down';
    return { ok: !closing() && Object.values(checks).every((value) => value === 'ok'), checks };
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    } else if (path === ATTACHMENTS_PATH || path.startsWith(`${ATTACHMENTS_PATH}/`)) {
      await attachments(req, res, { requestId, clientRequestId: clientRequestIdOf(req), sourceAddress });
    } else if (serveStatic && (req.method === 'GET' || req.method === 'HEAD')) {
      await serveStatic(req, res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  };
}
