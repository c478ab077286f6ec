import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { ManualClock } from '../testkit/clock';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere, environment } from '../testkit/environment';
import { seedKit, type SeedKit } from '../testkit/seed';
import { execute, openSocket, type TestSocket } from '../testkit/ws';
import { reportFigure } from '../testkit/report';

// Two instances of one deployment: one database, one Redis. A session ended on instance A must
// close its sockets on instance B at once, through the 'sessions:revoked' hint on Redis, not at
// B's next periodic re-check (every 30 s).

const CLOSE_WITHIN_MS = 1_000;

describeWhere(['postgres', 'redis'], 'sessions ended on one instance close sockets on another', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let seed: SeedKit;

  beforeAll(async () => {
    database = await createTestDatabase();
    const clock = new ManualClock();
    const env = { REDIS_URL: environment.redisUrl! };
    a = await startTestApp({ database, clock, redis: true, env });
    b = await startTestApp({ database, clock, redis: true, env });
    seed = seedKit(a);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.destroy();
  });

  /** A socket on instance B whose session is proven live by a query over it. */
  async function signedInSocketOnB(session: { token: string }): Promise<TestSocket> {
    const socket = openSocket(b.wsUrl, { token: session.token });
    expect((await execute(socket, '{ me { email } }')).data?.me).toBeTruthy();
    return socket;
  }

  /** The close code, and the time from `started` (just before the mutation was sent) to the close. */
  async function closedWithin(socket: TestSocket, started: number, ms: number): Promise<{ code: number; elapsedMs: number }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`socket still open ${ms} ms after the mutation was sent`)),
        started + ms - performance.now(),
      );
    });
    try {
      const { code } = await Promise.race([socket.closed, timeout]);
      return { code, elapsedMs: Math.round(performance.now() - started) };
    } finally {
      clearTimeout(timer);
    }
  }

  it('a logout on A closes that session’s socket on B with 4403, and leaves others open', async () => {
    const user = await seed.user();
    const bystander = await seed.user({ agency: user.agency });
    const session = await seed.signIn(user);
    const otherSession = await seed.signIn(user);
    const socket = await signedInSocketOnB(session);
    const sameUserOtherSession = await signedInSocketOnB(otherSession);
    const bystanderSocket = await signedInSocketOnB(await seed.signIn(bystander));

    const started = performance.now();
    const logout = await a.graphql<{ logout: boolean }>('mutation { logout }', {}, { token: session.token });
    expect(logout.data?.logout).toBe(true);
    const closed = await closedWithin(socket, started, CLOSE_WITHIN_MS);
    reportFigure(`logout on A → socket closed on B in ${closed.elapsedMs} ms`);
    expect(closed.code).toBe(4403);

    // Only the session that ended: the user's other session and other users keep their sockets.
    expect((await execute(sameUserOtherSession, '{ me { email } }')).data?.me.email).toBe(user.email);
    expect((await execute(bystanderSocket, '{ me { email } }')).data?.me.email).toBe(bystander.email);
    await sameUserOtherSession.dispose();
    await bystanderSocket.dispose();
  });

  it('an admin deactivating a user on A closes every socket of that user on B with 4403', async () => {
    const admin = await seed.user({ isAdmin: true });
    const user = await seed.user();
    const bystander = await seed.user({ agency: user.agency });
    const sockets = [await signedInSocketOnB(await seed.signIn(user)), await signedInSocketOnB(await seed.signIn(user))];
    const bystanderSocket = await signedInSocketOnB(await seed.signIn(bystander));

    const adminSession = await seed.signIn(admin);
    const started = performance.now();
    const deactivated = await a.graphql(
      'mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { __typename ... on User { active } } }',
      { input: { userId: user.globalId } },
      { token: adminSession.token },
    );
    expect(deactivated.data?.deactivateUser).toEqual({ __typename: 'User', active: false });
    const closed = await Promise.all(sockets.map((socket) => closedWithin(socket, started, CLOSE_WITHIN_MS)));
    reportFigure(`deactivation on A → sockets closed on B in ${closed.map((c) => c.elapsedMs).join(' / ')} ms`);
    expect(closed.map((c) => c.code)).toEqual([4403, 4403]);

    expect((await execute(bystanderSocket, '{ me { email } }')).data?.me.email).toBe(bystander.email);
    await bystanderSocket.dispose();
  });

  it('/readyz checks Redis when REDIS_URL is configured', async () => {
    for (const app of [a, b]) {
      const response = await fetch(`${app.url}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    }
  });
});
