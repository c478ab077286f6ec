import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type Drainable, SharedFrame, SocketFrames } from './shared-frames';
import { SlowConsumers } from './slow-consumers';

// Shared frames are written past ws, straight to its socket: each must reach a real client as the
// one message graphql-ws would have sent, whatever its length (the header has three forms), and
// in order with what ws itself sends on the same socket.

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server socket and the client at its other end, with what the client receives. */
async function connected() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  servers.push(server);
  await once(server, 'listening');
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const [socket] = (await once(server, 'connection')) as [WebSocket];
  const received: string[] = [];
  client.on('message', (data, binary) => received.push(binary ? 'binary' : data.toString()));
  await once(client, 'open');
  const slowConsumers = new SlowConsumers({ maxBufferedBytes: 1 << 30, maxSendWaitMs: 60_000 }, () => undefined);
  slowConsumers.track(socket);
  return { socket, received, frames: new SocketFrames(socket, 'sub-7', slowConsumers) };
}

const waiter: Drainable = { drained: () => undefined };

describe('socket frames', () => {
  it('reach the client as whole text messages of every length, in order with what ws sends', async () => {
    const { socket, received, frames } = await connected();
    const payloads = [10, 200, 70_000].map((length) => ({ data: { note: 'x'.repeat(length) } }));
    for (const payload of payloads) {
      frames.write(new SharedFrame(payload, (errors) => [...errors]), waiter);
      socket.send(JSON.stringify({ type: 'ping' }));
    }
    await expect.poll(() => received.length).toBe(6);
    const expected = payloads.flatMap((payload) => [
      JSON.stringify({ id: 'sub-7', type: 'next', payload }),
      JSON.stringify({ type: 'ping' }),
    ]);
    expect(received).toEqual(expected);
  });
});
