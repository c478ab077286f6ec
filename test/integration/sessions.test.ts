import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { auditEntries } from '@jointops/server/db/schema/audit';
import { startTestApp, type TestApp } from '../testkit/app';
import type { GraphQLResponse } from '../testkit/graphql';
import { seedKit } from '../testkit/seed';

// Every story here goes over real HTTP, with the server's own clock under the test's control.
// The app trusts X-Forwarded-For so each story that fails sign-ins can do so from an address of
// its own: every request reaches the server from 127.0.0.1, and one shared address would let one
// story's failures lock the next story out.

const LOGIN = `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on LoginSuccess { token expiresAt user { email } }
      ... on Error { message code }
      ... on TooManyAttemptsError { retryAfterSeconds }
    }
  }`;
const ME = '{ me { email } }';
const LOGOUT = 'mutation { logout }';
const DEACTIVATE = `
  mutation Deactivate($userId: ID!) {
    deactivateUser(input: { userId: $userId }) { __typename ... on User { active } }
  }`;

interface LoginAnswer {
  __typename: 'LoginSuccess' | 'InvalidCredentialsError' | 'TooManyAttemptsError' | 'ValidationError';
  token?: string;
  message?: string;
  code?: string;
  retryAfterSeconds?: number;
}

interface Client {
  login(email: string, password: string): Promise<GraphQLResponse<{ login: LoginAnswer }>>;
}

/** A client signing in to `app` from one (forwarded) source address. */
const clientAt = (app: TestApp, address: string): Client => ({
  login: (email, password) =>
    app.graphql<{ login: LoginAnswer }>(LOGIN, { input: { email, password } }, { headers: { 'x-forwarded-for': address } }),
});

/** `me`'s e-mail as the given credentials see it; null when they authenticate no one. */
async function whoIs(app: TestApp, credentials: { token?: string; cookie?: string }): Promise<string | null> {
  const response = await app.graphql<{ me: { email: string } | null }>(ME, {}, credentials);
  expect(response.errors).toBeUndefined();
  return response.data?.me?.email ?? null;
}

/** The attributes of a Set-Cookie header, by lower-cased name ("" for a flag such as HttpOnly). */
function cookieAttributes(setCookie: string): Map<string, string> {
  const [, ...attributes] = setCookie.split(';').map((part) => part.trim());
  return new Map(
    attributes.map((attribute) => {
      const [name = '', value = ''] = attribute.split('=');
      return [name.toLowerCase(), value];
    }),
  );
}

const it = withApp({ env: { TRUST_PROXY: 'true' } });

const file = fileHandles(it);

describe('a refused sign-in', () => {
  it('looks the same for an unknown e-mail, a wrong password and a deactivated account', async () => {
    const client = clientAt(file.app, '198.51.100.1');
    const user = await file.seed.user();
    const admin = await file.seed.user({ isAdmin: true });
    const leaver = await file.seed.user();
    const deactivated = await file.app.graphql(DEACTIVATE, { userId: leaver.globalId }, { token: (await file.seed.signIn(admin)).token });
    expect(deactivated.data?.deactivateUser).toEqual({ __typename: 'User', active: false });

    const unknownEmail = await client.login('nobody-here@test.demo', user.password);
    const wrongPassword = await client.login(user.email, 'not the password at all');
    const deactivatedAccount = await client.login(leaver.email, leaver.password);

    const answer = (response: GraphQLResponse<{ login: LoginAnswer }>) => ({
      status: response.status,
      errors: response.errors,
      login: response.data?.login,
    });
    expect(answer(unknownEmail)).toEqual({
      status: 200,
      errors: undefined,
      login: {
        __typename: 'InvalidCredentialsError',
        message: 'The e-mail address or password is incorrect.',
        code: 'INVALID_CREDENTIALS',
      },
    });
    expect(answer(wrongPassword)).toEqual(answer(unknownEmail));
    expect(answer(deactivatedAccount)).toEqual(answer(unknownEmail));
  });
});

