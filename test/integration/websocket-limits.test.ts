import WebSocket from 'ws';
import { afterAll, describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { execute, type LiveSubscription, openSocket, subscribe, type TestSocket } from '../testkit/ws';

// The live endpoint protects itself and everyone on it: a client that opens too many sockets or
// subscriptions, or never says hello, is refused without disturbing anyone else; a socket whose
// peer vanished is cut off.

const KEEP_ALIVE_MS = 1_200;
const STREAM = 'subscription($id: ID!) { operationEvents(operationId: $id) { type } }';

const sockets: TestSocket[] = [];
const track = (socket: TestSocket) => {
  sockets.push(socket);
  return socket;
};

const it = withApp({
  env: {
    WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
    WS_MAX_CONNECTIONS_PER_USER: '2',
    WS_CONNECTION_INIT_TIMEOUT_MS: '300',
    WS_KEEP_ALIVE_MS: String(KEEP_ALIVE_MS),
  },
});

/** A signed-in socket whose pongs are ours to send or not, counting the pings it gets. */
async function signedInSocket(url: string, token: string, answersPings: boolean) {
  const socket = new WebSocket(url, 'graphql-transport-ws', { autoPong: answersPings });
  const watched = { socket, pings: 0, closedAfterMs: null as number | null };
  const opened = performance.now();
  socket.on('ping', () => (watched.pings += 1));
  socket.on('close', () => (watched.closedAfterMs = performance.now() - opened));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { token } }));
  await new Promise<void>((resolve) => socket.once('message', () => resolve()));
  return watched;
}

/**
 * Updates the operation until each subscription has had an event. A subscription starts a while
 * after it is sent (under load, later than any fixed wait), and an event committed before it
 * started is not its to hear; one refused never hears any, and the rounds run out.
 */
async function updateUntilHeard(
  operation: { update(fields: { region: string }): Promise<unknown> },
  subscriptions: LiveSubscription<unknown>[],
) {
  for (let round = 1; round <= 10; round += 1) {
    await operation.update({ region: `Round ${round} of the limits test` });
    const heard = await Promise.all(
      subscriptions.map((live) =>
        live
          .until((s) => s.received.length > 0, 500)
          .then(
            () => true,
            () => false,
          ),
      ),
    );
    if (heard.every(Boolean)) return;
  }
  throw new Error(
    `after 10 updates, ${subscriptions.filter((live) => live.received.length === 0).length} subscription(s) had heard nothing`,
  );
}

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
});

describe('the WebSocket endpoint', () => {
  it('refuses a subscription beyond the per-connection limit, and keeps the others running', async ({
    cast: { operation, malaysia },
    app,
  }) => {
    const socket = track(openSocket(app.wsUrl, { token: malaysia.token }));
    const allowed = [1, 2, 3].map(() => subscribe(socket, STREAM, { id: operation.id }));
    await updateUntilHeard(operation, allowed);
    const refused = subscribe(socket, STREAM, { id: operation.id });
    await refused.until((s) => s.errors !== undefined);
    expect(JSON.stringify(refused.errors)).toContain('TOO_MANY_SUBSCRIPTIONS');

    // A finished subscription frees its place.
    allowed[0]!.dispose();
    const replacement = subscribe(socket, STREAM, { id: operation.id });
    await updateUntilHeard(operation, [replacement]);
    expect(replacement.errors).toBeUndefined();
  });

  it("closes a user's connection beyond their limit with 4429, leaving their others open", async ({ cast: { malaysia }, app, kit }) => {
    const first = track(openSocket(app.wsUrl, { token: malaysia.token }));
    const second = track(openSocket(app.wsUrl, { token: malaysia.token }));
    expect((await execute(first, '{ me { id } }')).data).toEqual({ me: { id: malaysia.globalId } });
    expect((await execute(second, '{ me { id } }')).data).toEqual({ me: { id: malaysia.globalId } });

    const third = track(openSocket(app.wsUrl, { token: malaysia.token }));
    expect((await third.closed).code).toBe(4429);
    expect((await execute(first, '{ me { id } }')).data).toEqual({ me: { id: malaysia.globalId } });

    const colleague = await kit.actor(malaysia.agency);
    const theirs = track(openSocket(app.wsUrl, { token: colleague.token }));
    expect((await execute(theirs, '{ me { id } }')).data).toEqual({ me: { id: colleague.globalId } });
  });

  it('closes a socket that never initialises its connection (4408) once the timeout passes', async ({ app }) => {
    const raw = new WebSocket(app.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    const started = performance.now();
    expect(await closed).toBe(4408);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('cuts off a socket whose peer answers no ping, within twice the keep-alive interval, and frees its place', async ({
    cast: { malaysia },
    app,
  }) => {
    const dead = await signedInSocket(app.wsUrl, malaysia.token, false);
    await new Promise((resolve) => dead.socket.once('close', resolve));
    expect(dead.pings).toBeGreaterThanOrEqual(1);
    // Given most of an interval to answer its ping, and gone within two (the slack is the timers' under load).
    expect(dead.closedAfterMs).toBeGreaterThanOrEqual(KEEP_ALIVE_MS * 1.8);
    expect(dead.closedAfterMs).toBeLessThan(KEEP_ALIVE_MS * 2 + 1_000);
    await expect.poll(() => app.app.channels.countOf(malaysia.id)).toBe(0);
  });

  it('keeps a socket that answers its pings, and never pings one that pings by itself', async ({ cast: { thailand }, app }) => {
    const answering = await signedInSocket(app.wsUrl, thailand.token, true);
    const speaking = await signedInSocket(app.wsUrl, thailand.token, false);
    const speak = setInterval(() => speaking.socket.send('{"type":"ping"}'), KEEP_ALIVE_MS / 3);
    await new Promise((resolve) => setTimeout(resolve, KEEP_ALIVE_MS * 3.5));
    clearInterval(speak);
    expect(answering.pings).toBeGreaterThanOrEqual(2);
    expect(speaking.pings).toBe(0);
    expect([answering.closedAfterMs, speaking.closedAfterMs]).toEqual([null, null]);
    answering.socket.close();
    speaking.socket.close();
  });
});
