import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { type Actor, operationKit, type OperationKit } from '../testkit/operations';
import { frameCounts } from '@jointops/server/live/shared-frames';
import { reportFigure } from '../testkit/report';
import { execute, openSocket, subscribe, type TestSocket } from '../testkit/ws';

// A subscriber that stops reading is closed with 1013 and costs nobody else anything: a fast
// subscriber of the same operation keeps getting every event at once, and the slow one, back,
// resumes from its last cursor with no gap and no duplicate. Each scenario also runs a subscriber
// that reads, under the same settings and the same load, which must never be closed: without it
// these tests could pass because the server closes everyone.

const SLOW_CONSUMER = 1013;
const SUBSCRIPTIONS = 10;
/** Alerts raised while the slow reader is paused: ~13 MB for it, more than loopback buffers hold. */
const ALERTS = 8;
/** Eight copies of a 20,000-character description: ~160 kB frames, to fill kernel buffers fast. */
const HEAVY = `subscription($operationId: ID!, $after: String) { operationEvents(operationId: $operationId, after: $after) { cursor type
  ... on AlertRaisedEvent { alert { id reference ${Array.from({ length: 8 }, (_, n) => `d${n}: description`).join(' ')} } } } }`;
const LIGHT = `subscription($operationId: ID!, $after: String) { operationEvents(operationId: $operationId, after: $after) {
  cursor type ... on AlertRaisedEvent { alert { id } } } }`;
/** What the tests keep of an event: its cursor and the alert it is about. */
type Seen = { cursor: string; alertId: string | undefined };
const seen = (event: { cursor: string; alert?: { id: string } }): Seen => ({ cursor: event.cursor, alertId: event.alert?.id });

// The server's decision to close is invisible to a client that does not read, so the test watches
// ws's close() on the server's sockets (the server and the test share the ws module). Each is
// known by its peer's port, with what it really had unwritten (ws's bufferedAmount) at that moment.
const slowCloses: { at: number; port: number; unwritten: number }[] = [];
const closeThrough = WebSocket.prototype.close;
const closeSpy = vi.spyOn(WebSocket.prototype, 'close').mockImplementation(function (
  this: WebSocket,
  code?: number,
  reason?: string | Buffer,
) {
  const socket = this as unknown as { _isServer: boolean; _socket: Socket };
  // Once per socket: ws calls close() again on the server side when the client's close frame arrives.
  const first = () => !slowCloses.some((close) => close.port === socket._socket.remotePort);
  if (code === SLOW_CONSUMER && socket._isServer && first())
    slowCloses.push({ at: performance.now(), port: socket._socket.remotePort!, unwritten: this.bufferedAmount });
  return closeThrough.call(this, code, reason);
});
afterAll(() => closeSpy.mockRestore());
const localPort = (socket: WebSocket) => (socket as unknown as { _socket: Socket })._socket.localPort!;

/** graphql-transport-ws spoken by hand over `ws`, so that the test decides when it reads: one subscription per query. */
async function pausableSubscriber(
  url: string,
  token: string,
  variables: { operationId: string; after: string },
  queries: string[] = Array.from({ length: SUBSCRIPTIONS }, () => HEAVY),
) {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const received: Seen[][] = Array.from({ length: SUBSCRIPTIONS }, () => []);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const acked = new Promise<void>((resolve) =>
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') resolve();
      if (message.type === 'next') received[Number(message.id)]!.push(seen(message.payload.data.operationEvents));
    }),
  );
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { token } }));
  await acked;
  queries.forEach((query, id) => {
    socket.send(JSON.stringify({ type: 'subscribe', id: String(id), payload: { query, variables } }));
  });
  return { socket, received, closed };
}

/** Alerts raised by `by` in the operation, each with its id and when it was sent and answered. */
function raiser(kit: OperationKit, operationId: string, by: Actor) {
  return async (description: string) => {
    const sentAt = performance.now();
    const { result } = await kit.mutate(by, 'raiseAlert', {
      operationId,
      idempotencyKey: randomUUID(),
      category: 'INTELLIGENCE',
      severity: 'LOW',
      title: 'Bulk intelligence report',
      description,
      marking: 'AMBER',
      distribution: 'ALL_PARTICIPANTS',
    });
    if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
    return { id: result.id as string, sentAt, returnedAt: performance.now() };
  };
}

