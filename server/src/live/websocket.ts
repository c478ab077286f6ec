import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer, type WebSocket } from 'ws';
import { ERROR_CODES } from '@jointops/shared/errors';
import { sessionTokenFrom } from '../http/cookies';
import { originAllowed, requestIdOf, sourceAddressOf } from '../http/request-meta';
import { authenticate } from '../modules/accounts/accounts.service';
import type { GraphQLContext, ServerContext } from '../graphql/context';
import type { AppDeps, Viewer } from '../service-context';
import { SLOW_CONSUMER, slowness, trackSends } from './slow-consumers';

interface Connection {
  socket: WebSocket;
  token: string;
  viewer: Viewer;
  connectionId: string;
  /** Operations running on this socket (subscriptions mostly), by graphql-ws id. */
  operations: Set<string>;
  sourceAddress: string | null;
  userAgent: string | null;
}

type ConnectionExtra = { connection?: Connection };

/** Close code for a socket whose session ended or was never valid (graphql-ws's own 4403). */
const SESSION_ENDED = CloseCode.Forbidden;
/** Close code for a user over their connection limit. */
const TOO_MANY_CONNECTIONS = 4429;
/** How long a slow socket has to take its close frame before it is cut off. */
const SLOW_CLOSE_GRACE_MS = 5_000;

/**
 * graphql-ws on the HTTP server's port. Browsers are held to the allowed origins at the upgrade;
 * every socket must present a live session (cookie at upgrade or `connectionParams.token`) before
 * it may run anything, and is closed as soon as that session ends.
 */
export function attachWebSocket(server: Server, yoga: YogaServerInstance<ServerContext, GraphQLContext>, deps: AppDeps) {
  const limits = deps.config.webSocket;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes });
  const connections = new Set<Connection>();
  let accepting = true;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!accepting) return refuse('503 Service Unavailable');
    if (path !== yoga.graphqlEndpoint) return refuse('404 Not Found');
    if (!originAllowed(req, deps.config.allowedOrigins)) {
      deps.logger.warn({ origin: req.headers.origin, sourceAddress: req.socket.remoteAddress }, 'websocket origin refused');
      return refuse('403 Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  // Before graphql-ws's own listener, so that its first frame (connection_ack) is counted too.
  wss.on('connection', (socket: WebSocket) => trackSends(socket, limits, (reason) => closeSlow(socket, reason)));
  const slowSweep = setInterval(() => {
    const now = Date.now();
    for (const socket of wss.clients) {
      const reason = slowness(socket, limits, now);
      if (reason) closeSlow(socket, reason);
    }
  }, Math.min(1_000, limits.maxSendWaitMs / 2));
  slowSweep.unref();

  function closeSlow(socket: WebSocket, reason: string): void {
    if (socket.readyState !== socket.OPEN) return;
    const connection = [...connections].find((candidate) => candidate.socket === socket);
    deps.logger.warn({ reason, userId: connection?.viewer.userId, connectionId: connection?.connectionId }, 'websocket closed: client too slow');
    socket.close(SLOW_CONSUMER, 'Too slow: reconnect and resume from your last cursor');
    // The close frame waits behind the unread frames; a client that reads nothing gets cut off.
    setTimeout(() => socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
  }

  const handle = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const { request, socket } = ctx.extra;
        const params = ctx.connectionParams;
        const token =
          (typeof params?.token === 'string' ? params.token : null) ??
          sessionTokenFrom({ cookie: request.headers.cookie ?? null });
        const viewer = token ? await authenticate(deps, token) : null;
        if (!viewer || !token) return false;
        // One person's runaway client must not take the sockets everyone else needs.
        const open = [...connections].filter((connection) => connection.viewer.userId === viewer.userId).length;
        if (open >= limits.maxConnectionsPerUser) {
          socket.close(TOO_MANY_CONNECTIONS, 'Too many connections for this user');
          return false;
        }
        const connection: Connection = {
          socket,
          token,
          viewer,
          connectionId: requestIdOf(request),
          operations: new Set(),
          sourceAddress: sourceAddressOf(request, deps.config.trustProxy),
          userAgent: request.headers['user-agent'] ?? null,
        };
        ctx.extra.connection = connection;
        connections.add(connection);
        return true;
      },
      onComplete: (ctx, id) => {
        ctx.extra.connection?.operations.delete(id);
      },
      onClose: (ctx) => {
        if (ctx.extra.connection) connections.delete(ctx.extra.connection);
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = ctx.extra.connection;
        // The session may have ended since the socket opened; every new operation re-checks it.
        const viewer = connection ? await authenticate(deps, connection.token) : null;
        if (!connection || !viewer) {
          ctx.extra.socket.close(SESSION_ENDED, 'Session ended');
          return [new GraphQLError('Sign in first.', { extensions: { code: ERROR_CODES.UNAUTHENTICATED } })];
        }
        connection.viewer = viewer;
        if (connection.operations.size >= limits.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection.`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
            }),
          ];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          viewer,
          requestId: `${connection.connectionId}/${id}`,
          sourceAddress: connection.sourceAddress,
          userAgent: connection.userAgent,
        });
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName,
          document: parse(payload.query),
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        // Counted from here on; graphql-ws calls onComplete for every operation that got this far.
        connection.operations.add(id);
        return args;
      },
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
    },
    wss,
  );

  /** Closes the sockets of ended sessions: all of a user's, or one session's. */
  function endSessions(userId: string, sessionId: string | null): void {
    for (const connection of connections) {
      if (connection.viewer.userId === userId && (sessionId === null || connection.viewer.sessionId === sessionId)) {
        connection.socket.close(SESSION_ENDED, 'Session ended');
      }
    }
  }

  /** Re-checks every socket's session; those that expired or were revoked are closed. */
  async function revalidate(): Promise<void> {
    for (const connection of [...connections]) {
      if (!(await authenticate(deps, connection.token))) connection.socket.close(SESSION_ENDED, 'Session ended');
    }
  }

  return {
    endSessions,
    revalidate,
    connectionCount: () => connections.size,
    /** Stops new sockets and closes the open ones with 1001 Going Away. */
    async close(): Promise<void> {
      accepting = false;
      clearInterval(slowSweep);
      await handle.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
