import { eq } from 'drizzle-orm';
import { afterEach, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { users } from '@jointops/server/db/schema/accounts';
import { errorCode, type Fields } from '../testkit/graphql';
import type { Actor } from '../testkit/operations';
import type { SeededUser } from '../testkit/seed';
import { execute, openSocket, subscribe, type TestSocket } from '../testkit/ws';
import { withAuditRows } from './audit-rows';
import { timelineEnd } from './session-channels.kit';

// A contact point is locked out before the operation goes live; the administrator sets a password
// and reads it to them over the phone. It lets them in, but only to choose their own: until then
// nothing else answers, over HTTP or over the live socket, so the password the administrator knows
// opens nothing. Once they chose, everything answers again.

const ERRORS = '... on Error { code message } ... on ValidationError { fieldErrors { path message } }';
const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { __typename ${ERRORS} ... on User { id mustChangePassword } } }`;
const CHANGE = `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { __typename ${ERRORS} ... on User { id mustChangePassword } } }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ${ERRORS} ... on User { id mustChangePassword } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on LoginSuccess { token mustChangePassword } } }`;
const EVENTS = 'subscription($id: ID!, $after: String) { operationEvents(operationId: $id, after: $after) { type } }';
const GIVEN = 'read out over the phone';
const OWN = 'a passphrase of my very own';

const file = fileHandles(it);
const sockets: TestSocket[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
});

async function call(query: string, variables: Record<string, unknown>, by: { token: string } | null) {
  const response = await file.app.graphql(query, variables, by ? { token: by.token } : {});
  return { result: (Object.values(response.data ?? {})[0] as Fields | null) ?? null, refusal: errorCode(response) };
}

const stored = async (person: { id: string }) => (await file.app.database.db.select().from(users).where(eq(users.id, person.id)))[0]!;

/** Resets the person's password as `admin` and signs them in with it. */
async function resetAndSignIn(admin: Actor, person: SeededUser): Promise<{ token: string }> {
  const reset = await call(RESET, { input: { userId: person.globalId, newPassword: GIVEN } }, admin);
  expect(reset.result).toMatchObject({ __typename: 'User', mustChangePassword: true });
  const login = await call(LOGIN, { input: { email: person.email, password: GIVEN } }, null);
  expect(login.result).toMatchObject({ __typename: 'LoginSuccess', mustChangePassword: true });
  return { token: login.result!.token as string };
}

describe('a password set by an administrator', () => {
  it('lets the person sign in, but answers nothing over HTTP but me, changeMyPassword and logout', async ({ cast, admin }) => {
    const { operation, malaysia } = cast;
    const session = await resetAndSignIn(admin, malaysia);

    expect((await call('{ me { id mustChangePassword } }', {}, session)).result).toEqual({
      id: malaysia.globalId,
      mustChangePassword: true,
    });
    for (const [query, variables] of [
      ['{ operations { edges { node { id } } } }', {}],
      ['query($id: ID!) { operation(id: $id) { id } }', { id: operation.id }],
      ['query($id: ID!) { node(id: $id) { id } }', { id: operation.id }],
      ['{ commodityCatalogue { version } }', {}],
      ['mutation { updateMyPreferences(input: { locale: "fr" }) { __typename } }', {}],
    ] as const) {
      expect(await call(query, variables, session), query).toEqual({ result: null, refusal: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const refused = await file.app.graphql('{ operations { edges { node { id } } } }', {}, { token: session.token });
    expect(refused.errors?.[0]?.message).toBe('Choose a new password first.');
    expect((await call('mutation { logout }', {}, session)).result).toBe(true);
    expect((await call('{ me { id } }', {}, session)).result).toBeNull();
  });

  it('answers nothing over the live socket either: no query, no event stream', async ({ cast, admin }) => {
    const { operation, malaysia } = cast;
    const session = await resetAndSignIn(admin, malaysia);
    const socket = openSocket(file.app.wsUrl, { token: session.token });
    sockets.push(socket);

    expect(await execute(socket, '{ me { id mustChangePassword } }')).toEqual({
      data: { me: { id: malaysia.globalId, mustChangePassword: true } },
    });
    const query = await execute(socket, '{ operations { edges { node { id } } } }');
    expect(query.errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const stream = subscribe(socket, EVENTS, { id: operation.id, after: null });
    await stream.until((subscription) => subscription.completed || subscription.errors !== undefined);
    expect(JSON.stringify(stream.errors)).toContain('PASSWORD_CHANGE_REQUIRED');
    expect(stream.received).toEqual([]);
  });

  it('is replaced by the person’s own with changeMyPassword, after which HTTP and the socket answer again', async ({ cast, admin }) => {
    const { operation, malaysia } = cast;
    const session = await resetAndSignIn(admin, malaysia);
    const socket = openSocket(file.app.wsUrl, { token: session.token });
    sockets.push(socket);

    const { value, audit } = await withAuditRows(file.app, () =>
      call(CHANGE, { input: { currentPassword: GIVEN, newPassword: OWN } }, session),
    );

    expect(value.result).toMatchObject({ __typename: 'User', id: malaysia.globalId, mustChangePassword: false });
    expect(audit).toEqual([expect.objectContaining({ action: 'changeMyPassword', outcome: 'SUCCEEDED', actorUserId: malaysia.id })]);
    expect((await stored(malaysia)).mustChangePassword).toBe(false);
    expect((await call('query($id: ID!) { operation(id: $id) { id } }', { id: operation.id }, session)).result).toEqual({
      id: operation.id,
    });
    expect(await execute(socket, 'query($id: ID!) { operation(id: $id) { id } }', { id: operation.id })).toEqual({
      data: { operation: { id: operation.id } },
    });
    const stream = subscribe(socket, EVENTS, { id: operation.id, after: await timelineEnd(operation) });
    await operation.update({ region: 'Seen once the password is their own' });
    await stream.until((subscription) => subscription.received.length > 0);
    expect(stream.received).toEqual([{ operationEvents: { type: 'OPERATION_UPDATED' } }]);
  });

  it('must not be kept as one’s own: the same password again is refused on newPassword, changing nothing', async ({ kit, admin }) => {
    const person = await kit.seed.user();
    const session = await resetAndSignIn(admin, person);
    const before = await stored(person);
    const { value, audit } = await withAuditRows(file.app, () =>
      call(CHANGE, { input: { currentPassword: GIVEN, newPassword: GIVEN } }, session),
    );
    expect(value.result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['newPassword'], message: 'Choose a password of your own, not the one you were given' }],
    });
    expect(await stored(person)).toEqual(before);
    expect(audit).toEqual([expect.objectContaining({ action: 'changeMyPassword', outcome: 'REFUSED' })]);
    expect((await call('{ operations { edges { node { id } } } }', {}, session)).refusal).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('lifts the lock the person’s own guesses at their current password had set', async ({ kit, admin }) => {
    const person = await kit.actor();
    for (let attempt = 1; attempt <= file.app.config.loginThrottle.maxFailuresPerAccount; attempt += 1)
      await call(CHANGE, { input: { currentPassword: `guess ${attempt}`, newPassword: OWN } }, person);
    expect((await call(CHANGE, { input: { currentPassword: person.password, newPassword: OWN } }, person)).result).toMatchObject({
      __typename: 'TooManyAttemptsError',
    });
    const session = await resetAndSignIn(admin, person);
    expect((await call(CHANGE, { input: { currentPassword: GIVEN, newPassword: OWN } }, session)).result).toMatchObject({
      __typename: 'User',
      mustChangePassword: false,
    });
  });

  it('can be given at creation, and the flag is the person’s and administrators’ to know, null for anyone else', async ({
    cast,
    admin,
  }) => {
    const { malaysia, thailand } = cast;
    const email = `new-${Date.now()}@test.demo`;
    const created = await call(
      CREATE,
      { input: { email, displayName: 'New Contact Point', agencyId: malaysia.agency.globalId, password: GIVEN, mustChangePassword: true } },
      admin,
    );
    expect(created.result).toMatchObject({ __typename: 'User', mustChangePassword: true });
    expect((await call(LOGIN, { input: { email, password: GIVEN } }, null)).result).toMatchObject({ mustChangePassword: true });

    await resetAndSignIn(admin, thailand);
    const seen = await call(
      'query($id: ID!) { node(id: $id) { ... on User { id mustChangePassword } } }',
      { id: thailand.globalId },
      malaysia,
    );
    expect(seen.result).toEqual({ id: thailand.globalId, mustChangePassword: null });
    expect((await call('{ me { mustChangePassword } }', {}, malaysia)).result).toEqual({ mustChangePassword: false });
  });
});
