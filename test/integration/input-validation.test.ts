import { randomBytes, randomUUID } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { getNamedType, GraphQLInputObjectType, GraphQLNonNull, GraphQLScalarType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, sessions, users } from '@jointops/server/db/schema/accounts';
import { auditEntries } from '@jointops/server/db/schema/audit';
import { encodeGlobalId } from '@jointops/server/global-id';
import { schema } from '@jointops/server/graphql/schema';
import { startTestApp, type TestApp } from '../testkit/app';
import { seedKit, type SeededAgency, type SeededUser, type Session } from '../testkit/seed';

// Malformed or missing input to every mutation gets a typed ValidationError naming the field, and
// changes nothing but the audit trail, which records the refused attempt. The table below is
// checked against the schema: a new mutation fails this file until it has cases here, or an
// exemption that says why it needs none.

interface World {
  agency: SeededAgency;
  user: SeededUser;
  /** The one account the well-formed deactivateUser input switches off. */
  leaver: SeededUser;
}

interface MalformedInput {
  /** What is wrong, as a person would say it. */
  mistake: string;
  /** The field the ValidationError must name. */
  field: string;
  /** Replaces fields of the well-formed input; `undefined` leaves the field out. */
  change: (world: World) => Record<string, unknown>;
}

interface Validated {
  caller: 'admin' | 'anonymous';
  /** An input the mutation accepts, fresh on each call: each mistake below is a change to it. */
  wellFormed: (world: World) => Record<string, unknown>;
  malformed: MalformedInput[];
}

type MutationInputs = Validated | { exemptBecause: string };

const unique = () => randomBytes(4).toString('hex');

const mutationInputs: Record<string, MutationInputs> = {
  login: {
    caller: 'anonymous',
    wellFormed: (world) => ({ email: world.user.email, password: world.user.password }),
    malformed: [
      { mistake: 'a blank e-mail address', field: 'email', change: () => ({ email: '' }) },
      { mistake: 'an e-mail address of spaces', field: 'email', change: () => ({ email: '   ' }) },
      { mistake: 'something that is not an e-mail address', field: 'email', change: () => ({ email: 'officer.customs.gov.my' }) },
      { mistake: 'a blank password', field: 'password', change: () => ({ password: '' }) },
    ],
  },
  logout: {
    exemptBecause: 'logout takes no input: it ends the session the request itself carries',
  },
  createAgency: {
    caller: 'admin',
    wellFormed: () => ({ name: `Royal Malaysian Customs ${unique()}`, acronym: 'JKDM', kind: 'CUSTOMS', countryCode: 'MY', timeZone: 'Asia/Kuala_Lumpur' }),
    malformed: [
      { mistake: 'a blank name', field: 'name', change: () => ({ name: '' }) },
      { mistake: 'a name of spaces', field: 'name', change: () => ({ name: ' \t ' }) },
      { mistake: 'a name longer than 200 characters', field: 'name', change: () => ({ name: 'Customs '.repeat(30) }) },
      { mistake: 'an acronym longer than 20 characters', field: 'acronym', change: () => ({ acronym: 'JABATAN-KASTAM-DIRAJA-MALAYSIA' }) },
      { mistake: 'a national agency without a country', field: 'countryCode', change: () => ({ countryCode: undefined }) },
      { mistake: 'a national agency with a null country', field: 'countryCode', change: () => ({ kind: 'POLICE', countryCode: null }) },
      { mistake: 'a country name instead of its code', field: 'countryCode', change: () => ({ countryCode: 'Malaysia' }) },
      { mistake: 'a three-letter country code', field: 'countryCode', change: () => ({ countryCode: 'MYS' }) },
      { mistake: 'a time zone that does not exist', field: 'timeZone', change: () => ({ timeZone: 'Mars/Base' }) },
    ],
  },
  createUser: {
    caller: 'admin',
    wellFormed: (world) => ({
      email: `officer-${unique()}@customs.gov.my`,
      displayName: 'Nurul Aisyah',
      agencyId: world.agency.globalId,
      password: 'twelve chars at least',
      locale: 'en',
      timeZone: 'Asia/Kuala_Lumpur',
    }),
    malformed: [
      { mistake: 'a blank e-mail address', field: 'email', change: () => ({ email: '' }) },
      { mistake: 'an e-mail address of spaces', field: 'email', change: () => ({ email: '  ' }) },
      { mistake: 'an e-mail address without a domain', field: 'email', change: () => ({ email: 'nurul.aisyah@' }) },
      { mistake: 'a blank display name', field: 'displayName', change: () => ({ displayName: '' }) },
      { mistake: 'a display name of spaces', field: 'displayName', change: () => ({ displayName: '   ' }) },
      { mistake: 'a password shorter than twelve characters', field: 'password', change: () => ({ password: 'short' }) },
      { mistake: 'a blank agency id', field: 'agencyId', change: () => ({ agencyId: '' }) },
      { mistake: 'an agency id that is no id at all', field: 'agencyId', change: () => ({ agencyId: 'nope' }) },
      { mistake: 'a user id where an agency id belongs', field: 'agencyId', change: (world) => ({ agencyId: world.user.globalId }) },
      { mistake: 'an agency id that names no agency', field: 'agencyId', change: () => ({ agencyId: encodeGlobalId('Agency', randomUUID()) }) },
      { mistake: 'a language the app does not speak', field: 'locale', change: () => ({ locale: 'de' }) },
      { mistake: 'a time zone that does not exist', field: 'timeZone', change: () => ({ timeZone: 'Mars/Base' }) },
    ],
  },
  deactivateUser: {
    caller: 'admin',
    wellFormed: (world) => ({ userId: world.leaver.globalId }),
    malformed: [
      { mistake: 'a blank user id', field: 'userId', change: () => ({ userId: '' }) },
      { mistake: 'a user id of spaces', field: 'userId', change: () => ({ userId: '   ' }) },
      { mistake: 'a user id that is no id at all', field: 'userId', change: () => ({ userId: 'nope' }) },
      { mistake: 'a user id that does not hold a uuid', field: 'userId', change: () => ({ userId: encodeGlobalId('User', 'not-a-uuid') }) },
      { mistake: 'an agency id where a user id belongs', field: 'userId', change: (world) => ({ userId: world.agency.globalId }) },
    ],
  },
};

