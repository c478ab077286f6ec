import { randomUUID } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { agencies, sessions, users } from '@jointops/server/db/schema/accounts';
import { auditEntries } from '@jointops/server/db/schema/audit';
import { encodeGlobalId } from '@jointops/server/global-id';
import type { TestApp } from '../testkit/app';
import { errorCode, type GraphQLResponse } from '../testkit/graphql';
import { seedKit, type SeedKit, type SeededAgency, type SeededUser, type Session } from '../testkit/seed';

// The WCO's platform administrator sets up the directory: agencies, then their people, and
// switches accounts off. Nobody else may, and every attempt is on the record.

const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) {
  createAgency(input: $input) {
    __typename
    ... on Agency { id name acronym kind countryCode timeZone }
    ... on ValidationError { code fieldErrors { path message } }
  }
}`;

const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on User { id email displayName locale isAdmin agency { id name } }
    ... on ValidationError { code fieldErrors { path message } }
  }
}`;

const DEACTIVATE_USER = `mutation($input: DeactivateUserInput!) {
  deactivateUser(input: $input) {
    __typename
    ... on User { id active }
    ... on Error { code message }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

let testApp: TestApp;
let seed: SeedKit;
let wco: SeededAgency;
let admin: SeededUser & { session: Session };
let officer: SeededUser & { session: Session };

it.beforeAll(async ({ app }) => {
  testApp = app;
  seed = seedKit(testApp);
  wco = await seed.agency({ name: 'World Customs Organization', kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null });
  const adminUser = await seed.user({ agency: wco, isAdmin: true });
  admin = { ...adminUser, session: await seed.signIn(adminUser) };
  const officerUser = await seed.user({ agency: await seed.agency({ name: 'Royal Malaysian Customs Department' }) });
  officer = { ...officerUser, session: await seed.signIn(officerUser) };
});

const signedInAs = (session: Session | null) => (session ? { token: session.token } : {});

async function directorySize() {
  const { db } = testApp.database;
  return { agencies: await db.$count(agencies), users: await db.$count(users), sessions: await db.$count(sessions) };
}

async function lastAuditId(): Promise<number> {
  const [row] = await testApp.database.db.select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)::int` }).from(auditEntries);
  return row!.id;
}

/** Runs one call and returns what it answered with the audit rows it left. */
async function attempt(query: string, input: Record<string, unknown>, session: Session | null) {
  const since = await lastAuditId();
  const response = await testApp.graphql(query, { input }, signedInAs(session));
  const audit = await testApp.database.db.select().from(auditEntries).where(gt(auditEntries.id, since)).orderBy(asc(auditEntries.id));
  return { response, audit };
}

const fieldPaths = (result: { fieldErrors: { path: string[] }[] }) => result.fieldErrors.map((error) => error.path.join('.'));

