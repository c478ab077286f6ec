import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer, type WebSocket } from 'ws';
import { ERROR_CODES } from '@jointops/shared/errors';
import { sessionTokenFrom } from '../http/cookies';
import { newRequestId, originAllowed, sourceAddressOf } from '../http/request-meta';
import { liveSessionOf } from '../modules/accounts/accounts.service';
import type { GraphQLContext, ServerContext } from '../graphql/context';
import { queryLimitError } from '../graphql/protection/query-limits';
import type { AppDeps } from '../service-context';
import type { LiveChannel, LiveChannels, Traffic } from './channels';
import { serveGraphQLWs } from './graphql-ws-sockets';
import { KeepAlive } from './keep-alive';
import { takeDirectDelivery } from './shared-delivery';
import { SocketFrames } from './shared-frames';
import { SLOW_CONSUMER, SlowConsumers } from './slow-consumers';

interface Connection {
  socket: WebSocket;
  /** The socket's entry in the live channel registry: its session, and how it ends. */
  channel: LiveChannel;
  connectionId: string;
  /** Operations running on this socket (subscriptions mostly), by graphql-ws id. */
  operations: Set<string>;
  sourceAddress: string | null;
  userAgent: string | null;
}

/** What graphql-ws's hooks read as `ctx.extra`. */
interface ConnectionExtra {
  socket: WebSocket;
  /** Read from the upgrade request for signing in; null once signed in (nothing reads it again). */
  presented: { cookieToken: string | null; sourceAddress: string | null; userAgent: string | null } | null;
  connection?: Connection;
}

/** Close code for a socket whose session ended or was never valid (graphql-ws's own 4403). */
const SESSION_ENDED = CloseCode.Forbidden;
/** Close code for a user over their connection limit. */
const TOO_MANY_CONNECTIONS = 4429;
/** How long a slow socket has to take its close frame before it is cut off. */
const SLOW_CLOSE_GRACE_MS = 5_000;

/**
 * graphql-ws on the HTTP server's port. Browsers are held to the allowed origins at the upgrade;
 * every socket must present a live session (cookie at upgrade or `connectionParams.token`) before
 * it may run anything, and is closed as soon as that session ends (the live channel registry
 * closes it). Until it has authenticated, a socket counts against its source address's limit.
 */