const validated = Object.entries(mutationInputs).filter((entry): entry is [string, Validated] => 'malformed' in entry[1]);

let testApp: TestApp;
let world: World;
let adminSession: Session;

beforeAll(async () => {
  testApp = await startTestApp();
  const seed = seedKit(testApp);
  const agency = await seed.agency({ name: 'Royal Malaysian Customs Department', countryCode: 'MY' });
  world = { agency, user: await seed.user({ agency }), leaver: await seed.user({ agency }) };
  adminSession = await seed.signIn(await seed.user({ isAdmin: true }));
});
afterAll(() => testApp.stop());

const mutationField = (name: string): GraphQLField<unknown, unknown> => schema.getMutationType()!.getFields()[name]!;

/** The one document every case of a mutation is sent with, typed from the schema itself. */
function documentFor(mutation: string): string {
  const input = mutationField(mutation).args.find((arg) => arg.name === 'input')!;
  return `mutation($input: ${String(input.type)}) {
    ${mutation}(input: $input) {
      __typename
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;
}

function withChange(wellFormed: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
  const input = { ...wellFormed, ...change };
  for (const [field, value] of Object.entries(change)) if (value === undefined) delete input[field];
  return input;
}

async function rowCounts() {
  const { db } = testApp.database;
  return { agencies: await db.$count(agencies), users: await db.$count(users), sessions: await db.$count(sessions) };
}

async function lastAuditId(): Promise<number> {
  const [row] = await testApp.database.db.select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)::int` }).from(auditEntries);
  return row!.id;
}

const auditRowsAfter = (id: number) =>
  testApp.database.db.select().from(auditEntries).where(gt(auditEntries.id, id)).orderBy(asc(auditEntries.id));

const callAs = (caller: Validated['caller']) => (caller === 'admin' ? { token: adminSession.token } : {});

