import { and, asc, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { auditEntries } from '@jointops/server/db/schema/audit';
import type { SeededUser } from '../testkit/seed';

// Sign-in throttling that a guesser cannot turn against the person they target: failures slow
// down the account *from the guesser's address* (and the guesser's address across accounts),
// with a delay that doubles at each further failure; the owner, from their own address, signs in
// all along. The app trusts X-Forwarded-For, so each party speaks from an address of its own.

const LOGIN = `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Error { message code }
      ... on TooManyAttemptsError { retryAfterSeconds }
    }
  }`;

interface LoginAnswer {
  __typename: string;
  message?: string;
  code?: string;
  retryAfterSeconds?: number;
}

let nextAddress = 10;

const it = withApp({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ADDRESS: '8' } });

const file = fileHandles(it);

function unusedAddress(): string {
  nextAddress += 1;
  return `192.0.2.${nextAddress}`;
}

/** Someone signing in from an address no other story uses. */
function someoneAt(address = unusedAddress()) {
  return {
    address,
    async login(email: string, password: string): Promise<LoginAnswer> {
      const response = await file.app.graphql<{ login: LoginAnswer }>(
        LOGIN,
        { input: { email, password } },
        { headers: { 'x-forwarded-for': address } },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.login;
    },
  };
}

const wrongPasswordFor = (user: SeededUser, attempt: number) => `not ${user.password} (${attempt})`;

/** Fails `count` times, each refused as invalid credentials (no delay yet). */
async function fail(guesser: ReturnType<typeof someoneAt>, user: SeededUser, count: number) {
  for (let attempt = 1; attempt <= count; attempt += 1) {
    expect((await guesser.login(user.email, wrongPasswordFor(user, attempt))).__typename, `attempt ${attempt}`).toBe(
      'InvalidCredentialsError',
    );
  }
}

describe('failures for one account from one address', () => {
  it('are free up to five, then wait 30 s, doubling at each further failure up to 15 minutes, while the owner signs in from elsewhere', async () => {
    const { firstDelaySeconds, longestDelaySeconds, maxFailuresPerAccount } = file.app.config.loginThrottle;
    expect({ firstDelaySeconds, longestDelaySeconds, maxFailuresPerAccount }).toEqual({
      firstDelaySeconds: 30,
      longestDelaySeconds: 900,
      maxFailuresPerAccount: 5,
    });
    const user = await file.seed.user();
    const guesser = someoneAt();
    const owner = someoneAt();

    await fail(guesser, user, 4);
    const waits: number[] = [];
    for (let failure = 5; failure <= 11; failure += 1) {
      const answer = await guesser.login(user.email, wrongPasswordFor(user, failure));
      // The failure that reaches the limit is still answered as wrong credentials; the next attempt is held back.
      expect(answer.__typename, `failure ${failure}`).toBe('InvalidCredentialsError');
      const heldBack = await guesser.login(user.email, user.password);
      expect(heldBack).toMatchObject({ __typename: 'TooManyAttemptsError', code: 'TOO_MANY_ATTEMPTS' });
      waits.push(heldBack.retryAfterSeconds!);
      expect((await owner.login(user.email, user.password)).__typename, `owner after failure ${failure}`).toBe('LoginSuccess');
      file.app.clock.advance({ seconds: heldBack.retryAfterSeconds! });
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it('tell the person how long to wait, in seconds while it is short and in minutes after', async () => {
    const user = await file.seed.user();
    const guesser = someoneAt();
    await fail(guesser, user, 5);
    expect(await guesser.login(user.email, user.password)).toMatchObject({
      message: 'Too many failed sign-in attempts. Try again in 30 second(s).',
      retryAfterSeconds: 30,
    });
    file.app.clock.advance({ seconds: 30 });
    for (const wait of [60, 120]) {
      await guesser.login(user.email, 'yet another guess');
      expect((await guesser.login(user.email, user.password)).retryAfterSeconds).toBe(wait);
      file.app.clock.advance({ seconds: wait });
    }
    await guesser.login(user.email, 'yet another guess');
    expect(await guesser.login(user.email, user.password)).toMatchObject({
      message: 'Too many failed sign-in attempts. Try again in 4 minute(s).',
      retryAfterSeconds: 240,
    });
  });

  it('are forgotten after 15 quiet minutes, and the right password works the moment the delay is over', async () => {
    const user = await file.seed.user();
    const guesser = someoneAt();
    await fail(guesser, user, 5);
    file.app.clock.advance({ seconds: 30 + 15 * 60 + 1 });
    await fail(guesser, user, 4);
    expect((await guesser.login(user.email, user.password)).__typename).toBe('LoginSuccess');
  });

  it('are audited as refusals, the held-back attempt with its own reason', async () => {
    const user = await file.seed.user();
    const guesser = someoneAt();
    await fail(guesser, user, 5);
    await guesser.login(user.email, user.password);
    const rows = await file.app.database.db
      .select({ outcome: auditEntries.outcome, reason: auditEntries.reason, sourceAddress: auditEntries.sourceAddress })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'login'), eq(auditEntries.sourceAddress, guesser.address)))
      .orderBy(asc(auditEntries.id));
    expect(rows.map((row) => row.reason?.split(':')[0])).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'TOO_MANY_ATTEMPTS']);
    expect(rows.every((row) => row.outcome === 'REFUSED')).toBe(true);
  });

  it('are lifted everywhere by an administrator resetting the password', async () => {
    const user = await file.seed.user();
    const admin = await file.seed.signIn(await file.seed.user({ isAdmin: true }));
    const guesser = someoneAt();
    await fail(guesser, user, 5);
    const newPassword = 'a brand new long password';
    const reset = await file.app.graphql(
      'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { __typename } }',
      { input: { userId: user.globalId, newPassword } },
      { token: admin.token },
    );
    expect(reset.data?.resetUserPassword.__typename).toBe('User');
    expect((await guesser.login(user.email, newPassword)).__typename).toBe('LoginSuccess');
  });
});