describe('an administrator', () => {
  it('creates an agency, then a user in it who can sign in and sees that agency as their own', async () => {
    const agency = await testApp.graphql(
      CREATE_AGENCY,
      { input: { name: '  Lao Customs Department ', kind: 'CUSTOMS', countryCode: 'la', timeZone: 'Asia/Vientiane' } },
      signedInAs(admin.session),
    );
    expect(agency.data?.createAgency).toEqual({
      __typename: 'Agency',
      id: expect.any(String),
      name: 'Lao Customs Department',
      acronym: null,
      kind: 'CUSTOMS',
      countryCode: 'LA',
      timeZone: 'Asia/Vientiane',
    });
    const agencyId = agency.data?.createAgency.id;

    const password = 'sabaidee from vientiane';
    const user = await testApp.graphql(
      CREATE_USER,
      { input: { email: 'Souk.Phommachanh@Customs.LA', displayName: 'Souk Phommachanh', agencyId, password, locale: 'fr' } },
      signedInAs(admin.session),
    );
    expect(user.data?.createUser).toEqual({
      __typename: 'User',
      id: expect.any(String),
      email: 'souk.phommachanh@customs.la',
      displayName: 'Souk Phommachanh',
      locale: 'fr',
      isAdmin: false,
      agency: { id: agencyId, name: 'Lao Customs Department' },
    });

    const session = await seed.signIn({ email: 'souk.phommachanh@customs.la', password });
    const me = await testApp.graphql('{ me { email agency { id name countryCode } } }', {}, { token: session.token });
    expect(me.data?.me).toEqual({
      email: 'souk.phommachanh@customs.la',
      agency: { id: agencyId, name: 'Lao Customs Department', countryCode: 'LA' },
    });
  });

  it('cannot give an e-mail address that already has an account, in any case', async () => {
    const before = await directorySize();
    const response = await testApp.graphql(
      CREATE_USER,
      {
        input: {
          email: officer.email.toUpperCase(),
          displayName: 'Someone Else',
          agencyId: officer.agency.globalId,
          password: 'a perfectly long password',
        },
      },
      signedInAs(admin.session),
    );
    expect(response.data?.createUser.__typename).toBe('ValidationError');
    expect(fieldPaths(response.data?.createUser)).toEqual(['email']);
    expect(await directorySize()).toEqual(before);
  });

  it('cannot create a second agency of the same name in the same country, but may in another', async () => {
    const input = { name: 'Royal Malaysian Customs Department', kind: 'CUSTOMS', countryCode: 'MY' };
    const before = await directorySize();
    const sameCountry = await testApp.graphql(
      CREATE_AGENCY,
      { input: { ...input, name: input.name.toUpperCase() } },
      signedInAs(admin.session),
    );
    expect(sameCountry.data?.createAgency.__typename).toBe('ValidationError');
    expect(fieldPaths(sameCountry.data?.createAgency)).toEqual(['name']);
    expect(await directorySize()).toEqual(before);

    const otherCountry = await testApp.graphql(CREATE_AGENCY, { input: { ...input, countryCode: 'BN' } }, signedInAs(admin.session));
    expect(otherCountry.data?.createAgency).toMatchObject({ __typename: 'Agency', countryCode: 'BN' });
  });

  it('cannot deactivate their own account, which stays usable', async () => {
    const response = await testApp.graphql(DEACTIVATE_USER, { input: { userId: admin.globalId } }, signedInAs(admin.session));
    expect(response.data?.deactivateUser).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(fieldPaths(response.data?.deactivateUser)).toEqual(['userId']);
    const [row] = await testApp.database.db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, admin.id));
    expect(row?.deactivatedAt).toBeNull();
    const me = await testApp.graphql('{ me { email } }', {}, signedInAs(admin.session));
    expect(me.data?.me).toEqual({ email: admin.email });
  });

  it('is told a well-formed user id that names nobody was not found', async () => {
    const before = await directorySize();
    const response = await testApp.graphql(
      DEACTIVATE_USER,
      { input: { userId: encodeGlobalId('User', randomUUID()) } },
      signedInAs(admin.session),
    );
    expect(response.data?.deactivateUser).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await directorySize()).toEqual(before);
  });

  it('deactivates another account, whose token then stops working', async () => {
    const leaving = await seed.user({ agency: officer.agency });
    const session = await seed.signIn(leaving);
    const response = await testApp.graphql(DEACTIVATE_USER, { input: { userId: leaving.globalId } }, signedInAs(admin.session));
    expect(response.data?.deactivateUser).toEqual({ __typename: 'User', id: leaving.globalId, active: false });
    const me = await testApp.graphql('{ me { email } }', {}, { token: session.token });
    expect(me.data?.me).toBeNull();
  });
});

describe('administration by anyone else', () => {
  const adminOnly = () =>
    [
      ['createAgency', CREATE_AGENCY, { name: 'Bureau of Customs', kind: 'CUSTOMS', countryCode: 'PH' }],
      [
        'createUser',
        CREATE_USER,
        {
          email: 'intruder@test.demo',
          displayName: 'Intruder',
          agencyId: officer.agency.globalId,
          password: 'a perfectly long password',
          isAdmin: true,
        },
      ],
      ['deactivateUser', DEACTIVATE_USER, { userId: admin.globalId }],
    ] as const;

  it.each([
    ['a signed-in officer who is not an administrator', 'FORBIDDEN', () => officer.session],
    ['an anonymous caller', 'UNAUTHENTICATED', () => null],
  ])('is refused to %s with %s, and changes nothing', async (_who, code, caller) => {
    for (const [mutation, query, input] of adminOnly()) {
      const before = await directorySize();
      const { response, audit } = await attempt(query, input, caller());
      expect(errorCode(response), mutation).toBe(code);
      expect(response.data, mutation).toBeNull();
      expect(await directorySize(), mutation).toEqual(before);
      expect(audit, mutation).toEqual([
        expect.objectContaining({ action: mutation, outcome: 'REFUSED', reason: expect.stringMatching(new RegExp(`^${code}`)) }),
      ]);
    }
    const adminStillActive = await testApp.graphql('{ me { email } }', {}, signedInAs(admin.session));
    expect(adminStillActive.data?.me).toEqual({ email: admin.email });
  });
});

