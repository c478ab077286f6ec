import WebSocket from 'ws';

// The load generator's side of a fan-out: many sockets, each a thin client (no retry, no library
// state), the same code for the hub (graphql-ws protocol) and for the raw server, so that any
// difference in the figures is the server's. Every frame is parsed as JSON on both.

export interface Subscriber {
  index: number;
  socket: WebSocket;
}

export interface Frame {
  subscriber: number;
  at: number;
  bytes: number;
  message: { type?: string; payload?: { data?: unknown; errors?: unknown } };
}

export interface SubscribeOptions {
  url: string;
  count: number;
  /** graphql-ws: sign in with `token(index)` and subscribe to `query`; raw: just connect. */
  graphql?: { token: (index: number) => string; query: string; variables: Record<string, unknown> };
  onFrame: (frame: Frame) => void;
  /** Sockets opening at once: the rest wait for a place, as a connection storm from one client would. */
  concurrency?: number;
}

function open(options: SubscribeOptions, index: number): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(options.url, options.graphql ? 'graphql-transport-ws' : undefined);
    socket.once('error', reject);
    socket.on('close', (code, reason) => {
      if (code !== 1000) process.stderr.write(`subscriber ${index} closed: ${code} ${reason.toString()}\n`);
    });
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      const message = JSON.parse(data.toString()) as Frame['message'];
      if (message.type === 'next' || message.type === 'error') options.onFrame({ subscriber: index, at, bytes: data.length, message });
      else if (message.type === 'ping') socket.send('{"type":"pong"}');
      else if (message.type === 'connection_ack' && options.graphql) {
        const { query, variables } = options.graphql;
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        resolve({ index, socket });
      }
    });
    socket.once('open', () => {
      if (!options.graphql) return resolve({ index, socket });
      socket.send(JSON.stringify({ type: 'connection_init', payload: { token: options.graphql.token(index) } }));
    });
  });
}

/** Opens `count` subscribers, `concurrency` at a time; resolves when every one is connected and subscribed. */
export async function openSubscribers(options: SubscribeOptions): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  let next = 0;
  const lane = async () => {
    while (next < options.count) {
      const index = next++;
      subscribers[index] = await open(options, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 100, options.count) }, lane));
  return subscribers;
}

export async function closeSubscribers(subscribers: Subscriber[]): Promise<void> {
  await Promise.all(
    subscribers.map(
      ({ socket }) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close(1000);
        }),
    ),
  );
}
