import { afterEach, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import WebSocket from 'ws';
import type { SeededUser, Session } from '../testkit/seed';
import { execute, openSocket, type SocketOptions, type TestSocket } from '../testkit/ws';

// Every story opens real sockets against a real server. A refused socket is closed by the server
// with graphql-ws's 4403 Forbidden; the refusal is also checked from the client's side: an
// operation sent on such a socket fails instead of running.

const SESSION_ENDED = 4403;
const MESSAGE_TOO_BIG = 1009;
const INVALID_MESSAGE = 4400;
const ME = '{ me { email } }';
const DEACTIVATE = `
  mutation Deactivate($userId: ID!) {
    deactivateUser(input: { userId: $userId }) { __typename ... on User { active } }
  }`;

const opened: TestSocket[] = [];

const file = fileHandles(it);
afterEach(async () => {
  await Promise.all(opened.splice(0).map((socket) => socket.dispose()));
});

function connect(options: SocketOptions = {}): TestSocket {
  const socket = openSocket(file.app.wsUrl, options);
  opened.push(socket);
  return socket;
}

/** The close event, or a failure naming what was awaited if it does not come in time. */
function closeOf(socket: TestSocket, timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([socket.closed, timeout]).finally(() => clearTimeout(timer));
}

/** Asserts the server refuses the socket: the operation sent on it fails and the socket closes with 4403. */
async function expectRefused(socket: TestSocket): Promise<void> {
  const attempt = execute(socket, ME);
  await expect(attempt).rejects.toMatchObject({ code: SESSION_ENDED });
  expect((await closeOf(socket)).code).toBe(SESSION_ENDED);
}

async function signedInUser(): Promise<{ user: SeededUser; session: Session }> {
  const user = await file.seed.user();
  return { user, session: await file.seed.signIn(user) };
}

/** The HTTP status with which the server answers a raw WebSocket upgrade (101 when it is accepted). */
function upgradeStatus(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(file.app.wsUrl, 'graphql-transport-ws', { headers });
    socket.on('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    socket.on('upgrade', (response) => {
      resolve(response.statusCode ?? 0);
      socket.close();
    });
    // Only errors before an answer matter; destroying the refused request raises one after.
    socket.on('error', reject);
  });
}

describe('a socket without credentials', () => {
  it('is closed with 4403 without having to ask for anything', async () => {
    expect((await closeOf(connect())).code).toBe(SESSION_ENDED);
  });

  it('cannot run anything', async () => {
    await expectRefused(connect());
  });

  it('is refused for a token that was never issued', async () => {
    await expectRefused(connect({ token: 'a-token-nobody-was-given' }));
  });
});

describe('a signed-in socket', () => {
  it('authenticates with the token in connectionParams', async () => {
    const { user, session } = await signedInUser();
    const result = await execute(connect({ token: session.token }), ME);
    expect(result).toEqual({ data: { me: { email: user.email } } });
  });

  it('authenticates with the session cookie sent at the upgrade', async () => {
    const { user, session } = await signedInUser();
    const result = await execute(connect({ cookie: session.cookie }), ME);
    expect(result).toEqual({ data: { me: { email: user.email } } });
  });
});

describe('the Origin of the upgrade', () => {
  it('is refused with 403 when it is not an allowed origin, whatever the credentials', async () => {
    const { session } = await signedInUser();
    expect(file.app.config.allowedOrigins).not.toContain('https://evil.example');

    expect(await upgradeStatus({ origin: 'https://evil.example', cookie: session.cookie })).toBe(403);
    const socket = connect({ origin: 'https://evil.example', token: session.token });
    await expect(execute(socket, ME)).rejects.toBeDefined();
    // 1006: the client's own report of a socket that never opened.
    expect((await closeOf(socket)).code).toBe(1006);
  });

  it("is accepted when it is the app's own origin", async () => {
    const { user, session } = await signedInUser();

    expect(await upgradeStatus({ origin: file.app.url, cookie: session.cookie })).toBe(101);
    const result = await execute(connect({ origin: file.app.url, cookie: session.cookie }), ME);
    expect(result).toEqual({ data: { me: { email: user.email } } });
  });
});