describe('the audit trail', () => {
  type Attempt = {
    story: string;
    query: string;
    input: () => Record<string, unknown>;
    caller: () => (SeededUser & { session: Session }) | null;
    action: string;
    outcome: 'SUCCEEDED' | 'REFUSED';
    reason?: string;
    targetType?: string;
  };

  const attempts: Attempt[] = [
    {
      story: 'an agency created',
      query: CREATE_AGENCY,
      input: () => ({ name: 'Maldives Customs Service', acronym: 'MCS', kind: 'CUSTOMS', countryCode: 'MV' }),
      caller: () => admin,
      action: 'createAgency',
      outcome: 'SUCCEEDED',
      targetType: 'Agency',
    },
    {
      story: 'an agency refused for its name',
      query: CREATE_AGENCY,
      input: () => ({ name: 'Maldives Customs Service', kind: 'CUSTOMS', countryCode: 'MV' }),
      caller: () => admin,
      action: 'createAgency',
      outcome: 'REFUSED',
      reason: 'VALIDATION',
    },
    {
      story: 'a user created',
      query: CREATE_USER,
      input: () => ({
        email: 'aishath@customs.mv',
        displayName: 'Aishath',
        agencyId: officer.agency.globalId,
        password: 'a perfectly long password',
      }),
      caller: () => admin,
      action: 'createUser',
      outcome: 'SUCCEEDED',
      targetType: 'User',
    },
    {
      story: 'a user refused for a taken e-mail address',
      query: CREATE_USER,
      input: () => ({
        email: 'aishath@customs.mv',
        displayName: 'Aishath',
        agencyId: officer.agency.globalId,
        password: 'a perfectly long password',
      }),
      caller: () => admin,
      action: 'createUser',
      outcome: 'REFUSED',
      reason: 'VALIDATION',
    },
    {
      story: 'a deactivation of nobody',
      query: DEACTIVATE_USER,
      input: () => ({ userId: encodeGlobalId('User', randomUUID()) }),
      caller: () => admin,
      action: 'deactivateUser',
      outcome: 'REFUSED',
      reason: 'NOT_FOUND',
    },
    {
      story: 'a user created by a non-administrator',
      query: CREATE_USER,
      input: () => ({
        email: 'mallory@test.demo',
        displayName: 'Mallory',
        agencyId: officer.agency.globalId,
        password: 'a perfectly long password',
      }),
      caller: () => officer,
      action: 'createUser',
      outcome: 'REFUSED',
      reason: 'FORBIDDEN',
    },
    {
      story: 'an agency created by an anonymous caller',
      query: CREATE_AGENCY,
      input: () => ({ name: 'Nowhere Customs', kind: 'CUSTOMS', countryCode: 'NZ' }),
      caller: () => null,
      action: 'createAgency',
      outcome: 'REFUSED',
      reason: 'UNAUTHENTICATED',
    },
  ];

  it.each(attempts.map((entry) => [entry.story, entry] as const))(
    'records %s in exactly one row: who, what, how it ended, which request, from where',
    async (_story, entry) => {
      const actor = entry.caller();
      const { response, audit } = await attempt(entry.query, entry.input(), actor?.session ?? null);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(audit).toEqual([
        expect.objectContaining({
          actorUserId: actor?.id ?? null,
          actorAgencyId: actor?.agency.id ?? null,
          action: entry.action,
          outcome: entry.outcome,
          requestId,
          sourceAddress: '127.0.0.1',
          reason: entry.reason ? expect.stringMatching(new RegExp(`^${entry.reason}`)) : null,
        }),
      ]);
      if (entry.targetType) {
        expect(audit[0]).toMatchObject({ targetType: entry.targetType, targetId: expect.any(String) });
        expect(createdId(response)).toBe(encodeGlobalId(entry.targetType, audit[0]!.targetId!));
      }
    },
  );

  it("keeps a request id the caller sent beside the server's own", async () => {
    const clientRequestId = `ops-console-${randomUUID()}`;
    const since = await lastAuditId();
    const response = await testApp.graphql(
      CREATE_AGENCY,
      { input: { name: 'Sri Lanka Customs', kind: 'CUSTOMS', countryCode: 'LK' } },
      { token: admin.session.token, headers: { 'x-request-id': clientRequestId } },
    );
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await testApp.database.db.select().from(auditEntries).where(gt(auditEntries.id, since));
    expect(rows.map((row) => ({ requestId: row.requestId, clientRequestId: row.clientRequestId }))).toEqual([
      { requestId, clientRequestId },
    ]);
  });

  it.each([
    ['UPDATE', sql`update audit_entries set outcome = 'SUCCEEDED', reason = null`],
    ['DELETE', sql`delete from audit_entries`],
    ['TRUNCATE', sql`truncate audit_entries`],
  ])('refuses %s through SQL, leaving every row as it was', async (_statement, statement) => {
    const { db } = testApp.database;
    const before = await db.select().from(auditEntries).orderBy(asc(auditEntries.id));
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((row) => row.outcome === 'REFUSED')).toBe(true);
    const refusal = await db.execute(statement).then(
      () => null,
      (error: Error) => error,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect(String((refusal?.cause as Error | undefined)?.message ?? refusal?.message)).toMatch(/append-only/);
    expect(await db.select().from(auditEntries).orderBy(asc(auditEntries.id))).toEqual(before);
  });
});

function createdId(response: GraphQLResponse): string | undefined {
  const result = Object.values(response.data ?? {})[0] as { id?: string } | undefined;
  return result?.id;
}
