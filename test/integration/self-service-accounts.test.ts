import { eq } from 'drizzle-orm';
import { getNamedType, type GraphQLInputObjectType } from 'graphql';
import { afterEach, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { sessions, users } from '@jointops/server/db/schema/accounts';
import { schema } from '@jointops/server/graphql/schema';
import { errorCode, type Fields } from '../testkit/graphql';
import type { Actor } from '../testkit/operations';
import { withAuditRows } from './audit-rows';
import { bothEnded, follow, received, timelineEnd, type Follower } from './session-channels.kit';

// A contact point changes their own password after a colleague saw it typed, and every other
// place they were signed in (the laptop left at the port office, its open timeline) is signed
// out at once; the browser they changed it from goes on. They also choose their language and time
// zone. Nobody uses these on someone else: the inputs name no account.

const ERRORS = '... on Error { code message } ... on ValidationError { fieldErrors { path message } }';
('... on Error { code message } ... on ValidationError { fieldErrors { path message } } ... on TooManyAttemptsError { retryAfterSeconds }');
const CHANGE = `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) {
  __typename ${ERRORS} ... on TooManyAttemptsError { retryAfterSeconds } ... on User { id }
} }`;
const PREFERENCES = `mutation($input: UpdateMyPreferencesInput!) {
  updateMyPreferences(input: $input) { __typename ${ERRORS} ... on User { id locale timeZone } }
}`;
const NEW_PASSWORD = 'a passphrase nobody saw';

const followers: Follower[] = [];

const file = fileHandles(it);
afterEach(async () => {
  await Promise.all(followers.splice(0).map((follower) => follower.dispose()));
});

async function call(query: string, input: Record<string, unknown>, token?: string) {
  const response = await file.app.graphql(query, { input }, token ? { token } : {});
  return { result: (Object.values(response.data ?? {})[0] as Fields | null) ?? null, refusal: errorCode(response) };
}

async function row(person: { id: string }) {
  const [stored] = await file.app.database.db.select().from(users).where(eq(users.id, person.id));
  return stored!;
}

const liveSessions = async (person: { id: string }) =>
  (await file.app.database.db.select().from(sessions).where(eq(sessions.userId, person.id))).filter((session) => !session.revokedAt).length;
const me = async (token: string) => (await file.app.graphql('{ me { id locale timeZone } }', {}, { token })).data?.me ?? null;
const signsIn = async (email: string, password: string) =>
  (await file.app.graphql('mutation($input: LoginInput!) { login(input: $input) { __typename } }', { input: { email, password } })).data
    ?.login.__typename === 'LoginSuccess';
const fieldsAtFault = (result: Fields | null) => result?.fieldErrors?.map((error: { path: string[] }) => error.path.join('.'));

describe('changing one’s own password', () => {
  it('ends every other session and its live channels at once; the session that asked goes on', async ({ kit, cast }) => {
    const { operation, malaysia: person } = cast;
    await operation.advanceTo('PRE_OPERATIONAL');
    const laptop = await kit.seed.signIn(person);
    const after = await timelineEnd(operation);
    const [here, there] = [follow(file.app, operation.id, person.token, after), follow(file.app, operation.id, laptop.token, after)];
    followers.push(here, there);
    await operation.update({ region: 'Seen on both while signed in' });
    await received([here, there], 'OPERATION_UPDATED');

    const started = performance.now();
    const { value, audit } = await withAuditRows(file.app, () =>
      call(CHANGE, { currentPassword: person.password, newPassword: NEW_PASSWORD }, person.token),
    );

    expect(value.result).toMatchObject({ __typename: 'User', id: person.globalId });
    expect(await bothEnded(there, started)).toMatchObject({ sse: 'complete', wsCode: 4403 });
    await operation.update({ region: 'Seen only where the password was changed' });
    await received([here], 'OPERATION_UPDATED', 2);
    expect(there.types()).toEqual({ sse: ['OPERATION_UPDATED'], ws: ['OPERATION_UPDATED'] });
    expect(await me(person.token)).toMatchObject({ id: person.globalId });
    expect(await me(laptop.token)).toBeNull();
    expect(await liveSessions(person)).toBe(1);
    expect(await signsIn(person.email, person.password)).toBe(false);
    expect(await signsIn(person.email, NEW_PASSWORD)).toBe(true);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'changeMyPassword', outcome: 'SUCCEEDED', actorUserId: person.id, details: { endedSessions: 1 } }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain(person.password);
  });

  it('refuses a wrong current password on its field, changing nothing, the attempt audited', async ({ kit }) => {
    const person = await kit.actor();
    const elsewhere = await kit.seed.signIn(person);
    const before = await row(person);
    const { value, audit } = await withAuditRows(file.app, () =>
      call(CHANGE, { currentPassword: 'a guess at the password', newPassword: NEW_PASSWORD }, person.token),
    );
    expect(value.result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(value.result?.fieldErrors).toEqual([{ path: ['currentPassword'], message: 'This is not your current password' }]);
    expect(await row(person)).toEqual(before);
    expect(await me(elsewhere.token)).toMatchObject({ id: person.globalId });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'changeMyPassword',
        outcome: 'REFUSED',
        targetId: person.id,
        reason: expect.stringMatching(/^VALIDATION/),
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('a guess at the password');
  });

  it('throttles guesses as sign-in does: once locked, even the right password is refused for a while', async ({ kit }) => {
    const person = await kit.actor();
    const before = await row(person);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const { result } = await call(CHANGE, { currentPassword: `guess number ${attempt}`, newPassword: NEW_PASSWORD }, person.token);
      expect(result?.__typename, `guess ${attempt}`).toBe('ValidationError');
    }
    const { value, audit } = await withAuditRows(file.app, () =>
      call(CHANGE, { currentPassword: person.password, newPassword: NEW_PASSWORD }, person.token),
    );
    expect(value.result).toMatchObject({ __typename: 'TooManyAttemptsError', code: 'TOO_MANY_ATTEMPTS' });
    expect(value.result?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await row(person)).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'changeMyPassword', outcome: 'REFUSED', reason: expect.stringMatching(/^TOO_MANY/) }),
    ]);
  });

  it('refuses a new password that breaks the rules every password follows, changing nothing', async ({ kit }) => {
    const person = await kit.actor();
    const elsewhere = await kit.seed.signIn(person);
    const before = await row(person);
    const { value, audit } = await withAuditRows(file.app, () =>
      call(CHANGE, { currentPassword: person.password, newPassword: 'short' }, person.token),
    );
    expect(fieldsAtFault(value.result)).toEqual(['newPassword']);
    expect(await row(person)).toEqual(before);
    expect(await me(elsewhere.token)).toMatchObject({ id: person.globalId });
    expect(audit).toEqual([expect.objectContaining({ action: 'changeMyPassword', outcome: 'REFUSED' })]);
  });
});