describe('a session', () => {
  it('is set as an HttpOnly, SameSite=Lax cookie on / that lives as long as the absolute timeout', async () => {
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);

    expect(session.cookie).toBe(`jointops_session=${session.token}`);
    const attributes = cookieAttributes(session.setCookie);
    expect(attributes.get('httponly')).toBe('');
    expect(attributes.get('samesite')).toBe('Lax');
    expect(attributes.get('path')).toBe('/');
    expect(attributes.get('max-age')).toBe(String(7 * 24 * 3600));
    expect(attributes.get('max-age')).toBe(String(file.app.config.sessionAbsoluteTimeoutSeconds));
  });

  it('authenticates me by bearer token or by cookie, and no credentials authenticate no one', async () => {
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);

    expect(await whoIs(file.app, { token: session.token })).toBe(user.email);
    expect(await whoIs(file.app, { cookie: session.cookie })).toBe(user.email);
    expect(await whoIs(file.app, {})).toBeNull();
    expect(await whoIs(file.app, { token: 'a-token-nobody-was-given' })).toBeNull();
  });

  it('answers requests sent at once each as its own session, the ended and unknown ones as no one', async () => {
    // Session checks that come while one is under way are read together (db/batched-reads.ts).
    const people = [await file.seed.user(), await file.seed.user(), await file.seed.user()];
    const sessions = await Promise.all(people.map((person) => file.seed.signIn(person)));
    const leaver = await file.seed.signIn(await file.seed.user());
    await file.app.graphql(LOGOUT, {}, { token: leaver.token });
    const asks: { credentials: { token?: string; cookie?: string }; expected: string | null }[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const [index, session] of sessions.entries())
        asks.push({ credentials: { token: session.token }, expected: people[index]!.email });
      asks.push({ credentials: { cookie: sessions[round % 3]!.cookie }, expected: people[round % 3]!.email });
      asks.push({ credentials: { token: leaver.token }, expected: null });
      asks.push({ credentials: { token: `unknown-${round}` }, expected: null });
      asks.push({ credentials: {}, expected: null });
    }
    const answers = await Promise.all(asks.map((ask) => whoIs(file.app, ask.credentials)));
    expect(answers).toEqual(asks.map((ask) => ask.expected));
  });

  it('ends at logout by token: the token is refused and the cookie is cleared', async () => {
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);

    const logout = await file.app.graphql<{ logout: boolean }>(LOGOUT, {}, { token: session.token });
    expect(logout.data?.logout).toBe(true);
    expect(cookieAttributes(logout.headers.get('set-cookie') ?? '').get('max-age')).toBe('0');
    expect(logout.headers.get('set-cookie')).toMatch(/^jointops_session=;/);

    expect(await whoIs(file.app, { token: session.token })).toBeNull();
    expect(await whoIs(file.app, { cookie: session.cookie })).toBeNull();
  });

  it('ends at logout by cookie, and a second logout finds no session', async () => {
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);

    const logout = await file.app.graphql<{ logout: boolean }>(LOGOUT, {}, { cookie: session.cookie });
    expect(logout.data?.logout).toBe(true);
    expect(cookieAttributes(logout.headers.get('set-cookie') ?? '').get('max-age')).toBe('0');
    expect(await whoIs(file.app, { cookie: session.cookie })).toBeNull();

    const again = await file.app.graphql<{ logout: boolean }>(LOGOUT, {}, { cookie: session.cookie });
    expect(again.data?.logout).toBe(false);
  });

  it('expires after the idle timeout without activity', async () => {
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);
    expect(file.app.config.sessionIdleTimeoutSeconds).toBe(12 * 3600);

    file.app.clock.advance({ hours: 11, minutes: 59 });
    const laterUser = await file.seed.user();
    const laterSession = await file.seed.signIn(laterUser);
    file.app.clock.advance({ minutes: 1, seconds: 1 });

    expect(await whoIs(file.app, { token: session.token })).toBeNull();
    expect(await whoIs(file.app, { token: laterSession.token })).toBe(laterUser.email);
  });

  it('stays alive while used within the idle window', async () => {
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);

    // Each use lands more than a minute after the last recorded one, so last-seen moves each time.
    for (let use = 0; use < 3; use += 1) {
      file.app.clock.advance({ hours: 11, minutes: 59 });
      expect(await whoIs(file.app, { token: session.token })).toBe(user.email);
    }
    file.app.clock.advance({ hours: 12, seconds: 1 });
    expect(await whoIs(file.app, { token: session.token })).toBeNull();
  });

  it('expires seven days after sign-in however often it is used', async () => {
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);
    expect(file.app.config.sessionAbsoluteTimeoutSeconds).toBe(7 * 24 * 3600);

    // Used every four hours until a minute before the seven days are up.
    for (let hoursIn = 4; hoursIn < 7 * 24; hoursIn += 4) {
      file.app.clock.advance({ hours: 4 });
      expect(await whoIs(file.app, { token: session.token }), `${hoursIn} h after sign-in`).toBe(user.email);
    }
    file.app.clock.advance({ hours: 3, minutes: 59 });
    expect(await whoIs(file.app, { token: session.token })).toBe(user.email);

    file.app.clock.advance({ minutes: 1 });
    expect(await whoIs(file.app, { token: session.token })).toBeNull();
    expect(await whoIs(file.app, { cookie: session.cookie })).toBeNull();
  });

  it('ends at once when an administrator deactivates its user', async () => {
    const admin = await file.seed.user({ isAdmin: true });
    const user = await file.seed.user();
    const session = await file.seed.signIn(user);
    const adminSession = await file.seed.signIn(admin);
    expect(await whoIs(file.app, { token: session.token })).toBe(user.email);

    const deactivated = await file.app.graphql(DEACTIVATE, { userId: user.globalId }, { token: adminSession.token });
    expect(deactivated.data?.deactivateUser).toEqual({ __typename: 'User', active: false });

    expect(await whoIs(file.app, { token: session.token })).toBeNull();
    expect(await whoIs(file.app, { cookie: session.cookie })).toBeNull();
  });
});

