import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { agencies, sessions } from '@jointops/server/db/schema/accounts';
import { encodeGlobalId } from '@jointops/server/global-id';
import type { TestApp } from '../testkit/app';
import { mutationAnswer, type Actor, type OperationKit } from '../testkit/operations';
import type { SeededAgency } from '../testkit/seed';
import { execute, openSocket, type TestSocket } from '../testkit/ws';
import { withAuditRows } from './audit-rows';

// The platform administrator keeps the directory true: an administration renames itself, an
// international organisation is recorded as one, and a partner that leaves the programme is switched
// off — its people signed out everywhere at once and kept out until it is switched back on.

const AGENCY = '... on Agency { id name acronym kind countryCode timeZone active }';
const ERRORS = '... on Error { code message } ... on ValidationError { fieldErrors { path message } }';
const UPDATE = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { __typename ${ERRORS} ${AGENCY} } }`;
const DEACTIVATE = `mutation($input: DeactivateAgencyInput!) { deactivateAgency(input: $input) { __typename ${ERRORS} ${AGENCY} } }`;
const REACTIVATE = `mutation($input: ReactivateAgencyInput!) { reactivateAgency(input: $input) { __typename ${ERRORS} ${AGENCY} } }`;
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { __typename ... on Error { message } } }';
const SESSION_ENDED = 4403;

let testApp: TestApp;
let kit: OperationKit;
let admin: Actor;
let officer: Actor;
const sockets: TestSocket[] = [];

it.beforeAll(async ({ app, kit: fileKit }) => {
  testApp = app;
  kit = fileKit;
  admin = await kit.actor(
    await kit.seed.agency({ name: `WCO Secretariat ${randomUUID()}`, kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null }),
    { isAdmin: true },
  );
  officer = await kit.actor();
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
});

const call = (query: string, input: Record<string, unknown>, by: Actor | null = admin) => mutationAnswer(testApp, query, input, by);

async function row(agency: SeededAgency) {
  const [stored] = await testApp.database.db.select().from(agencies).where(eq(agencies.id, agency.id));
  return stored!;
}

const signInAnswer = async (email: string, password: string) =>
  (await testApp.graphql(LOGIN, { input: { email, password } })).data?.login as { __typename: string; message?: string };

const me = async (token: string) => (await testApp.graphql('{ me { id } }', {}, { token })).data?.me ?? null;

describe('changing an agency', () => {
  it('changes the fields given and keeps the others; null clears acronym, country and time zone; audited', async () => {
    const agency = await kit.seed.agency({ name: 'Lao Customs', countryCode: 'LA', acronym: 'LC' });

    const { value, audit } = await withAuditRows(testApp, () =>
      call(UPDATE, { agencyId: agency.globalId, name: '  Lao Customs Department ', timeZone: 'Asia/Vientiane' }),
    );
    expect(value.result).toEqual({
      __typename: 'Agency',
      id: agency.globalId,
      name: 'Lao Customs Department',
      acronym: 'LC',
      kind: 'CUSTOMS',
      countryCode: 'LA',
      timeZone: 'Asia/Vientiane',
      active: true,
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'updateAgency',
        outcome: 'SUCCEEDED',
        actorUserId: admin.id,
        targetType: 'Agency',
        targetId: agency.id,
        details: { changed: ['name', 'timeZone'] },
      }),
    ]);

    const cleared = await call(UPDATE, { agencyId: agency.globalId, acronym: null, timeZone: null });
    expect(cleared.result).toMatchObject({ name: 'Lao Customs Department', acronym: null, countryCode: 'LA', timeZone: null });
    const international = await call(UPDATE, { agencyId: agency.globalId, kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null });
    expect(international.result).toMatchObject({ kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null });
  });

  describe('with a mistake', () => {
    beforeAll(() => kit.seed.agency({ name: 'Royal Thai Customs', countryCode: 'TH' }));

    it.each([
      ['a national agency left without a country', 'national', { countryCode: null }, 'countryCode'],
      ['an international organisation made national without a country', 'international', { kind: 'POLICE' }, 'countryCode'],
      ['the name of another agency of the same country, in another case', 'national', { name: 'ROYAL THAI CUSTOMS' }, 'name'],
      ['a blank name', 'national', { name: '  ' }, 'name'],
      ['a country name instead of its code', 'national', { countryCode: 'Thailand' }, 'countryCode'],
      ['a time zone that does not exist', 'national', { timeZone: 'Mars/Base' }, 'timeZone'],
      ['an agency id that is no id at all', 'national', { agencyId: 'nope' }, 'agencyId'],
    ] as const)('refuses %s with a ValidationError, changing nothing, audited', async (_mistake, which, change, field) => {
      const agency =
        which === 'national'
          ? await kit.seed.agency({ countryCode: 'TH' })
          : await kit.seed.agency({ kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null });
      const before = await row(agency);

      const { value, audit } = await withAuditRows(testApp, () => call(UPDATE, { agencyId: agency.globalId, ...change }));

      expect(value.result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
      expect(value.result!.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))).toEqual([field]);
      expect(await row(agency)).toEqual(before);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'updateAgency', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
      ]);
    });
  });
});

describe('deactivating an agency', () => {
  it("ends its people's sessions and sockets at once, keeps them out, hides it from the directory and from invitations", async () => {
    const agency = await kit.seed.agency({ name: `Sri Lanka Customs ${randomUUID()}`, countryCode: 'LK' });
    const first = await kit.actor(agency);
    const second = await kit.actor(agency);
    const socket = openSocket(testApp.wsUrl, { token: first.token });
    sockets.push(socket);
    expect(await execute(socket, '{ me { id } }')).toEqual({ data: { me: { id: first.globalId } } });

    const { value, audit } = await withAuditRows(testApp, () => call(DEACTIVATE, { agencyId: agency.globalId }));

    expect(value.result).toMatchObject({ __typename: 'Agency', id: agency.globalId, active: false });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'deactivateAgency',
        outcome: 'SUCCEEDED',
        targetType: 'Agency',
        targetId: agency.id,
        details: { endedSessions: 2 },
      }),
    ]);
    expect((await socket.closed).code).toBe(SESSION_ENDED);
    expect(await me(first.token)).toBeNull();
    expect(await me(second.token)).toBeNull();
    // Kept out with the answer a wrong password gets: nothing tells a guesser the account exists.
    const wrong = await signInAnswer(first.email, 'not the password at all');
    expect(await signInAnswer(first.email, first.password)).toEqual(wrong);
    expect(wrong.__typename).toBe('InvalidCredentialsError');
    expect(await me(officer.token)).toEqual({ id: officer.globalId });

    const directory = async (includeInactive?: boolean) => {
      const variables = { search: agency.name, ...(includeInactive === undefined ? {} : { includeInactive }) };
      const response = await testApp.graphql(
        'query($search: String, $includeInactive: Boolean) { agencies(first: 10, search: $search, includeInactive: $includeInactive) { edges { node { id active } } } }',
        variables,
        { token: officer.token },
      );
      return response.data!.agencies.edges.map((edge: { node: unknown }) => edge.node);
    };
    expect(await directory()).toEqual([]);
    expect(await directory(false)).toEqual([]);
    expect(await directory(true)).toEqual([{ id: agency.globalId, active: false }]);

    const planner = await kit.actor();
    const operation = await kit.operation(planner);
    expect((await operation.invite(agency)).result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['agencyId'] }] });
    const newcomer = await call(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ValidationError { fieldErrors { path } } } }',
      {
        email: `newcomer-${randomUUID()}@customs.gov.lk`,
        displayName: 'Newcomer',
        agencyId: agency.globalId,
        password: 'twelve chars at least',
      },
    );
    expect(newcomer.result).toEqual({ __typename: 'ValidationError', fieldErrors: [{ path: ['agencyId'] }] });
  });

  it('is undone by reactivating: its people sign in again with their own passwords; both are audited, and repeating either changes nothing', async () => {
    const agency = await kit.seed.agency({ countryCode: 'MV' });
    const person = await kit.actor(agency);
    expect((await call(DEACTIVATE, { agencyId: agency.globalId })).result).toMatchObject({ active: false });
    const switchedOffAt = (await row(agency)).deactivatedAt;
    expect((await call(DEACTIVATE, { agencyId: agency.globalId })).result).toMatchObject({ active: false });
    expect((await row(agency)).deactivatedAt).toEqual(switchedOffAt);

    const { value, audit } = await withAuditRows(testApp, () => call(REACTIVATE, { agencyId: agency.globalId }));

    expect(value.result).toMatchObject({ __typename: 'Agency', active: true });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'reactivateAgency', outcome: 'SUCCEEDED', targetType: 'Agency', targetId: agency.id }),
    ]);
    expect((await call(REACTIVATE, { agencyId: agency.globalId })).result).toMatchObject({ active: true });
    expect((await signInAnswer(person.email, person.password)).__typename).toBe('LoginSuccess');
    expect(await me(person.token)).toBeNull();
  });

  it("is refused for the administrator's own agency, which stays usable", async () => {
    const before = await row(admin.agency);
    const { value, audit } = await withAuditRows(testApp, () => call(DEACTIVATE, { agencyId: admin.agency.globalId }));
    expect(value.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['agencyId'] }] });
    expect(await row(admin.agency)).toEqual(before);
    expect(await me(admin.token)).toEqual({ id: admin.globalId });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'deactivateAgency', outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);
  });
});

describe('an agency id that names nothing', () => {
  it.each([
    ['updateAgency', UPDATE, { name: 'Nowhere Customs' }],
    ['deactivateAgency', DEACTIVATE, {}],
    ['reactivateAgency', REACTIVATE, {}],
  ])('is NotFoundError to %s, which changes nothing and is audited', async (action, query, input) => {
    const counts = async () => ({
      agencies: await testApp.database.db.$count(agencies),
      sessions: await testApp.database.db.$count(sessions),
    });
    const before = await counts();
    const { value, audit } = await withAuditRows(testApp, () =>
      call(query, { agencyId: encodeGlobalId('Agency', randomUUID()), ...input }),
    );
    expect(value.result).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Agency not found.' });
    expect(await counts()).toEqual(before);
    expect(audit).toEqual([expect.objectContaining({ action, outcome: 'REFUSED', reason: expect.stringMatching(/^NOT_FOUND/) })]);
  });
});

describe('agency administration by anyone else', () => {
  it.each([
    ['an officer of another agency', 'FORBIDDEN', () => Promise.resolve(officer)],
    ['an officer of the agency itself', 'FORBIDDEN', (agency: SeededAgency) => kit.actor(agency)],
    ['an anonymous caller', 'UNAUTHENTICATED', () => Promise.resolve(null)],
  ])('is refused to %s with %s, changing nothing, each attempt audited', async (_who, code, caller) => {
    const agency = await kit.seed.agency({ countryCode: 'BT' });
    const by = await caller(agency);
    for (const [action, query, input] of [
      ['updateAgency', UPDATE, { agencyId: agency.globalId, name: 'Taken Over' }],
      ['deactivateAgency', DEACTIVATE, { agencyId: agency.globalId }],
      ['reactivateAgency', REACTIVATE, { agencyId: agency.globalId }],
    ] as const) {
      const before = await row(agency);
      const { value, audit } = await withAuditRows(testApp, () => call(query, input, by));
      expect(value, action).toEqual({ result: null, refusal: code });
      expect(await row(agency), action).toEqual(before);
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