describe('failures from one address across accounts', () => {
  it('hold that address back, whatever the account, and no other address', async () => {
    const maxFailuresPerAddress = file.app.config.loginThrottle.maxFailuresPerAddress;
    const sprayer = someoneAt();
    const targets = await Promise.all(Array.from({ length: maxFailuresPerAddress }, () => file.seed.user()));
    for (const [index, target] of targets.entries()) {
      expect((await sprayer.login(target.email, 'Summer2026!')).__typename, `account ${index + 1}`).toBe('InvalidCredentialsError');
    }
    const bystander = await file.seed.user();
    expect(await sprayer.login(bystander.email, bystander.password)).toMatchObject({
      __typename: 'TooManyAttemptsError',
      retryAfterSeconds: 30,
    });
    expect((await someoneAt().login(bystander.email, bystander.password)).__typename).toBe('LoginSuccess');
    for (const target of targets) expect((await someoneAt().login(target.email, target.password)).__typename).toBe('LoginSuccess');
  });

  it('are not forgiven by the guesser signing in to an account of their own between guesses', async () => {
    const maxFailuresPerAddress = file.app.config.loginThrottle.maxFailuresPerAddress;
    const own = await file.seed.user();
    const sprayer = someoneAt();
    for (let index = 1; index <= maxFailuresPerAddress; index += 1) {
      const target = await file.seed.user();
      expect((await sprayer.login(target.email, 'Summer2026!')).__typename).toBe('InvalidCredentialsError');
      if (index < maxFailuresPerAddress) expect((await sprayer.login(own.email, own.password)).__typename).toBe('LoginSuccess');
    }
    expect((await sprayer.login(own.email, own.password)).__typename).toBe('TooManyAttemptsError');
  });
});
