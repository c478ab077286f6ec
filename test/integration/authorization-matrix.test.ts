import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { extendSchema, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { decodeGlobalId, encodeGlobalId } from '@jointops/server/global-id';
import { schema } from '@jointops/server/graphql/schema';
import type { TestApp } from '../testkit/app';
import { ManualClock } from '../testkit/clock';
import { errorCode, type GraphQLResponse, type Shaped } from '../testkit/graphql';
import { operationKit, type Actor } from '../testkit/operations';
import { matrix, WHO, WITHOUT_STANDING, type Case, type Expectation, type Who, type World } from './authorization-matrix.cases';
import { reportFigure } from '../testkit/report';

// One joint operation, PGS-APAC-2026-07 "Operation Quiet Harbour", coordinated by the WCO with
// Royal Malaysian Customs taking part and the INTERPOL General Secretariat observing; the
// Philippine National Police is invited and has not answered. Every root field of the schema is
// tried by each kind of person against it, and each answer is checked against the table in
// authorization-matrix.cases.ts. Whoever has no standing in the operation must never see its code,
// name, id or anything in it, and "not yours" must look exactly like "does not exist".

/** Every way into the API: `Query.operation`, `Mutation.advancePhase`, … */
function rootFields(target: GraphQLSchema): string[] {
  const roots = [target.getQueryType(), target.getMutationType(), target.getSubscriptionType()].filter(
    (type): type is GraphQLObjectType => !!type,
  );
  return roots.flatMap((root) => Object.keys(root.getFields()).map((field) => `${root.name}.${field}`));
}

/** The root fields of `target` that have no row in `table`: each is a way in nobody has reasoned about. */
function rootFieldsWithoutExpectations(target: GraphQLSchema, table: Record<string, Case[]>): string[] {
  return rootFields(target).filter((field) => !table[field]?.length);
}

let testApp: TestApp;
let world: World;
let started: number;
let seededIn: number;
let cellsRun = 0;

async function seedWorld(): Promise<World> {
  const kit = operationKit(testApp);
  const { seed } = kit;
  const agencies = {
    wco: await seed.agency({ name: 'World Customs Organization', acronym: 'WCO', kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null }),
    rmcd: await seed.agency({ name: 'Royal Malaysian Customs Department', acronym: 'RMCD', countryCode: 'MY' }),
    interpol: await seed.agency({ name: 'INTERPOL General Secretariat', kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null }),
    thaiPolice: await seed.agency({ name: 'Royal Thai Police', acronym: 'RTP', kind: 'POLICE', countryCode: 'TH' }),
    pnp: await seed.agency({ name: 'Philippine National Police', acronym: 'PNP', kind: 'POLICE', countryCode: 'PH' }),
  };
  const identity = { code: 'PGS-APAC-2026-07', name: 'Operation Quiet Harbour' };
  const objectives = 'Intercept ammonium nitrate consignments transiting Port Klang towards the southern Philippines.';

  const coordinator = await kit.actor(agencies.wco);
  const operation = await kit.operation(coordinator, { ...identity, objectives });
  const contactPoint = await operation.join(await kit.actor(agencies.rmcd));
  const observer = await operation.join(await kit.actor(agencies.interpol), 'OBSERVING');
  const reviewer = await kit.actor(agencies.wco);
  expect((await operation.assign(reviewer, 'REVIEWER')).result?.__typename).toBe('OperationMember');
  expect((await operation.invite(agencies.pnp)).result?.__typename).toBe('Participation');
  // One accepting country is not two: the gate is overridden, as a coordinator may, in writing.
  const advanced = await operation.advance('PRE_OPERATIONAL', {
    overrideJustification: 'Second country confirmed by letter; registration follows.',
  });
  expect(advanced.result).toMatchObject({ __typename: 'Operation', phase: 'PRE_OPERATIONAL' });

  const parts = await operation.view(coordinator, 'participations { id agency { id } } members { id user { id } }');
  const world: World = {
    kit,
    operation,
    identity,
    objectives,
    ids: {
      operation: operation.id,
      participation: parts!.participations.find((p: { agency: { id: string } }) => p.agency.id === agencies.rmcd.globalId).id,
      member: parts!.members.find((m: { user: { id: string } }) => m.user.id === contactPoint.globalId).id,
    },
    agencies,
    people: {
      coordinator,
      contactPoint,
      reviewer,
      observer,
      outsider: await kit.actor(agencies.thaiPolice),
      invited: await kit.actor(agencies.pnp),
      // An administrator at the coordinating agency itself, who is not a member: being an
      // administrator, or a colleague, grants nothing.
      admin: await kit.actor(agencies.wco, { isAdmin: true }),
    },
    loginTarget: await seed.user({ agency: agencies.thaiPolice }),
  };
  return world;
}

/** A new person of the same standing as `who`, for calls that change the caller's own standing or session. */
async function newPerson(who: Who): Promise<Actor | null> {
  const { kit, operation, agencies } = world;
  const member = async (agency: typeof agencies.wco, role: 'COORDINATOR' | 'CONTACT_POINT' | 'REVIEWER' | 'OBSERVER') => {
    const person = await kit.actor(agency);
    expect((await operation.assign(person, role)).result?.__typename).toBe('OperationMember');
    return person;
  };
  switch (who) {
    case 'coordinator':
      return member(agencies.wco, 'COORDINATOR');
    case 'contactPoint':
      return member(agencies.rmcd, 'CONTACT_POINT');
    case 'reviewer':
      return member(agencies.wco, 'REVIEWER');
    case 'observer':
      return member(agencies.interpol, 'OBSERVER');
    case 'outsider':
      return kit.actor(agencies.thaiPolice);
    case 'invited': {
      const agency = await kit.seed.agency({ kind: 'POLICE', countryCode: 'PH' });
      expect((await operation.invite(agency)).result?.__typename).toBe('Participation');
      return kit.actor(agency);
    }
    case 'admin':
      return kit.actor(agencies.wco, { isAdmin: true });
    case 'anonymous':
      return null;
  }
}

/** Lists and connections as the items they hold; null for anything else. */
function itemsOf(value: unknown): Shaped[] | null {
  if (Array.isArray(value)) return value;
  const edges = (value as { edges?: { node: unknown }[] } | null)?.edges;
  return Array.isArray(edges) ? edges.map((edge) => edge.node) : null;
}

function expectOutcome(expectation: Expectation, response: GraphQLResponse, value: Shaped, row: Case): void {
  // A stream that cannot open answers with a top-level error, the same as for an unknown operation.
  if (expectation === 'not-found' && errorCode(response) === 'NOT_FOUND') {
    expect(value ?? null).toBeNull();
    return;
  }
  if (expectation === 'forbidden' || expectation === 'unauthenticated') {
    expect(errorCode(response)).toBe(expectation.toUpperCase());
    expect(value ?? null).toBeNull();
    return;
  }
  expect(response.errors).toBeUndefined();
  const items = itemsOf(value);
  const aboutTheOperation = (list: Shaped[]) => list.some((item) => row.isTheOperation!(item, world));
  switch (expectation) {
    case 'null':
      expect(value).toBeNull();
      break;
    case 'not-found':
      if (value !== null) expect(value).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
      break;
    case 'phase-gate':
      expect(value).toMatchObject({ __typename: 'PhaseGateError', code: 'PHASE_GATE' });
      break;
    case 'phase-rule':
      expect(value).toMatchObject({ __typename: 'PhaseRuleError', code: 'PHASE_RULE' });
      break;
    case 'allowed':
      expect(value).not.toBeNull();
      expect(value).toBeDefined();
      expect(String(value?.__typename ?? '')).not.toMatch(/Error$/);
      if (items) expect(row.isTheOperation ? aboutTheOperation(items) : items.length > 0).toBe(true);
      break;
    case 'empty':
      expect(items).not.toBeNull();
      expect(row.isTheOperation ? aboutTheOperation(items!) : items!.length > 0).toBe(false);
      break;
  }
}

/** The same variables naming ids of the same types that exist nowhere. */
function withUnknownIds(variables: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!variables) return variables;
  const unknown: [string, string][] = [
    [world.ids.operation, encodeGlobalId('Operation', randomUUID())],
    [world.ids.participation, encodeGlobalId('Participation', randomUUID())],
    [world.ids.member, encodeGlobalId('OperationMember', randomUUID())],
  ];
  let json = JSON.stringify(variables);
  for (const [real, phantom] of unknown) json = json.replaceAll(real, phantom);
  return JSON.parse(json) as Record<string, unknown>;
}

