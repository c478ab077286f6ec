import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';

// graphql-ws's protocol on `ws` sockets, in place of graphql-ws's own `useServer`: the same
// protocol server (`makeServer`), with less kept per socket. Every subscription holds what its
// socket's adapter holds for as long as it runs, so at thousands of idle subscribers the adapter
// is memory: `useServer` kept per socket four closures, two `once` wrappers, the upgrade request,
// and an async function suspended for each subscription's whole life (it awaits the handler of the
// subscribe message, which returns only when the subscription ends) holding the message's text.
// Here a socket has one small object; the listeners are shared; the handler's promise is only
// watched for a failure; and the message is parsed before the protocol server sees it, so the
// text is not kept beside the parsed message (its `parseMessage` takes either).

type Closed = (code?: number, reason?: string) => Promise<void>;

/** The socket as graphql-ws's protocol server sees it. A class: its methods are shared by every socket. */
class ProtocolSocket {
  readonly protocol: string;
  received: ((data: string) => Promise<void>) | null = null;
  closed: Closed | null = null;

  constructor(
    readonly socket: WebSocket,
    private readonly logger: Logger,
  ) {
    this.protocol = socket.protocol;
  }

  send(data: string): Promise<void> {
    const { socket } = this;
    return new Promise((resolve, reject) => {
      if (socket.readyState !== socket.OPEN) return resolve();
      socket.send(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handler: (data: string) => Promise<void>): void {
    this.received = handler;
  }

  /** A message on the socket: parsed here, handled by the protocol server. */
  relay(text: string): void {
    if (!this.received) return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.close(CloseCode.BadRequest, 'Invalid message received');
      return;
    }
    // Typed as text, read as either (graphql-ws's parseMessage): see above.
    this.received(message as string).catch((error: unknown) => this.failed(error));
  }

  refused(error: Error): void {
    this.logger.warn({ err: error }, 'websocket frame refused');
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }

  failed(error: unknown): void {
    this.logger.error({ err: error }, 'graphql-ws message handling failed');
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }
}

const adapters = new WeakMap<WebSocket, ProtocolSocket>();

function onMessage(this: WebSocket, data: Buffer): void {
  adapters.get(this)?.relay(String(data));
}

/** A frame ws refused (too large, malformed): ws closes the socket itself. */
function onError(this: WebSocket, error: Error): void {
  adapters.get(this)?.refused(error);
}

function onClose(this: WebSocket, code: number, reason: Buffer): void {
  const adapter = adapters.get(this);
  adapters.delete(this);
  adapter?.closed?.(code, String(reason)).catch((error: unknown) => adapter.failed(error));
}

/**
 * Serves graphql-ws on every socket `wss` accepts; `extraOf` gives what the hooks read as
 * `ctx.extra`, from the socket and its upgrade request.
 */
export function serveGraphQLWs<P extends Record<string, unknown> | undefined, E>(
  options: ServerOptions<P, E>,
  wss: WebSocketServer,
  extraOf: (socket: WebSocket, request: IncomingMessage) => E,
  logger: Logger,
): void {
  const server = makeServer<P, E>(options);
  wss.options.handleProtocols = handleProtocols;
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const adapter = new ProtocolSocket(socket, logger);
    adapters.set(socket, adapter);
    socket.on('message', onMessage);
    socket.on('error', onError);
    socket.on('close', onClose);
    adapter.closed = server.opened(adapter, extraOf(socket, request));
  });
}