describe('one’s own language and time zone', () => {
  it('are shown by me and drive the texts the server writes for the person', async ({ kit }) => {
    const person = await kit.actor();
    const names = async () =>
      (await file.app.graphql('{ commodityCatalogue { items { code name } } }', {}, { token: person.token })).data!.commodityCatalogue
        .items;
    const english = await names();
    const { value, audit } = await withAuditRows(file.app, () =>
      call(PREFERENCES, { locale: 'fr', timeZone: 'Asia/Bangkok' }, person.token),
    );
    expect(value.result).toMatchObject({ __typename: 'User', id: person.globalId, locale: 'fr', timeZone: 'Asia/Bangkok' });
    expect(await me(person.token)).toEqual({ id: person.globalId, locale: 'fr', timeZone: 'Asia/Bangkok' });
    expect(await names()).not.toEqual(english);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'updateMyPreferences',
        outcome: 'SUCCEEDED',
        targetId: person.id,
        details: { changed: ['locale', 'timeZone'], locale: 'fr', timeZone: 'Asia/Bangkok' },
      }),
    ]);
    expect((await call(PREFERENCES, { timeZone: 'Asia/Manila' }, person.token)).result).toMatchObject({
      locale: 'fr',
      timeZone: 'Asia/Manila',
    });
  });

  it('refuses a time zone IANA does not have, changing nothing, the attempt audited', async ({ kit }) => {
    const person = await kit.actor();
    const before = await row(person);
    const { value, audit } = await withAuditRows(file.app, () =>
      call(PREFERENCES, { locale: 'fr', timeZone: 'Asia/Atlantis' }, person.token),
    );
    expect(fieldsAtFault(value.result)).toEqual(['timeZone']);
    expect(await row(person)).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'updateMyPreferences', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);
  });
});

describe('on someone else', () => {
  it('cannot be asked: neither input names an account', () => {
    for (const field of ['changeMyPassword', 'updateMyPreferences']) {
      const input = getNamedType(schema.getMutationType()!.getFields()[field]!.args[0]!.type) as GraphQLInputObjectType;
      expect(Object.keys(input.getFields()), field).toEqual(expect.not.arrayContaining(['userId', 'email']));
    }
  });

  it("changes an administrator's own account only, whoever else they name", async ({ kit, admin }) => {
    const person: Actor = await kit.actor();
    const before = await row(person);
    const naming = await file.app.graphql(
      CHANGE,
      { input: { userId: person.globalId, currentPassword: person.password, newPassword: NEW_PASSWORD } },
      { token: admin.token },
    );
    expect(naming.data).toBeFalsy();
    expect((await call(CHANGE, { currentPassword: person.password, newPassword: NEW_PASSWORD }, admin.token)).result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['currentPassword'] }],
    });
    expect((await call(PREFERENCES, { locale: 'fr' }, admin.token)).result).toMatchObject({ id: admin.globalId, locale: 'fr' });
    expect(await row(person)).toEqual(before);
    expect(await me(person.token)).toMatchObject({ id: person.globalId, locale: 'en' });
  });

  it('is refused to an anonymous caller with UNAUTHENTICATED, each attempt audited', async () => {
    for (const [action, query, input] of [
      ['changeMyPassword', CHANGE, { currentPassword: 'whatever it was', newPassword: NEW_PASSWORD }],
      ['updateMyPreferences', PREFERENCES, { locale: 'fr' }],
    ] as const) {
      const { value, audit } = await withAuditRows(file.app, () => call(query, input));
      expect(value, action).toEqual({ result: null, refusal: 'UNAUTHENTICATED' });
      expect(audit, action).toEqual([
        expect.objectContaining({ action, outcome: 'REFUSED', actorUserId: null, reason: expect.stringMatching(/^UNAUTHENTICATED/) }),
      ]);
    }
  });
});