/** Every string that would show someone without standing that the operation exists, or what is in it. */
function secretsFor(row: Case, who: Who): string[] {
  const idsOf = (globalId: string) => [globalId, decodeGlobalId(globalId)!.id];
  const content = [world.objectives, ...idsOf(world.ids.participation), ...idsOf(world.ids.member)];
  const identity = [world.identity.code, world.identity.name, ...idsOf(world.ids.operation)];
  return row.mayName?.includes(who) ? content : [...identity, ...content];
}

const it = withApp({ clock: new ManualClock(new Date('2026-06-01T08:00:00Z')) });

it.beforeAll(async ({ app }) => {
  testApp = app;
  const seeding = performance.now();
  world = await seedWorld();
  seededIn = performance.now() - seeding;
  started = performance.now();
});

afterAll(async () => {
  const fields = Object.keys(matrix).length;
  const cases = Object.values(matrix).flat().length;
  reportFigure(
    `authorization matrix: ${fields} root fields × ${WHO.length} actors = ${fields * WHO.length} cells ` +
      `(${cases} cases × ${WHO.length} = ${cases * WHO.length} requests, ${cellsRun} run); ` +
      `seeded in ${(seededIn / 1000).toFixed(2)} s, checked in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
});

describe('the matrix', () => {
  it('has a row for every query, mutation and subscription field of the schema', () => {
    expect(rootFieldsWithoutExpectations(schema, matrix)).toEqual([]);
  });

  it('would fail for a root field added without a row', () => {
    const grown = extendSchema(
      schema,
      parse(
        'extend type Query { operationsOfAgency(agencyId: ID!): [Operation!]! } extend type Mutation { cancelOperation(id: ID!): Boolean! }',
      ),
    );
    const alreadyMissing = rootFieldsWithoutExpectations(schema, matrix);
    expect(rootFieldsWithoutExpectations(grown, matrix).filter((field) => !alreadyMissing.includes(field))).toEqual([
      'Query.operationsOfAgency',
      'Mutation.cancelOperation',
    ]);
  });

  it('names no root field the schema does not have', () => {
    expect(Object.keys(matrix).filter((field) => !rootFields(schema).includes(field))).toEqual([]);
  });

  it('states an expectation for every kind of person in every row', () => {
    const gaps = Object.entries(matrix).flatMap(([field, rows]) =>
      rows.flatMap((row) => WHO.filter((who) => !row.expect[who]).map((who) => `${field} ${row.asks ?? ''} ${who}`)),
    );
    expect(gaps).toEqual([]);
  });
});

for (const [field, rows] of Object.entries(matrix)) {
  const name = field.slice(field.indexOf('.') + 1);
  describe(field, () => {
    for (const row of rows) {
      for (const who of WHO) {
        const expectation = row.expect[who];
        it(`${row.asks ? `${row.asks}, ` : ''}as ${who}: ${expectation}`, async () => {
          const caller = row.fresh ? await newPerson(who) : who === 'anonymous' ? null : world.people[who];
          const auth = caller ? { token: caller.token } : {};
          const call = await row.request(world, caller);
          const response = await testApp.graphql(call.document, call.variables, auth);
          cellsRun += 1;
          const value = (row.pick ?? ((data: Shaped) => data?.[name]))(response.data);
          expectOutcome(expectation, response, value, row);

          if (expectation === 'not-found') {
            const unknown = await testApp.graphql(call.document, withUnknownIds(call.variables), auth);
            expect({ data: response.data, errors: response.errors }).toEqual({ data: unknown.data, errors: unknown.errors });
          }
          if (WITHOUT_STANDING.includes(who)) {
            const answer = JSON.stringify({ data: response.data, errors: response.errors }).toLowerCase();
            expect(secretsFor(row, who).filter((secret) => answer.includes(secret.toLowerCase()))).toEqual([]);
          }
        });
      }
    }
  });
}
