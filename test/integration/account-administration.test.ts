import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { users } from '@jointops/server/db/schema/accounts';
import { encodeGlobalId } from '@jointops/server/global-id';
import type { TestApp } from '../testkit/app';
import { errorCode, type Fields } from '../testkit/graphql';
import { mutationAnswer, type Actor, type OperationKit } from '../testkit/operations';
import type { SeededAgency, SeededUser } from '../testkit/seed';
import { execute, openSocket, type TestSocket } from '../testkit/ws';
import { withAuditRows } from './audit-rows';

// The administrator keeps people's accounts: finds them, corrects a name or an address, moves an
// officer seconded to another administration, switches an account back on, and sets a new password
// for someone locked out — which signs them out everywhere. Nobody else may, and each attempt is on
// the record.

const USER = '... on User { id email displayName locale timeZone isAdmin active agency { id } }';
const ERRORS = '... on Error { code message } ... on ValidationError { fieldErrors { path message } }';
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename ${ERRORS} ${USER} } }`;
const REACTIVATE = `mutation($input: ReactivateUserInput!) { reactivateUser(input: $input) { __typename ${ERRORS} ${USER} } }`;
const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { __typename ${ERRORS} ${USER} } }`;
const DEACTIVATE = `mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { __typename ${ERRORS} ${USER} } }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ${ERRORS} ${USER} } }`;
const LIST = `query($first: Int, $after: String, $search: String, $agencyId: ID, $includeInactive: Boolean) {
  users(first: $first, after: $after, search: $search, agencyId: $agencyId, includeInactive: $includeInactive) {
    edges { node { id displayName active } } pageInfo { hasNextPage endCursor }
  }
}`;
const SESSION_ENDED = 4403;

let testApp: TestApp;
let kit: OperationKit;
let admin: Actor;
let officer: Actor;
const sockets: TestSocket[] = [];

it.beforeAll(async ({ app, kit: fileKit }) => {
  testApp = app;
  kit = fileKit;
  admin = await kit.actor(await kit.seed.agency({ kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null }), { isAdmin: true });
  officer = await kit.actor();
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
});

const call = (query: string, input: Record<string, unknown>, by: Actor | null = admin) => mutationAnswer(testApp, query, input, by);

async function row(user: SeededUser) {
  const [stored] = await testApp.database.db.select().from(users).where(eq(users.id, user.id));
  return stored!;
}

const fieldsAtFault = (result: Fields | null) => result?.fieldErrors?.map((error: { path: string[] }) => error.path.join('.'));
const me = async (token: string) => (await testApp.graphql('{ me { id } }', {}, { token })).data?.me ?? null;
const signsIn = async (email: string, password: string) =>
  (await testApp.graphql('mutation($input: LoginInput!) { login(input: $input) { __typename } }', { input: { email, password } })).data
    ?.login.__typename === 'LoginSuccess';

