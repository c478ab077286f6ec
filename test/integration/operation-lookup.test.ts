import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';

// The web app addresses an operation by its code (/operations/PGS-APAC-2026-01): the code must
// find it for its members and answer an outsider exactly as a code that does not exist. The gate
// names what it still waits for as data, so the browser words it in the reader's language.

const BY_CODE = 'query($code: String!) { operationByCode(code: $code) { id code name } }';

describe('an operation found by its code', () => {
  it('is found by its members, in any case and with spaces around the code', async ({ app, cast: { operation, malaysia } }) => {
    const answer = await app.graphql(BY_CODE, { code: ` ${operation.code.toLowerCase()} ` }, { token: malaysia.token });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.operationByCode).toMatchObject({ id: operation.id, code: operation.code });
  });

  it('answers an outsider, an invited agency and an administrator exactly as a code that does not exist', async ({
    app,
    kit,
    cast: { operation },
  }) => {
    const outsider = await kit.actor();
    const invited = await kit.actor(await kit.seed.agency({ countryCode: 'PH' }));
    await operation.invite(invited.agency);
    const admin = await kit.actor(undefined, { isAdmin: true });
    for (const viewer of [outsider, invited, admin]) {
      const real = await app.graphql(BY_CODE, { code: operation.code }, { token: viewer.token });
      const madeUp = await app.graphql(BY_CODE, { code: 'PGS-NO-SUCH-CODE' }, { token: viewer.token });
      expect({ data: real.data, errors: real.errors }).toEqual({ data: madeUp.data, errors: madeUp.errors });
      expect(real.data!.operationByCode).toBeNull();
    }
  });

  it('needs a session', async ({ app, cast: { operation } }) => {
    const answer = await app.graphql(BY_CODE, { code: operation.code });
    expect(answer.data?.operationByCode ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the list of operations by programme', () => {
  it('keeps the operations of the programme asked for', async ({ app, kit }) => {
    const planner = await kit.actor();
    const shield = await kit.operation(planner, { programme: 'PROGRAMME_GLOBAL_SHIELD' });
    const passengers = await kit.operation(planner, { programme: 'PASSENGER_CONTROLS' });
    const codes = async (programme: string) => {
      const answer = await app.graphql(
        `{ operations(first: 50, programme: ${programme}) { edges { node { code } } } }`,
        {},
        { token: planner.token },
      );
      return answer.data!.operations.edges.map((edge: { node: { code: string } }) => edge.node.code);
    };
    expect(await codes('PASSENGER_CONTROLS')).toEqual([passengers.code]);
    expect(await codes('PROGRAMME_GLOBAL_SHIELD')).toEqual([shield.code]);
  });
});

describe('an unmet gate criterion', () => {
  it('names the agencies and phases it waits for, besides its English description', async ({ app, kit }) => {
    const planner = await kit.actor(await kit.seed.agency({ kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null }));
    const operation = await kit.operation(planner, { plannedPhases: [] });
    const malaysia = await kit.seed.agency({ name: 'Royal Malaysian Customs Department', countryCode: 'MY' });
    await operation.invite(malaysia);
    const gate = await app.graphql(
      'query($id: ID!) { operation(id: $id) { phaseGate(to: PRE_OPERATIONAL) { key agencies phases count } } }',
      { id: operation.id },
      { token: planner.token },
    );
    expect(gate.errors).toBeUndefined();
    expect(gate.data!.operation.phaseGate).toEqual([
      { key: 'PARTICIPANTS_TWO_COUNTRIES', agencies: [], phases: [], count: null },
      { key: 'PLAN_PHASE_DATES', agencies: [], phases: ['PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'], count: null },
    ]);
  });
});
