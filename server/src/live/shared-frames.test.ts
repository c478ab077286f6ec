import type { GraphQLError } from 'graphql';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type Drainable, SharedFrame, SocketFrames } from './shared-frames';
import { SlowConsumers } from './slow-consumers';

// Shared frames are written past ws, straight to its socket: each must reach a real client as the
// one message graphql-ws would have sent, whatever its length (the header has three forms), in
// order with what ws itself sends on the same socket, and the frames added before a flush in one
// write to the kernel.

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
  return { client, socket, received, frames: new SocketFrames(socket, 'sub-7', slowConsumers) };
}

const waiter: Drainable = { drained: () => undefined };

describe('socket frames', () => {
  it('reach the client as whole text messages of every length, in order with what ws sends', async () => {
    const { socket, received, frames } = await connected();
    const payloads = [10, 200, 70_000].map((length) => ({ data: { note: 'x'.repeat(length) } }));
    for (const payload of payloads) {
      frames.add(new SharedFrame(payload, (errors) => [...errors] as GraphQLError[]));
      frames.flush(waiter);
      socket.send(JSON.stringify({ type: 'ping' }));
    }
    await expect.poll(() => received.length).toBe(6);
    const expected = payloads.flatMap((payload) => [
      JSON.stringify({ id: 'sub-7', type: 'next', payload }),
      JSON.stringify({ type: 'ping' }),
    ]);
    expect(received).toEqual(expected);
  });

  it('asks the subscriber to wait only while the kernel has not taken a frame, and says when it has', async () => {
    const { client, frames, received } = await connected();
    const small = new SharedFrame({ data: { note: 'taken at once' } }, (errors) => [...errors] as GraphQLError[]);
    frames.add(small);
    expect(frames.flush(waiter)).toBe(false);
    // A reader that stops reading: the kernel's buffers fill, and a frame stays with the socket.
    (client as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const large = new SharedFrame({ data: { note: 'x'.repeat(1 << 20) } }, (errors) => [...errors] as GraphQLError[]);
    let drained = 0;
    let waits = false;
    for (let sent = 0; sent < 64 && !waits; sent += 1) {
      frames.add(large);
      waits = frames.flush({ drained: () => (drained += 1) });
    }
    expect(waits).toBe(true);
    expect(drained).toBe(0);
    (client as unknown as { _socket: { resume(): void } })._socket.resume();
    await expect.poll(() => drained).toBe(1);
    await expect.poll(() => received.length).toBeGreaterThan(1);
  });

  it('gives the socket the frames added before a flush in one write, each a whole message in order', async () => {
    const { socket, received, frames } = await connected();
    const tcp = (socket as unknown as { _socket: { _writev: (...args: unknown[]) => void; _write: (...args: unknown[]) => void } })._socket;
    let writes = 0;
    for (const method of ['_writev', '_write'] as const) {
      const original = tcp[method].bind(tcp);
      tcp[method] = (...args: unknown[]) => {
        writes += 1;
        original(...args);
      };
    }
    const payloads = [1, 2, 3].map((n) => ({ data: { n } }));
    for (const payload of payloads) frames.add(new SharedFrame(payload, (errors) => [...errors] as GraphQLError[]));
    expect(writes).toBe(0);
    expect(frames.adding).toBeGreaterThan(0);
    expect(frames.flush(waiter)).toBe(false);
    expect(writes).toBe(1);
    expect(frames.adding).toBe(0);
    await expect.poll(() => received.length).toBe(3);
    expect(received).toEqual(payloads.map((payload) => JSON.stringify({ id: 'sub-7', type: 'next', payload })));
  });
});