describe('the list of accounts', () => {
  let agency: SeededAgency;
  const people: Record<string, string> = {};
  const list = async (variables: Record<string, unknown>, by: Actor | null = admin) => {
    const response = await testApp.graphql(LIST, { first: 10, agencyId: agency.globalId, ...variables }, by ? { token: by.token } : {});
    return {
      names: response.data?.users.edges.map((edge: { node: { displayName: string } }) => edge.node.displayName),
      page: response.data?.users.pageInfo,
      refusal: errorCode(response),
    };
  };

  beforeAll(async () => {
    agency = await kit.seed.agency({ countryCode: 'KH' });
    for (const [displayName, email] of [
      ['Sokha Chan', 'sokha.chan@customs.gov.kh'],
      ['Dara Keo', 'dara.keo@customs.gov.kh'],
      ['Bopha 100% Ly', 'b.ly@customs.gov.kh'],
      ['Visal Chea', 'visal@police.gov.kh'],
    ] as const) {
      const { result } = await call(CREATE, { email, displayName, agencyId: agency.globalId, password: 'twelve chars at least' });
      people[displayName] = result!.id;
    }
    await call(DEACTIVATE, { userId: people['Visal Chea'] });
  });

  it('shows an administrator the active accounts of an agency by display name, the deactivated ones when asked', async () => {
    expect((await list({})).names).toEqual(['Bopha 100% Ly', 'Dara Keo', 'Sokha Chan']);
    expect((await list({ includeInactive: true })).names).toEqual(['Bopha 100% Ly', 'Dara Keo', 'Sokha Chan', 'Visal Chea']);
  });

  it('matches the search against display name or e-mail address, wildcards taken literally', async () => {
    expect((await list({ search: 'KEO' })).names).toEqual(['Dara Keo']);
    expect((await list({ search: 'sokha.chan@' })).names).toEqual(['Sokha Chan']);
    expect((await list({ search: '100%' })).names).toEqual(['Bopha 100% Ly']);
    expect((await list({ search: '%' })).names).toEqual(['Bopha 100% Ly']);
    expect((await list({ search: 'police', includeInactive: true })).names).toEqual(['Visal Chea']);
  });

  it('pages forward without skipping or repeating anyone, and spans every agency without agencyId', async () => {
    const first = await list({ first: 2 });
    expect(first.names).toEqual(['Bopha 100% Ly', 'Dara Keo']);
    expect(first.page.hasNextPage).toBe(true);
    expect((await list({ first: 2, after: first.page.endCursor })).names).toEqual(['Sokha Chan']);
    const everyone = await testApp.graphql('{ users(first: 500) { edges { node { id } } } }', {}, { token: admin.token });
    expect(everyone.data!.users.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      expect.arrayContaining([admin.globalId, officer.globalId, people['Dara Keo']]),
    );
  });

  it('lists nobody for an agency id that names no agency', async () => {
    expect((await list({ agencyId: encodeGlobalId('Agency', randomUUID()) })).names).toEqual([]);
    expect((await list({ agencyId: officer.globalId })).names).toEqual([]);
  });

  it('is refused to anyone but an administrator, a colleague of the agency included', async () => {
    const colleague = await kit.actor(agency);
    expect(await list({}, colleague)).toEqual({ names: undefined, page: undefined, refusal: 'FORBIDDEN' });
    expect(await list({}, officer)).toEqual({ names: undefined, page: undefined, refusal: 'FORBIDDEN' });
    expect(await list({}, null)).toEqual({ names: undefined, page: undefined, refusal: 'UNAUTHENTICATED' });
  });
});

describe('changing an account', () => {
  it('changes the fields given and keeps the others; audited with what changed', async () => {
    const person = await kit.seed.user();
    const before = await row(person);
    const input = {
      userId: person.globalId,
      displayName: 'Nurul Aisyah binti Ahmad',
      email: ' Nurul.Aisyah@Customs.gov.MY ',
      locale: 'fr',
      isAdmin: true,
    };

    const { value, audit } = await withAuditRows(testApp, () => call(UPDATE, input));

    expect(value.result).toEqual({
      __typename: 'User',
      id: person.globalId,
      email: 'nurul.aisyah@customs.gov.my',
      displayName: 'Nurul Aisyah binti Ahmad',
      locale: 'fr',
      timeZone: before.timeZone,
      isAdmin: true,
      active: true,
      agency: { id: person.agency.globalId },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'updateUser',
        outcome: 'SUCCEEDED',
        actorUserId: admin.id,
        targetType: 'User',
        targetId: person.id,
        details: { changed: ['displayName', 'email', 'isAdmin', 'locale'], isAdmin: true, endedSessions: 0 },
      }),
    ]);
    expect(await signsIn('nurul.aisyah@customs.gov.my', person.password)).toBe(true);
  });

  it.each([
    ['an e-mail address another account has, in another case', () => ({ email: officer.email.toUpperCase() }), 'email'],
    ['an e-mail address without a domain', () => ({ email: 'nurul@' }), 'email'],
    ['a blank display name', () => ({ displayName: ' ' }), 'displayName'],
    ['a language the app does not speak', () => ({ locale: 'de' }), 'locale'],
    ['a time zone that does not exist', () => ({ timeZone: 'Mars/Base' }), 'timeZone'],
    ['an agency id that names no agency', () => ({ agencyId: encodeGlobalId('Agency', randomUUID()) }), 'agencyId'],
    ['a user id where an agency id belongs', () => ({ agencyId: officer.globalId }), 'agencyId'],
    ['the removal of their own administrator rights', () => ({ userId: admin.globalId, isAdmin: false }), 'isAdmin'],
  ])('refuses %s with a ValidationError, changing nothing, audited', async (_mistake, change, field) => {
    const person = await kit.seed.user();
    const input = { userId: person.globalId, displayName: 'Changed Name', ...change() };
    const target = input.userId === admin.globalId ? admin : person;
    const before = await row(target);

    const { value, audit } = await withAuditRows(testApp, () => call(UPDATE, input));

    expect(value.result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(fieldsAtFault(value.result)).toEqual([field]);
    expect(await row(target)).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'updateUser', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);
  });

  it('lets administrators rename themselves, not demote themselves', async () => {
    expect((await call(UPDATE, { userId: admin.globalId, displayName: 'Platform Administrator', isAdmin: true })).result).toMatchObject({
      isAdmin: true,
    });
    expect(await me(admin.token)).toEqual({ id: admin.globalId });
  });

  it('is NotFoundError for a user id that names nobody', async () => {
    expect((await call(UPDATE, { userId: encodeGlobalId('User', randomUUID()), displayName: 'Nobody' })).result).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      message: 'User not found.',
    });
  });
});

