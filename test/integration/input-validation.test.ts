import { asc, gt, sql } from 'drizzle-orm';
import { getNamedType, GraphQLInputObjectType, GraphQLNonNull, GraphQLScalarType, type GraphQLField } from 'graphql';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { agencies, sessions, users } from '@jointops/server/db/schema/accounts';
import { auditEntries } from '@jointops/server/db/schema/audit';
import {
  operationEvents,
  operationMembers,
  operationPhases,
  operations,
  operationTargets,
  participations,
} from '@jointops/server/db/schema/operations';
import { seizureAlertLinks, seizures } from '@jointops/server/db/schema/seizures';
import { schema } from '@jointops/server/graphql/schema';
import type { TestApp } from '../testkit/app';
import type { CallOptions } from '../testkit/graphql';
import type { Session } from '../testkit/seed';
import { mutationInputs, type Caller, type Validated, type World } from './input-validation.cases';

// Malformed or missing input to every mutation gets a typed ValidationError naming the field, and
// changes nothing but the audit trail, which records the refused attempt. The table of cases
// (input-validation.cases.ts) is checked against the schema: a new mutation fails this file until
// it has cases there, or an exemption that says why it needs none. Each input is sent by someone
// the mutation would otherwise serve, so only the mistake stands between it and a change.

const validated = Object.entries(mutationInputs).filter((entry): entry is [string, Validated] => 'malformed' in entry[1]);

let testApp: TestApp;
let world: World;
let adminSession: Session;

it.beforeAll(async ({ app, kit }) => {
  testApp = app;
  const agency = await kit.seed.agency({ name: 'Royal Malaysian Customs Department', countryCode: 'MY' });
  const { operation, planner, malaysia } = await kit.jointOperation();
  await operation.advanceTo('PRE_OPERATIONAL');
  const concluded = await kit.operation(planner);
  // Malaysia takes part in it too: its late seizure reports and check figures are what the seizure and register mutations check.
  await concluded.join(malaysia);
  for (const to of ['PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'] as const) {
    const { result } = await concluded.advance(to, { overrideJustification: 'Compressed schedule for the input checks.' });
    expect(result?.__typename).toBe('Operation');
  }
  world = {
    kit,
    agency,
    user: await kit.seed.user({ agency }),
    leaver: await kit.seed.user({ agency }),
    operation,
    coordinator: planner,
    contactPoint: malaysia,
    concluded,
  };
  adminSession = await kit.seed.signIn(await kit.seed.user({ isAdmin: true }));
});

const mutationField = (name: string): GraphQLField<unknown, unknown> => schema.getMutationType()!.getFields()[name]!;

/** The one document every case of a mutation is sent with, typed from the schema itself. */
function documentFor(mutation: string): string {
  const input = mutationField(mutation).args.find((arg) => arg.name === 'input')!;
  return `mutation($input: ${String(input.type)}) {
    ${mutation}(input: $input) {
      __typename
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message key } }
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
  const tables = {
    agencies,
    users,
    sessions,
    operations,
    operationPhases,
    operationTargets,
    participations,
    operationMembers,
    operationEvents,
    seizures,
    seizureAlertLinks,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) counts[name] = await db.$count(table);
  return counts;
}

async function lastAuditId(): Promise<number> {
  const [row] = await testApp.database.db.select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)::int` }).from(auditEntries);
  return row!.id;
}

const auditRowsAfter = (id: number) =>
  testApp.database.db.select().from(auditEntries).where(gt(auditEntries.id, id)).orderBy(asc(auditEntries.id));