describe('repeated failed sign-ins for one e-mail', () => {
  const maxFailures = 5;
  const firstDelay = 30;

  /** Fails `count` times for `email`, each refused as invalid credentials. */
  async function failRepeatedly(client: Client, email: string, count: number): Promise<void> {
    for (let attempt = 1; attempt <= count; attempt += 1) {
      const refused = await client.login(email, `wrong password ${attempt}`);
      expect(refused.data?.login.__typename, `attempt ${attempt}`).toBe('InvalidCredentialsError');
    }
  }

  it('hold the account back from that address, even against the right password, and nowhere else', async () => {
    expect(file.app.config.loginThrottle).toMatchObject({ maxFailuresPerAccount: maxFailures, firstDelaySeconds: firstDelay });
    const user = await file.seed.user();
    const guesser = clientAt(file.app, '198.51.100.2');

    await failRepeatedly(guesser, user.email, maxFailures);
    const locked = await guesser.login(user.email, user.password);
    expect(locked.data?.login).toMatchObject({
      __typename: 'TooManyAttemptsError',
      code: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: firstDelay,
    });

    // The owner, elsewhere, is not held back by the guesser's failures.
    const owner = clientAt(file.app, '198.51.100.3');
    expect((await owner.login(user.email, user.password)).data?.login.__typename).toBe('LoginSuccess');

    file.app.clock.advance({ seconds: firstDelay - 1 });
    expect((await guesser.login(user.email, user.password)).data?.login.__typename).toBe('TooManyAttemptsError');
    file.app.clock.advance({ seconds: 2 });
    const signedIn = await guesser.login(user.email, user.password);
    expect(signedIn.data?.login.__typename).toBe('LoginSuccess');
    expect(await whoIs(file.app, { token: signedIn.data?.login.token })).toBe(user.email);
  });

  it('are forgiven by a successful sign-in', async () => {
    const user = await file.seed.user();
    const forgetful = clientAt(file.app, '198.51.100.5');

    await failRepeatedly(forgetful, user.email, maxFailures - 1);
    expect((await forgetful.login(user.email, user.password)).data?.login.__typename).toBe('LoginSuccess');
    await failRepeatedly(forgetful, user.email, maxFailures - 1);
    expect((await forgetful.login(user.email, user.password)).data?.login.__typename).toBe('LoginSuccess');
  });

  it('lock an e-mail that matches no account in exactly the same way', async () => {
    const user = await file.seed.user();
    const noAccount = `no-account-${user.email}`;
    const guesser = clientAt(file.app, '198.51.100.4');

    // Both run at the same moment of the test clock, so even the wait they are told is the same.
    await failRepeatedly(guesser, user.email, maxFailures);
    await failRepeatedly(guesser, noAccount, maxFailures);
    const existing = await guesser.login(user.email, user.password);
    const missing = await guesser.login(noAccount, user.password);

    expect(missing.data?.login).toMatchObject({ __typename: 'TooManyAttemptsError', code: 'TOO_MANY_ATTEMPTS' });
    expect(missing.data?.login.retryAfterSeconds).toBeGreaterThan(0);
    expect({ status: missing.status, login: missing.data?.login }).toEqual({ status: existing.status, login: existing.data?.login });
  });
});