describe('moving a person to another agency', () => {
  it('is refused while they are a member of an operation still open, saying why; allowed once they are not, ending their sessions', async ({
    cast: { operation, malaysia },
  }) => {
    const seconded = await kit.actor(malaysia.agency);
    await operation.assign(seconded, 'OBSERVER');
    const closedOne = await kit.operation(malaysia);
    await closedOne.assign(seconded, 'OBSERVER');
    await closedOne.advance('CANCELLED', { overrideJustification: 'Merged into the regional operation for the quarter.' });
    const destination = await kit.seed.agency({ countryCode: 'SG' });
    const before = await row(seconded);

    const { value, audit } = await withAuditRows(testApp, () =>
      call(UPDATE, { userId: seconded.globalId, agencyId: destination.globalId }),
    );

    expect(value.result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['agencyId'], message: expect.stringMatching(/member of an operation still open/) }],
    });
    expect(await row(seconded)).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'updateUser', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);

    const members = (await operation.view(operation.coordinator, 'members { id user { id } }'))!.members as {
      id: string;
      user: { id: string };
    }[];
    const membership = members.find((member) => member.user.id === seconded.globalId)!.id;
    const removal = await testApp.graphql(
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { __typename } }',
      { input: { operationId: operation.id, memberId: membership } },
      { token: operation.coordinator.token },
    );
    expect(removal.data?.removeMember.__typename).toBe('OperationMember');
    const socket = openSocket(testApp.wsUrl, { token: seconded.token });
    sockets.push(socket);
    expect(await execute(socket, '{ me { id } }')).toEqual({ data: { me: { id: seconded.globalId } } });

    const moved = await withAuditRows(testApp, () => call(UPDATE, { userId: seconded.globalId, agencyId: destination.globalId }));

    expect(moved.value.result).toMatchObject({ __typename: 'User', agency: { id: destination.globalId } });
    expect(moved.audit).toEqual([
      expect.objectContaining({ outcome: 'SUCCEEDED', details: { changed: ['agencyId'], agencyId: destination.id, endedSessions: 1 } }),
    ]);
    expect((await socket.closed).code).toBe(SESSION_ENDED);
    expect(await me(seconded.token)).toBeNull();
    expect(await signsIn(seconded.email, seconded.password)).toBe(true);
  });

  it('is refused into a deactivated agency', async () => {
    const person = await kit.seed.user();
    const closing = await kit.seed.agency({ countryCode: 'BN' });
    await call('mutation($input: DeactivateAgencyInput!) { deactivateAgency(input: $input) { __typename } }', {
      agencyId: closing.globalId,
    });
    const { result } = await call(UPDATE, { userId: person.globalId, agencyId: closing.globalId });
    expect(fieldsAtFault(result)).toEqual(['agencyId']);
    expect((await row(person)).agencyId).toBe(person.agency.id);
  });
});