/** What fills a heavy frame: 8 copies make ~160 kB. */
const DESCRIPTION = 'Consignments of precursor chemicals misdeclared along the route. '.repeat(310).slice(0, 20_000);

/** A light subscription that notes when each event arrived. */
function timedSubscription(socket: TestSocket, variables: { operationId: string; after: string }) {
  const arrivals: (Seen & { at: number })[] = [];
  socket.client.subscribe<{ operationEvents: { cursor: string; alert?: { id: string } } }>(
    { query: LIGHT, variables },
    {
      next: ({ data }) => arrivals.push({ ...seen(data!.operationEvents), at: performance.now() }),
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return arrivals;
}

/** A server with these limits (named `label` in the figures), and the scenario run on it. */
function serverWith(label: string, env: Record<string, string>) {
  const context = { testApp: undefined as unknown as TestApp, kit: undefined as unknown as OperationKit, sockets: [] as TestSocket[] };
  beforeAll(async () => {
    context.testApp = await startTestApp({ env });
    context.kit = operationKit(context.testApp);
  });
  afterAll(async () => {
    await Promise.all(context.sockets.map((socket) => socket.dispose()));
    await context.testApp.stop();
  });
  const socketFor = (token: string) => {
    const socket = openSocket(context.testApp.wsUrl, { token });
    context.sockets.push(socket);
    return socket;
  };

  /**
   * Thailand subscribes and stops reading, Malaysia subscribes the same way and reads, the
   * planner follows lightly; Malaysia raises alerts until Thailand's socket is due to be closed.
   */
  async function slowReaderScenario() {
    const { testApp, kit } = context;
    const { operation, planner, malaysia, thailand } = await kit.jointOperation();
    await operation.advanceTo('OPERATIONAL');
    const raise = raiser(kit, operation.id, malaysia);

    // Every stream starts from the end of the timeline, so none can miss the first alert however
    // long it takes to be in place.
    const timeline = await operation.view(planner, 'timeline(first: 500) { edges { cursor } }');
    const from = { operationId: operation.id, after: timeline!.timeline.edges.at(-1).cursor as string };
    const fast = timedSubscription(socketFor(planner.token), from);
    const readerSocket = socketFor(malaysia.token);
    const reader = Array.from({ length: SUBSCRIPTIONS }, () => subscribe<{ operationEvents: Seen }>(readerSocket, HEAVY, from));
    const slow = await pausableSubscriber(testApp.wsUrl, thailand.token, from);
    // One small alert that everyone receives: every subscription is live, and each has a cursor.
    const warmUp = await raise('Warm-up');
    await vi.waitFor(
      () => {
        expect(fast).toHaveLength(1);
        for (const events of [...slow.received, ...reader.map((live) => live.received)]) expect(events).toHaveLength(1);
      },
      { timeout: 5_000 },
    );
    const connectionsBefore = testApp.app.live.connectionCount();

    slowCloses.length = 0;
    slow.socket.pause();
    const pausedAt = performance.now();
    const raised = [warmUp];
    for (let n = 0; n < ALERTS; n++) raised.push(await raise(DESCRIPTION));
    const slowPort = localPort(slow.socket);
    const closeOfSlow = () => slowCloses.find((close) => close.port === slowPort);
    await vi.waitFor(() => expect(closeOfSlow(), 'the server never closed the paused reader').toBeDefined(), {
      timeout: 10_000,
      interval: 20,
    });
    const closedAt = closeOfSlow()!.at;
    const raisedIds = raised.map((alert) => alert.id);
    reportFigure(
      `${label}: paused reader closed`,
      (closedAt - pausedAt).toFixed(0),
      'ms after it stopped reading, with',
      closeOfSlow()!.unwritten,
      'bytes unwritten',
    );
    expect(
      slowCloses.filter((close) => close.port !== slowPort),
      'sockets that kept reading, closed as slow anyway',
    ).toEqual([]);

    // The fast subscriber got every event, in order, each at once. Held behind the slow socket it
    // would have got nothing until that socket let go (5 s after the close at the earliest).
    await vi.waitFor(() => expect(fast).toHaveLength(raised.length), { timeout: 10_000 });
    expect(fast.map((event) => event.alertId)).toEqual(raisedIds);
    const afterReturn = fast.map((event, n) => event.at - raised[n]!.returnedAt);
    const afterSend = fast.map((event, n) => event.at - raised[n]!.sentAt);
    reportFigure(
      `${label}: fast subscriber, ms from mutation sent to event: max`,
      Math.max(...afterSend).toFixed(0),
      'all',
      afterSend.map((d) => d.toFixed(0)).join(' '),
    );
    reportFigure(
      `${label}: fast subscriber, ms from mutation returned to event (negative: before the response): max`,
      Math.max(...afterReturn).toFixed(0),
    );
    expect(Math.max(...afterReturn)).toBeLessThan(2_000);

    // The reader, under the same load, got everything and is still open: only Thailand was closed.
    for (const live of reader) await live.until((s) => s.received.length === raised.length);
    expect((await execute(readerSocket, '{ me { id } }')).data).toEqual({ me: { id: malaysia.globalId } });
    expect(slowCloses.map((close) => close.port)).toEqual([slowPort]);

    return { operation, thailand, slow, raisedIds, raise, closedAt, connectionsBefore, socketFor };
  }
  return { context, slowReaderScenario, socketFor };
}

describe('a subscriber that stops reading, under the time bound', () => {
  const server = serverWith('time bound', { WS_MAX_SEND_WAIT_MS: '1000', WS_MAX_BUFFERED_BYTES: String(256 * 1024 * 1024) });
  let stalled: Awaited<ReturnType<typeof server.slowReaderScenario>> | undefined;

  it('is closed with 1013 without delaying a fast subscriber, while a reading one stays open', async () => {
    stalled = await server.slowReaderScenario();
    const { slow, closedAt, connectionsBefore } = stalled;
    // Resuming as soon as the server has decided, well within its 5 s grace: the backlog then
    // the close frame queued behind it arrive, so the code the server chose is what we read.
    slow.socket.resume();
    expect(await slow.closed).toEqual({ code: SLOW_CONSUMER, reason: 'Too slow: reconnect and resume from your last cursor' });
    reportFigure('time bound: close frame read', (performance.now() - closedAt).toFixed(0), 'ms after the server closed');
    await vi.waitFor(() => expect(server.context.testApp.app.live.connectionCount()).toBe(connectionsBefore - 1));
  });

  it('resumes from the cursor of the last event it received: the rest in order, once, then live', async () => {
    expect(stalled, 'runs after the previous test').toBeDefined();
    const { operation, thailand, slow, raisedIds, raise, socketFor } = stalled!;
    // What it got before the close is the start of the stream, and it missed some of it.
    for (const events of slow.received) expect(events.map((event) => event.alertId)).toEqual(raisedIds.slice(0, events.length));
    expect(Math.min(...slow.received.map((events) => events.length))).toBeLessThan(raisedIds.length);
    reportFigure(
      'events read per subscription before the close:',
      slow.received.map((events) => events.length).join(' '),
      'of',
      raisedIds.length,
    );

    const socket = socketFor(thailand.token);
    const resumed = slow.received.map((events) =>
      subscribe<{ operationEvents: { cursor: string; alert?: { id: string } } }>(socket, LIGHT, {
        operationId: operation.id,
        after: events.at(-1)!.cursor,
      }),
    );
    const rest = (n: number) => raisedIds.length - slow.received[n]!.length;
    await Promise.all(resumed.map((live, n) => live.until((s) => s.received.length === rest(n))));
    const live = await raise('After the reconnection');
    await Promise.all(resumed.map((subscription, n) => subscription.until((s) => s.received.length === rest(n) + 1)));
    resumed.forEach((subscription, n) => {
      const after = subscription.received.map((data) => seen(data.operationEvents));
      const whole = [...slow.received[n]!, ...after];
      expect(whole.map((event) => event.alertId)).toEqual([...raisedIds, live.id]);
      expect(new Set(whole.map((event) => event.cursor)).size).toBe(whole.length);
    });
  });
});

describe('a subscriber that stops reading, under the byte bound', () => {
  // Above one frame (~160 kB), below ten stuck ones (~1.6 MB); the time bound cannot trip here.
  const server = serverWith('byte bound', { WS_MAX_BUFFERED_BYTES: String(400 * 1024), WS_MAX_SEND_WAIT_MS: '600000' });

  it('is closed with 1013 once its unwritten bytes pass the bound, and cut off if it never reads', async () => {
    const { slow, closedAt, connectionsBefore } = await server.slowReaderScenario();
    // Never reading, the client cannot take the close frame: the server drops the socket itself
    // after its 5 s grace, and does not keep it.
    await vi.waitFor(() => expect(server.context.testApp.app.live.connectionCount()).toBe(connectionsBefore - 1), {
      timeout: 8_000,
      interval: 50,
    });
    const droppedAfter = performance.now() - closedAt;
    reportFigure('byte bound: socket dropped', droppedAfter.toFixed(0), 'ms after the close');
    expect(droppedAfter).toBeGreaterThan(4_000);
    // Deterministic: the bound trips on frames the kernel would not take, so the close frame queued
    // behind them in the server's own buffer, which terminate() discards. The client reads what the
    // kernel held, then the connection ends without a close frame: 1006.
    slow.socket.resume();
    expect((await slow.closed).code).toBe(1006);
  });
});

describe('a subscriber that falls behind and reads again', () => {
  // Neither bound can trip: the reader is only late.
  const server = serverWith('catch-up', { WS_MAX_SEND_WAIT_MS: '600000', WS_MAX_BUFFERED_BYTES: String(256 * 1024 * 1024) });

  it('gets what waited for it in order and once, the frames its audience already had in one write', async () => {
    const { testApp, kit } = server.context;
    const { operation, planner, malaysia, thailand } = await kit.jointOperation();
    await operation.advanceTo('OPERATIONAL');
    const timeline = await operation.view(planner, 'timeline(first: 500) { edges { cursor } }');
    const from = { operationId: operation.id, after: timeline!.timeline.edges.at(-1).cursor as string };
    // Heavy subscriptions fill the paused socket; its last, light one shares its audience with a
    // Thai colleague's socket that keeps reading, so its frames are made while it waits.
    const queries = [...Array.from({ length: SUBSCRIPTIONS - 1 }, () => HEAVY), LIGHT];
    const light = SUBSCRIPTIONS - 1;
    const reading = timedSubscription(server.socketFor(thailand.token), from);
    const slow = await pausableSubscriber(testApp.wsUrl, thailand.token, from, queries);
    const raise = raiser(kit, operation.id, malaysia);
    const raised = [await raise('Warm-up')];
    await vi.waitFor(() => {
      expect(reading).toHaveLength(1);
      for (const events of slow.received) expect(events).toHaveLength(1);
    });

    slow.socket.pause();
    const before = { ...frameCounts };
    for (let n = 0; n < ALERTS; n++) raised.push(await raise(DESCRIPTION));
    await vi.waitFor(() => expect(reading).toHaveLength(raised.length), { timeout: 10_000 });
    slow.socket.resume();
    await vi.waitFor(
      () => {
        for (const events of slow.received) expect(events).toHaveLength(raised.length);
      },
      { timeout: 15_000 },
    );

    const raisedIds = raised.map((alert) => alert.id);
    for (const events of slow.received) {
      expect(events.map((event) => event.alertId)).toEqual(raisedIds);
      expect(new Set(events.map((event) => event.cursor)).size).toBe(raisedIds.length);
    }
    // Every frame written once: the paused socket's ten subscriptions and the reading one.
    const written = frameCounts.written - before.written;
    const writes = frameCounts.flushed - before.flushed;
    expect(written).toBe(ALERTS * (SUBSCRIPTIONS + 1));
    // Each heavy frame (~160 kB) is a write of its own, as is each of the reading socket's; the
    // light subscription caught up in fewer writes than its frames.
    const lightWrites = writes - ALERTS * SUBSCRIPTIONS;
    reportFigure('catch-up: writes for the light subscription', lightWrites, 'for', ALERTS, 'frames');
    expect(lightWrites).toBeLessThan(ALERTS);
    expect(slow.received[light]).toHaveLength(raised.length);
  });
});