describe('repeated failed sign-ins from one address', () => {
  const maxFailures = 3;
  let strictApp: TestApp;
  beforeAll(async () => {
    strictApp = await startTestApp({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ADDRESS: String(maxFailures) } });
  });
  afterAll(() => strictApp.stop());

  it('lock that address across different e-mails, and only that address', async () => {
    const strictSeed = seedKit(strictApp);
    const user = await strictSeed.user();
    const sprayer = clientAt(strictApp, '203.0.113.7');

    for (let attempt = 1; attempt <= maxFailures; attempt += 1) {
      const refused = await sprayer.login(`target-${attempt}@test.demo`, 'a common password');
      expect(refused.data?.login.__typename, `attempt ${attempt}`).toBe('InvalidCredentialsError');
    }
    const locked = await sprayer.login(user.email, user.password);
    expect(locked.data?.login).toMatchObject({ __typename: 'TooManyAttemptsError', code: 'TOO_MANY_ATTEMPTS' });
    expect(locked.data?.login.retryAfterSeconds).toBeGreaterThan(0);

    const elsewhere = clientAt(strictApp, '203.0.113.8');
    expect((await elsewhere.login(user.email, user.password)).data?.login.__typename).toBe('LoginSuccess');
  });
});

describe('the audit trail', () => {
  it('records a refused and a successful sign-in', async () => {
    const user = await file.seed.user();
    const client = clientAt(file.app, '192.0.2.10');

    expect((await client.login(user.email, 'not the password')).data?.login.__typename).toBe('InvalidCredentialsError');
    expect((await client.login(user.email, user.password)).data?.login.__typename).toBe('LoginSuccess');

    const entries = await file.app.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'login'), sql`${auditEntries.details}->>'email' = ${user.email}`))
      .orderBy(auditEntries.id);
    expect(entries).toMatchObject([
      {
        outcome: 'REFUSED',
        reason: expect.stringMatching(/^INVALID_CREDENTIALS:/),
        targetId: user.id,
        actorUserId: null,
        sourceAddress: '192.0.2.10',
      },
      {
        outcome: 'SUCCEEDED',
        reason: null,
        targetId: user.id,
        actorUserId: user.id,
        actorAgencyId: user.agency.id,
        sourceAddress: '192.0.2.10',
      },
    ]);
    expect(entries[1]?.details).toHaveProperty('sessionId');
  });
});