async function callAs(caller: Caller): Promise<CallOptions> {
  switch (caller) {
    case 'admin':
      return { token: adminSession.token };
    case 'anonymous':
      return {};
    case 'coordinator':
      return { token: world.coordinator.token };
    case 'contactPoint':
      return { token: world.contactPoint.token };
    case 'invited': {
      const agency = await world.kit.seed.agency({ kind: 'POLICE', countryCode: 'PH' });
      expect((await world.operation.invite(agency)).result?.__typename).toBe('Participation');
      return { token: (await world.kit.actor(agency)).token };
    }
  }
}

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
    expect(exempt.map(([name]) => [name, mutationField(name).args.map((arg) => arg.name)])).toEqual(exempt.map(([name]) => [name, []]));
  });

  it.each(validated)('tries every required text and id field of %s', (name, { malformed }) => {
    const inputType = getNamedType(mutationField(name).args.find((arg) => arg.name === 'input')?.type);
    expect(inputType).toBeInstanceOf(GraphQLInputObjectType);
    const requiredText = Object.values((inputType as GraphQLInputObjectType).getFields())
      .filter((field) => field.type instanceof GraphQLNonNull && field.type.ofType instanceof GraphQLScalarType)
      .filter((field) => ['String', 'ID'].includes((field.type as GraphQLNonNull<GraphQLScalarType>).ofType.name))
      .map((field) => field.name);
    const tried = new Set(malformed.map((entry) => entry.field.split('.')[0]));
    expect(requiredText.filter((field) => !tried.has(field))).toEqual([]);
  });
});

describe.each(validated)('%s', (mutation, { caller, wellFormed, malformed }) => {
  it('accepts the well-formed input every mistake below starts from', async () => {
    const input = await wellFormed(world);
    const response = await testApp.graphql(documentFor(mutation), { input }, await callAs(caller));
    expect(response.errors).toBeUndefined();
    expect(response.data?.[mutation].__typename).not.toMatch(/Error$/);
  });

  it.each(malformed)('refuses $mistake with a ValidationError on $field, changing nothing', async ({ field, change }) => {
    const input = withChange(await wellFormed(world), change(world));
    const as = await callAs(caller);
    const before = await rowCounts();
    const auditedUpTo = await lastAuditId();

    const response = await testApp.graphql(documentFor(mutation), { input }, as);

    expect(response.errors).toBeUndefined();
    const result = response.data?.[mutation];
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    const named = (result.fieldErrors as { path: string[]; message: string; key: string }[]).map((error) => ({
      field: error.path.join('.'),
      message: error.message,
      key: error.key,
    }));
    expect(named).toContainEqual({ field, message: expect.stringMatching(/\S/), key: expect.any(String) });
    expect(named.filter((error) => error.field !== field)).toEqual([]);
    // Each refusal names its rule, so a client words it in its reader's language: none is OTHER.
    expect(named.filter((error) => error.key === 'OTHER')).toEqual([]);

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
      mistake: 'a planned phase starting at a time that is no time',
      document: documentFor('createOperation'),
      variables: {
        input: {
          code: 'PGS-APAC-2099-01',
          name: 'Operation Never',
          programme: 'PROGRAMME_GLOBAL_SHIELD',
          targetCommodityIds: [],
          referenceTimeZone: 'Asia/Bangkok',
          plannedPhases: [{ phase: 'PLANNING', startsAt: 'next Tuesday', endsAt: '2099-01-10T00:00:00Z' }],
        },
      },
      names: 'startsAt',
    },
    {
      mistake: 'a programme the schema does not know',
      document: documentFor('createOperation'),
      variables: {
        input: {
          code: 'PGS-APAC-2099-02',
          name: 'Operation Never',
          programme: 'SPACE_SHIELD',
          targetCommodityIds: [],
          referenceTimeZone: 'UTC',
        },
      },
      names: 'SPACE_SHIELD',
    },
    {
      mistake: 'a phase the schema does not know',
      document: documentFor('advancePhase'),
      variables: { input: { operationId: 'x', to: 'SIDEWAYS' } },
      names: 'SIDEWAYS',
    },
    {
      mistake: 'an answer to an invitation that neither accepts nor declines',
      document: documentFor('respondToInvitation'),
      variables: { input: { operationId: 'x' } },
      names: 'accept',
    },
    {
      mistake: 'an assignment to a role the schema does not know',
      document: documentFor('assignMember'),
      variables: { input: { operationId: 'x', userId: 'y', role: 'COMMANDER' } },
      names: 'COMMANDER',
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