describe('the table of malformed inputs', () => {
  const mutations = Object.values(schema.getMutationType()!.getFields());

  it('covers every mutation of the schema, or says why a mutation needs no cases', () => {
    const uncovered = mutations
      .map((field) => field.name)
      .filter((name) => {
        const entry = mutationInputs[name];
        return !entry || ('malformed' in entry ? entry.malformed.length === 0 : entry.exemptBecause.trim() === '');
      });
    expect(uncovered).toEqual([]);
  });

  it('names no mutation the schema does not have', () => {
    expect(Object.keys(mutationInputs).filter((name) => !mutations.some((field) => field.name === name))).toEqual([]);
  });

  it('exempts only mutations that take no input', () => {
    const exempt = Object.entries(mutationInputs).filter(([, entry]) => 'exemptBecause' in entry);
    expect(exempt.map(([name]) => [name, mutationField(name).args.map((arg) => arg.name)])).toEqual(
      exempt.map(([name]) => [name, []]),
    );
  });

  it.each(validated)('tries every required text and id field of %s', (name, { malformed }) => {
    const inputType = getNamedType(mutationField(name).args.find((arg) => arg.name === 'input')?.type);
    expect(inputType).toBeInstanceOf(GraphQLInputObjectType);
    const requiredText = Object.values((inputType as GraphQLInputObjectType).getFields())
      .filter((field) => field.type instanceof GraphQLNonNull && field.type.ofType instanceof GraphQLScalarType)
      .filter((field) => ['String', 'ID'].includes((field.type as GraphQLNonNull<GraphQLScalarType>).ofType.name))
      .map((field) => field.name);
    const tried = new Set(malformed.map((entry) => entry.field));
    expect(requiredText.filter((field) => !tried.has(field))).toEqual([]);
  });
});

describe.each(validated)('%s', (mutation, { caller, wellFormed, malformed }) => {
  it('accepts the well-formed input every mistake below starts from', async () => {
    const response = await testApp.graphql(documentFor(mutation), { input: wellFormed(world) }, callAs(caller));
    expect(response.errors).toBeUndefined();
    expect(response.data?.[mutation].__typename).not.toMatch(/Error$/);
  });

  it.each(malformed)('refuses $mistake with a ValidationError on $field, changing nothing', async ({ field, change }) => {
    const before = await rowCounts();
    const auditedUpTo = await lastAuditId();

    const response = await testApp.graphql(documentFor(mutation), { input: withChange(wellFormed(world), change(world)) }, callAs(caller));

    expect(response.errors).toBeUndefined();
    const result = response.data?.[mutation];
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    const named = (result.fieldErrors as { path: string[]; message: string }[]).map((error) => ({ field: error.path.at(-1), message: error.message }));
    expect(named).toContainEqual({ field, message: expect.stringMatching(/\S/) });
    expect(named.filter((error) => error.field !== field)).toEqual([]);

    expect(await rowCounts()).toEqual(before);
    expect(await auditRowsAfter(auditedUpTo)).toEqual([
      expect.objectContaining({ action: mutation, outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION/) }),
    ]);
  });
});

describe('input the schema itself rules out', () => {
  // GraphQL refuses these before any resolver runs: there is no attempt to record, so not even
  // an audit row is written.
  const refusedByGraphQL: { mistake: string; document: string; variables?: Record<string, unknown>; names: string }[] = [
    {
      mistake: 'a createAgency input without kind',
      document: documentFor('createAgency'),
      variables: { input: { name: 'Lao Customs Department', countryCode: 'LA' } },
      names: 'kind',
    },
    {
      mistake: 'a createAgency input literal without kind',
      document: 'mutation { createAgency(input: { name: "Lao Customs Department", countryCode: "LA" }) { __typename } }',
      names: 'kind',
    },
    {
      mistake: 'an agency kind the schema does not know',
      document: documentFor('createAgency'),
      variables: { input: { name: 'Lao Customs Department', kind: 'SPACE_FORCE', countryCode: 'LA' } },
      names: 'SPACE_FORCE',
    },
    {
      mistake: 'a createUser input without agencyId',
      document: documentFor('createUser'),
      variables: { input: { email: 'someone@customs.la', displayName: 'Someone', password: 'twelve chars at least' } },
      names: 'agencyId',
    },
    {
      mistake: 'a createUser input whose email is null',
      document: documentFor('createUser'),
      variables: { input: { email: null, displayName: 'Someone', agencyId: 'x', password: 'twelve chars at least' } },
      names: 'email',
    },
    {
      mistake: 'a login input without password',
      document: documentFor('login'),
      variables: { input: { email: 'someone@customs.la' } },
      names: 'password',
    },
    {
      mistake: 'a deactivateUser call without its input argument',
      document: 'mutation { deactivateUser { __typename } }',
      names: 'input',
    },
  ];

  it.each(refusedByGraphQL)('refuses $mistake with an error naming $names, changing nothing', async ({ document, variables, names }) => {
    const before = await rowCounts();
    const auditedUpTo = await lastAuditId();

    const response = await testApp.graphql(document, variables, { token: adminSession.token });

    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => error.message).join('\n')).toMatch(new RegExp(`\\b${names}\\b`));
    expect(await rowCounts()).toEqual(before);
    expect(await auditRowsAfter(auditedUpTo)).toEqual([]);
  });
});