export function attachWebSocket(
  server: Server,
  yoga: YogaServerInstance<ServerContext, GraphQLContext>,
  deps: AppDeps,
  channels: LiveChannels,
) {
  const limits = deps.config.webSocket;
  // No compression: ws compresses asynchronously, and shared frames are written past it, to its
  // socket (shared-frames.ts), which must not overtake a frame of its own still being compressed.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes, perMessageDeflate: false });
  const connections = new WeakMap<WebSocket, Connection>();
  const pending = pendingSockets(limits.maxPendingPerAddress);
  let accepting = true;
  // The sessions presented at connection and re-checked at each subscription, checked together
  // when many come at once (liveSessionOf): a reconnection storm is thousands of them.
  const sessionOf = (token: string | null) => liveSessionOf(deps, token);

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
    // Sockets that never authenticate cost a file descriptor and a timer each until the init
    // timeout: one address may not hold more than a handful of them at once.
    const address = sourceAddressOf(req, deps.config.trustProxy) ?? 'unknown';
    if (pending.full(address)) {
      deps.logger.warn({ sourceAddress: address }, 'websocket refused: too many sockets not yet signed in from this address');
      return refuse('429 Too Many Requests');
    }
    // ws completes the handshake synchronously here, so no other upgrade passes the check meanwhile.
    wss.handleUpgrade(req, socket, head, (ws) => {
      pending.add(ws, address);
      wss.emit('connection', ws, req);
    });
  });

  const keepAlive = new KeepAlive(limits.keepAliveMs);
  // One pong listener for every socket.
  function answered(this: WebSocket) {
    keepAlive.heard(this);
  }

  const slowConsumers = new SlowConsumers(limits, (socket, reason) => closeSlow(socket, reason));
  // Before graphql-ws's own listener, so that its first frame (connection_ack) is counted too.
  wss.on('connection', (socket: WebSocket) => {
    slowConsumers.track(socket);
    keepAlive.track(socket);
    socket.on('pong', answered);
  });
  const slowSweep = setInterval(() => slowConsumers.sweep(Date.now()), Math.min(1_000, limits.maxSendWaitMs / 2));
  slowSweep.unref();

  function closeSlow(socket: WebSocket, reason: string): void {
    if (socket.readyState !== socket.OPEN) return;
    const connection = connections.get(socket);
    deps.logger.warn(
      { reason, userId: connection?.channel.session.viewer.userId, connectionId: connection?.connectionId },
      'websocket closed: client too slow',
    );
    socket.close(SLOW_CONSUMER, 'Too slow: reconnect and resume from your last cursor');
    // The close frame waits behind the unread frames; a client that reads nothing gets cut off.
    setTimeout(() => socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
  }

  serveGraphQLWs<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      // The client's own keep-alive (the web app's, every 10 s) tells that it is alive as well as our ping would.
      onPing: (ctx) => keepAlive.heard(ctx.extra.socket),
      onConnect: async (ctx) => {
        const { presented, socket } = ctx.extra;
        const params = ctx.connectionParams;
        const token = (typeof params?.token === 'string' ? params.token : null) ?? presented?.cookieToken ?? null;
        const session = await sessionOf(token);
        if (!session) return false;
        pending.authenticated(socket);
        // Sockets and SSE streams share one budget per person.
        const channel = channels.register({
          transport: 'websocket',
          session,
          traffic: new SocketTraffic(socket),
        });
        if (!channel) {
          socket.close(TOO_MANY_CONNECTIONS, 'Too many connections for this user');
          return false;
        }
        const connection: Connection = {
          socket,
          channel,
          connectionId: flat(newRequestId()),
          operations: new Set(),
          sourceAddress: presented?.sourceAddress ?? null,
          userAgent: presented?.userAgent ?? null,
        };
        ctx.extra.connection = connection;
        ctx.extra.presented = null;
        connections.set(socket, connection);
        return true;
      },
      onComplete: (ctx, id) => {
        ctx.extra.connection?.operations.delete(id);
      },
      onClose: (ctx) => {
        ctx.extra.connection?.channel.end('closed');
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = ctx.extra.connection;
        // The session may have ended since the socket opened; every new operation re-checks it.
        const session = connection ? await sessionOf(connection.channel.session.token) : null;
        if (!connection || !session) {
          if (connection) connection.channel.end('session ended');
          else ctx.extra.socket.close(SESSION_ENDED, 'Session ended');
          return [new GraphQLError('Sign in first.', { extensions: { code: ERROR_CODES.UNAUTHENTICATED } })];
        }
        connection.channel.refresh(session);
        const viewer = session.viewer;
        if (connection.operations.size >= limits.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection.`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
            }),
          ];
        }
        // Not graphql-ws's whole context (its connection parameters carry the token): what the
        // operation needs. Every subscription keeps this object for its whole life, and with
        // graphql-ws's five properties more it was one of ~1.5 KiB in dictionary mode.
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          viewer,
          requestId: flat(`${connection.connectionId}/${id}`),
          sourceAddress: connection.sourceAddress,
          userAgent: connection.userAgent,
          liveChannel: connection.channel,
          // Where the events its audience shares are written, as that audience's one serialisation.
          liveFrames: new SocketFrames(ctx.extra.socket, id, slowConsumers),
        });
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          // Refused by the parser or its limits (graphql/protection/): an answer, not a socket closed with 4500.
          return [error instanceof GraphQLError ? error : queryLimitError('parser', null)];
        }
        // graphql-ws keeps the subscribe message as long as the subscription runs, and nothing
        // reads its text again once parsed (the parser's cache keeps one copy per text, not one each).
        (payload as { query: string }).query = '';
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName,
          document,
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
      subscribe: async (args) => {
        const subscribed = await (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args);
        // A direct delivery, not envelop's wrappers of it (shared-delivery.ts): it masks its own
        // failure. Only while envelop still answers with the stream: a plugin that answered
        // something else instead (a refusal) is obeyed.
        const direct = takeDirectDelivery(args.contextValue);
        return direct && Symbol.asyncIterator in subscribed ? direct : subscribed;
      },
    },
    wss,
    // Not the upgrade request itself: a socket keeps its extra for its whole life.
    (socket, request) => ({
      socket,
      presented: {
        cookieToken: sessionTokenFrom({ cookie: request.headers.cookie ?? null }),
        sourceAddress: sourceAddressOf(request, deps.config.trustProxy),
        userAgent: request.headers['user-agent'] ?? null,
      },
    }),
    deps.logger,
  );

  return {
    /** Signed-in sockets open in this process. */
    connectionCount: () => channels.count('websocket'),
    /** Stops new sockets and closes the open ones with 1001 Going Away. */
    async close(): Promise<void> {
      accepting = false;
      clearInterval(slowSweep);
      keepAlive.stop();
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * The same text as one flat string. A string built by concatenation is a chain of its pieces, 32 B
 * each, until something reads it whole: randomUUID joins 20 hex pieces, and each subscription's
 * request id (kept for its whole life in its context) was ~800 B of chain.
 */
const flat = (text: string): string => Buffer.from(text).toString();

/**
 * A socket closed when its session ends. An object, not a function bound to the socket: a bound
 * function keeps its name ("bound …") in a property store of its own, ~400 B of every socket.
 */
class SocketTraffic implements Traffic {
  constructor(private readonly socket: WebSocket) {}

  stop(): void {
    this.socket.close(SESSION_ENDED, 'Session ended');
  }
}

/** Sockets not yet signed in, counted by source address. */
function pendingSockets(maxPerAddress: number) {
  const counts = new Map<string, number>();
  const addressOf = new WeakMap<WebSocket, string>();
  const settle = (socket: WebSocket) => {
    const address = addressOf.get(socket);
    if (address === undefined) return;
    addressOf.delete(socket);
    const left = (counts.get(address) ?? 1) - 1;
    if (left > 0) counts.set(address, left);
    else counts.delete(address);
  };
  // One listener for every socket: a closure per socket would stay as long as the socket.
  function settleOnClose(this: WebSocket) {
    settle(this);
  }
  return {
    full: (address: string) => (counts.get(address) ?? 0) >= maxPerAddress,
    add(socket: WebSocket, address: string): void {
      counts.set(address, (counts.get(address) ?? 0) + 1);
      addressOf.set(socket, address);
      socket.on('close', settleOnClose);
    },
    /** The socket presented a live session: it no longer counts against its address. */
    authenticated: settle,
  };
}