describe('a token that no longer authenticates', () => {
  it('is refused at connect once the session has been idle too long', async () => {
    const { session } = await signedInUser();
    file.app.clock.advance({ seconds: file.app.config.sessionIdleTimeoutSeconds + 1 });
    await expectRefused(connect({ token: session.token }));
  });

  it('is refused at connect after logout', async () => {
    const { session } = await signedInUser();
    const logout = await file.app.graphql<{ logout: boolean }>('mutation { logout }', {}, { token: session.token });
    expect(logout.data?.logout).toBe(true);
    await expectRefused(connect({ token: session.token }));
    await expectRefused(connect({ cookie: session.cookie }));
  });

  it('is refused at connect once its user is deactivated', async () => {
    const admin = await file.seed.signIn(await file.seed.user({ isAdmin: true }));
    const { user, session } = await signedInUser();
    const deactivated = await file.app.graphql(DEACTIVATE, { userId: user.globalId }, { token: admin.token });
    expect(deactivated.data?.deactivateUser).toEqual({ __typename: 'User', active: false });
    await expectRefused(connect({ token: session.token }));
  });
});

describe('an open socket', () => {
  it("is closed when its session logs out, while the user's other session stays open", async () => {
    const user = await file.seed.user();
    const laptop = await file.seed.signIn(user);
    const phone = await file.seed.signIn(user);
    const laptopSocket = connect({ token: laptop.token });
    const phoneSocket = connect({ token: phone.token });
    let phoneClosed = false;
    void phoneSocket.closed.then(() => (phoneClosed = true));
    expect(await execute(laptopSocket, ME)).toEqual({ data: { me: { email: user.email } } });
    expect(await execute(phoneSocket, ME)).toEqual({ data: { me: { email: user.email } } });

    await file.app.graphql('mutation { logout }', {}, { token: laptop.token });

    expect((await closeOf(laptopSocket)).code).toBe(SESSION_ENDED);
    // A round trip on the phone's socket: had the server closed it too, the close would come first.
    // (The client would quietly reconnect for this operation, so the result alone proves nothing.)
    expect(await execute(phoneSocket, ME)).toEqual({ data: { me: { email: user.email } } });
    expect(phoneClosed).toBe(false);
  });

  it('is closed when an administrator deactivates its user', async () => {
    const admin = await file.seed.user({ isAdmin: true });
    const { user, session } = await signedInUser();
    const socket = connect({ cookie: session.cookie });
    expect(await execute(socket, ME)).toEqual({ data: { me: { email: user.email } } });

    const deactivated = await file.app.graphql(DEACTIVATE, { userId: user.globalId }, { token: (await file.seed.signIn(admin)).token });
    expect(deactivated.data?.deactivateUser).toEqual({ __typename: 'User', active: false });

    expect((await closeOf(socket)).code).toBe(SESSION_ENDED);
  });

  it('runs nothing more once its session has expired, and is closed', async () => {
    const { user, session } = await signedInUser();
    const socket = connect({ token: session.token });
    expect(await execute(socket, ME)).toEqual({ data: { me: { email: user.email } } });

    file.app.clock.advance({ seconds: file.app.config.sessionIdleTimeoutSeconds + 1 });

    await expect(execute(socket, ME)).rejects.toMatchObject({ code: SESSION_ENDED });
    expect((await closeOf(socket)).code).toBe(SESSION_ENDED);
  });

  it('is closed by the periodic session check once its session has expired, even when idle', async () => {
    const { user, session } = await signedInUser();
    const socket = connect({ token: session.token });
    expect(await execute(socket, ME)).toEqual({ data: { me: { email: user.email } } });

    file.app.clock.advance({ seconds: file.app.config.sessionIdleTimeoutSeconds + 1 });
    // The server runs this check on a timer; the test runs it now instead of waiting for it.
    await file.app.app.live.revalidate();

    expect((await closeOf(socket)).code).toBe(SESSION_ENDED);
  });

  it('is closed with 1009 when a message is larger than 64 KiB', async () => {
    const { user, session } = await signedInUser();
    const socket = connect({ token: session.token });
    expect(await execute(socket, ME)).toEqual({ data: { me: { email: user.email } } });

    const oversized = execute(socket, 'query Padded($padding: String) { me { email } }', { padding: 'x'.repeat(64 * 1024 + 1) });
    await expect(oversized).rejects.toMatchObject({ code: MESSAGE_TOO_BIG });
    expect((await closeOf(socket)).code).toBe(MESSAGE_TOO_BIG);
  });

  it('is closed with 4400 when it sends what is not a graphql-ws message, and the server goes on', async () => {
    const { session } = await signedInUser();
    for (const garbled of ['{ not JSON', '{"type":"gossip"}', '[1,2]']) {
      const raw = new WebSocket(file.app.wsUrl, 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
      await new Promise((resolve) => raw.once('open', resolve));
      raw.send(JSON.stringify({ type: 'connection_init', payload: { token: session.token } }));
      await new Promise((resolve) => raw.once('message', resolve));
      raw.send(garbled);
      expect(await closed).toBe(INVALID_MESSAGE);
    }
    expect(await execute(connect({ token: session.token }), ME)).toMatchObject({ data: { me: {} } });
  });
});