describe('reactivating an account', () => {
  it('lets the person sign in again with their password; audited; repeating it changes nothing', async () => {
    const person = await kit.seed.user();
    await call(DEACTIVATE, { userId: person.globalId });
    expect(await signsIn(person.email, person.password)).toBe(false);

    const { value, audit } = await withAuditRows(testApp, () => call(REACTIVATE, { userId: person.globalId }));

    expect(value.result).toMatchObject({ __typename: 'User', id: person.globalId, active: true });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'reactivateUser', outcome: 'SUCCEEDED', targetType: 'User', targetId: person.id }),
    ]);
    expect((await call(REACTIVATE, { userId: person.globalId })).result).toMatchObject({ active: true });
    expect(await signsIn(person.email, person.password)).toBe(true);
  });

  it('is NotFoundError for a user id that names nobody, and a ValidationError for one that is no user id', async () => {
    const { value, audit } = await withAuditRows(testApp, () => call(REACTIVATE, { userId: encodeGlobalId('User', randomUUID()) }));
    expect(value.result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'reactivateUser', outcome: 'REFUSED', reason: expect.stringMatching(/^NOT_FOUND/) }),
    ]);
    expect(fieldsAtFault((await call(REACTIVATE, { userId: officer.agency.globalId })).result)).toEqual(['userId']);
  });
});

describe('resetting a password', () => {
  it('sets the new one, ends every session and socket of the person, and lifts a lock from failed attempts; audited', async () => {
    const person = await kit.actor();
    const socket = openSocket(testApp.wsUrl, { token: person.token });
    sockets.push(socket);
    expect(await execute(socket, '{ me { id } }')).toEqual({ data: { me: { id: person.globalId } } });
    for (let attempt = 0; attempt < testApp.config.loginThrottle.maxFailuresPerAccount; attempt += 1)
      await signsIn(person.email, 'a wrong guess');

    const { value, audit } = await withAuditRows(testApp, () =>
      call(RESET, { userId: person.globalId, newPassword: 'a brand new passphrase' }),
    );

    expect(value.result).toMatchObject({ __typename: 'User', id: person.globalId });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'resetUserPassword', outcome: 'SUCCEEDED', targetId: person.id, details: { endedSessions: 1 } }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('a brand new passphrase');
    expect((await socket.closed).code).toBe(SESSION_ENDED);
    expect(await me(person.token)).toBeNull();
    expect(await signsIn(person.email, person.password)).toBe(false);
    expect(await signsIn(person.email, 'a brand new passphrase')).toBe(true);
  });

  it('refuses a password shorter than twelve characters, changing nothing', async () => {
    const person = await kit.actor();
    const before = await row(person);
    const { value, audit } = await withAuditRows(testApp, () => call(RESET, { userId: person.globalId, newPassword: 'short' }));
    expect(fieldsAtFault(value.result)).toEqual(['newPassword']);
    expect(await row(person)).toEqual(before);
    expect(await me(person.token)).toEqual({ id: person.globalId });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'resetUserPassword', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);
  });

  it('is NotFoundError for a user id that names nobody', async () => {
    expect(
      (await call(RESET, { userId: encodeGlobalId('User', randomUUID()), newPassword: 'a brand new passphrase' })).result,
    ).toMatchObject({ __typename: 'NotFoundError' });
  });
});

describe('account administration by anyone else', () => {
  it.each([
    ['an officer of another agency', 'FORBIDDEN', () => Promise.resolve(officer)],
    ['a colleague of the same agency', 'FORBIDDEN', (person: SeededUser) => kit.actor(person.agency)],
    [
      'the person themselves',
      'FORBIDDEN',
      (person: SeededUser) => kit.seed.signIn(person).then((session) => ({ ...person, token: session.token })),
    ],
    ['an anonymous caller', 'UNAUTHENTICATED', () => Promise.resolve(null)],
  ])('is refused to %s with %s, changing nothing, each attempt audited', async (_who, code, caller) => {
    const person = await kit.seed.user();
    const by = await caller(person);
    for (const [action, query, input] of [
      ['updateUser', UPDATE, { userId: person.globalId, isAdmin: true }],
      ['reactivateUser', REACTIVATE, { userId: person.globalId }],
      ['resetUserPassword', RESET, { userId: person.globalId, newPassword: 'taken over at last' }],
    ] as const) {
      const before = await row(person);
      const { value, audit } = await withAuditRows(testApp, () => call(query, input, by));
      expect(value, action).toEqual({ result: null, refusal: code });
      expect(await row(person), action).toEqual(before);
      expect(audit, action).toEqual([
        expect.objectContaining({
          action,
          outcome: 'REFUSED',
          actorUserId: by?.id ?? null,
          reason: expect.stringMatching(new RegExp(`^${code}`)),
        }),
      ]);
    }
  });
});
