import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from './db/client';
import { buildByShape } from './db/statements-by-shape';
import { createGraphQLServer } from './graphql-server';
import { createRequestHandler } from './http/routes';
import { startRetention } from './journal/retention.job';
import { LiveChannels } from './live/channels';
import { LiveHub } from './live/hub';
import { attachWebSocket } from './live/websocket';
import { authenticateSessions } from './modules/accounts/accounts.service';
import { startEscalator } from './modules/alerts/escalation.job';
import type { PubSubHandle } from './pubsub';
import type { AppDeps } from './service-context';

export interface AppOptions extends AppDeps {
  database: Pick<Database, 'ping'>;
  pubSubHandle: Pick<PubSubHandle, 'ping'>;
}

export type App = ReturnType<typeof buildApp>;

/** How long an idle HTTP connection is kept open (see where it is set). */
export const KEEP_ALIVE_MS = 65_000;

export function buildApp(options: AppOptions) {
  const { database, pubSubHandle, ...given } = options;
  const { config, logger } = given;
  // Each shape of relational read is built once (db/statements-by-shape.ts): the API asks the same
  // shapes again and again, with only the viewer's values changing.
  buildByShape(given.db);
  // Every live channel of this process, with its session: a session ended here ends its channels
  // here before the news goes out to the other processes.
  const channels = new LiveChannels(given, config.webSocket.maxConnectionsPerUser);
  const deps: AppDeps = { ...given, pubSub: channels.endingLocally(given.pubSub) };

  const liveHub = new LiveHub(deps, config.liveCatchUpIntervalMs);
  const escalator = startEscalator(deps, config.escalationIntervalMs);
  const retention = startRetention(deps);
  const graphql = createGraphQLServer(deps, { channels, liveHub });
  const { yoga } = graphql;
  let closing = false;
  const handle = createRequestHandler({ config, logger, yoga, database, pubSubHandle, closing: () => closing, deps });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'unhandled request failure');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  // Node closes a keep-alive connection idle for 5 s by default. A client (a proxy in front, or a
  // fetch pool) that reuses it at that same moment gets a reset for a request that was never read:
  // an alert's raising that fails for nothing. Idle connections are kept longer than a proxy's or
  // a client pool's own idle limit (commonly 60 s), so that they let go first.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  const live = {
    ...attachWebSocket(server, yoga, deps, channels),
    /** Re-checks the session of every live channel (sockets and SSE streams); the timer's safety net. */
    revalidate: () => channels.revalidate((tokens) => authenticateSessions(deps, tokens)),
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
      await graphql.close();
      // The connection of an answer still in flight closes once it is sent, instead of staying idle
      // for KEEP_ALIVE_MS and holding the stop until its deadline.
      server.keepAliveTimeout = 1;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await live.close();
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutSeconds * 1000);
      await closed;
      clearTimeout(deadline);
    },
  };
}
