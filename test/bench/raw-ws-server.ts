import { WebSocketServer } from 'ws';
import { serveControl } from './child-process';

// The raw limit: a bare `ws` server that, asked on its control port, sends `count` frames of
// `bytes` bytes to every socket, each frame serialised once and its same bytes written to all.
// Frames look like a graphql-ws `next` message so that the client parses the same shape.

const sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) => sockets.once('listening', resolve));
let sequence = 0;

function frame(bytes: number): string {
  const shell = JSON.stringify({ id: '1', type: 'next', payload: { data: { seq: sequence, pad: '' } } });
  return JSON.stringify({
    id: '1',
    type: 'next',
    payload: { data: { seq: sequence++, pad: 'x'.repeat(Math.max(0, bytes - shell.length)) } },
  });
}

const address = sockets.address();
await serveControl(
  typeof address === 'object' && address ? address.port : 0,
  // A server stopping ends its sockets itself: `close` alone waits for every client to leave, and
  // a load generator stopping after a failure never does, so the bench hung instead of saying why.
  () =>
    new Promise<void>((resolve) => {
      sockets.close(() => resolve());
      for (const socket of sockets.clients) socket.terminate();
    }),
  async (path) => {
    const asked = /^\/broadcast\?count=(\d+)&bytes=(\d+)$/.exec(path);
    if (!asked) return undefined;
    for (let sent = 0; sent < Number(asked[1]); sent += 1) {
      const data = frame(Number(asked[2]));
      for (const socket of sockets.clients) socket.send(data);
    }
    return String(sockets.clients.size);
  },
);
