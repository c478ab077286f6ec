import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { commodities } from '@jointops/server/db/schema/catalogue';
import { decodeGlobalId, encodeGlobalId } from '@jointops/server/global-id';
import { errorCode, type Fields } from '../testkit/graphql';
import type { Actor, OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { resultsKit } from '../testkit/results';
import { csvFile, seizureInput } from '../testkit/seizures';
import { withAuditRows } from './audit-rows';

// Intelligence says sodium azide is being moved as an airbag-inflator component, and it is on no
// PGS list. The administrator adds it to this operation alone, in English and French, counted by
// mass: its contact points report and import seizures of it, the planner targets it, the results
// name it. Another operation knows nothing of it, and neither does anyone outside this one.

const ADD = `mutation($input: AddOperationCommodityInput!) { addOperationCommodity(input: $input) {
  __typename ... on Error { code message } ... on ValidationError { fieldErrors { path message } }
  ... on Commodity { id code name nameEn nameFr category defaultUnit hsCode operationSpecific }
} }`;
const SODIUM_AZIDE = {
  code: 'sodium_azide',
  nameEn: 'Sodium azide',
  nameFr: 'Azoture de sodium',
  hsCode: '2850.00',
  dimension: 'MASS',
  category: 'PRECURSOR_CHEMICAL',
};
const ROOM = { outsider: 'VN' } as const;

const file = fileHandles(it);

async function add(by: Actor, operation: OperationDriver, changes: Record<string, unknown> = {}) {
  const response = await file.app.graphql(ADD, { input: { operationId: operation.id, ...SODIUM_AZIDE, ...changes } }, { token: by.token });
  return { result: (response.data?.addOperationCommodity as Fields | undefined) ?? null, refusal: errorCode(response) };
}

/** The operation's own commodities, as stored. */
const ownOf = (operation: OperationDriver) =>
  file.app.database.db
    .select()
    .from(commodities)
    .where(eq(commodities.operationId, decodeGlobalId(operation.id)!.id));
const commodityCodes = async (operation: OperationDriver, viewer: Actor) =>
  ((await operation.view(viewer, 'commodities { code }'))?.commodities as { code: string }[] | undefined)?.map((item) => item.code);
const node = async (id: string, viewer: Actor) =>
  (await file.app.graphql('query($id: ID!) { node(id: $id) { id } }', { id }, { token: viewer.token })).data?.node ?? null;

/** A CSV row of 40 kg of `code` at Port Klang. */
const importRow = (code: string) => ({
  seized_at: '2026-05-01T06:00+08:00',
  country_code: 'MY',
  place: 'Port Klang, Westport',
  location_type: 'SEAPORT',
  commodity_code: code,
  quantity: '40',
  unit: 'KG',
  detection_method: 'X_RAY',
  transport_mode: 'SEA',
});

describe('a commodity added for one operation', () => {
  it('is added by an administrator, with its event for the members and an audit row', async ({ kit, admin }) => {
    const { operation, malaysia } = await operationalRoom(kit, ROOM);
    const { value, audit } = await withAuditRows(file.app, () => add(admin, operation));

    expect(value.result).toEqual({
      __typename: 'Commodity',
      id: expect.any(String),
      code: 'SODIUM_AZIDE',
      name: 'Sodium azide',
      nameEn: 'Sodium azide',
      nameFr: 'Azoture de sodium',
      category: 'PRECURSOR_CHEMICAL',
      defaultUnit: 'KG',
      hsCode: '2850.00',
      operationSpecific: true,
    });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'addOperationCommodity', outcome: 'SUCCEEDED', actorUserId: admin.id, targetType: 'Commodity' }),
    ]);
    const timeline = await operation.view(
      malaysia,
      'timeline(first: 500) { edges { node { type ... on OperationCommodityAddedEvent { commodity { id code } } } } }',
    );
    expect(timeline!.timeline.edges.at(-1).node).toEqual({
      type: 'OPERATION_COMMODITY_ADDED',
      commodity: { id: value.result!.id, code: 'SODIUM_AZIDE' },
    });
  });

  it('is usable in that operation: listed, targeted, reported, imported and counted in its results by name', async ({ kit, admin }) => {
    const { operation, planner, malaysia } = await operationalRoom(kit, ROOM);
    const { result } = await add(admin, operation);
    const id = result!.id as string;

    expect((await commodityCodes(operation, malaysia))?.at(-1)).toBe('SODIUM_AZIDE');
    expect(await node(id, malaysia)).toEqual({ id });
    const seizure = await kit.mutate(malaysia, 'reportSeizure', seizureInput(operation, id, { quantity: 12, unit: 'KG' }));
    expect(seizure.result).toMatchObject({ __typename: 'Seizure', commodity: { code: 'SODIUM_AZIDE' }, bonus: true });
    const imported = await file.seizures.importFile(malaysia, operation, csvFile([importRow('sodium_azide')]));
    expect(imported.result).toMatchObject({ __typename: 'ImportSeizuresSuccess', seizures: [{ commodity: { code: 'SODIUM_AZIDE' } }] });
    const targets = (await operation.state())!.targetCommodities.map((item: { code: string }) => item.code);
    const targeted = await operation.update({ targetCommodityIds: [...(await kit.catalogue(planner)).slice(0, 2).map((c) => c.id), id] });
    expect(targeted.result).toMatchObject({ __typename: 'Operation' });
    expect((await operation.state())!.targetCommodities.map((item: { code: string }) => item.code)).toEqual(
      [...targets, 'SODIUM_AZIDE'].sort(),
    );

    const { data } = await resultsKit(file.app).results(malaysia, operation.id, { includeUnverified: true });
    expect(data.byCountryAndCommodity).toContainEqual(
      expect.objectContaining({ key: 'MY:SODIUM_AZIDE:KG', quantity: 52, label: 'MY · Sodium azide', commodity: expect.anything() }),
    );
  });

  it('is unknown to another operation: refused as a target, in a report and in an import, and not listed there', async ({ kit, admin }) => {
    const { operation } = await operationalRoom(kit, ROOM);
    const other = await operationalRoom(kit, ROOM);
    const { result } = await add(admin, operation);
    const id = result!.id as string;
    const before = await other.operation.state();

    const report = await kit.mutate(other.malaysia, 'reportSeizure', seizureInput(other.operation, id, { quantity: 12, unit: 'KG' }));
    expect(report.result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['commodityId'], message: 'Not an item of the PGS-2023 catalogue' }],
    });
    const imported = await file.seizures.importFile(other.malaysia, other.operation, csvFile([importRow('SODIUM_AZIDE')]));
    expect(imported.result).toMatchObject({
      __typename: 'ImportRejectedError',
      rowErrors: [{ row: 1, column: 'commodity_code', message: 'Not a code of the PGS-2023 catalogue' }],
    });
    const targeted = await other.operation.update({ targetCommodityIds: [id] });
    expect(targeted.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['targetCommodityIds'] }] });
    const created = await kit.mutate(
      other.planner,
      'createOperation',
      await kit.operationInput(other.planner, { targetCommodityIds: [id] }),
    );
    expect(created.result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['targetCommodityIds'] }] });
    expect(await other.operation.state()).toEqual(before);
    expect(await commodityCodes(other.operation, other.malaysia)).not.toContain('SODIUM_AZIDE');
    expect(await node(id, other.malaysia)).toBeNull();
  });

  it('is seen by nobody outside the operation: not by node, not in the catalogue, nor its operation or event', async ({ kit, admin }) => {
    const { operation, outsider } = await operationalRoom(kit, ROOM);
    const { result } = await add(admin, operation);
    const id = result!.id as string;

    expect(await node(id, outsider)).toBeNull();
    const catalogue = await file.app.graphql('{ commodityCatalogue { items { code } } }', {}, { token: outsider.token });
    expect(JSON.stringify(catalogue.data)).not.toContain('SODIUM_AZIDE');
    expect(await operation.view(outsider, 'commodities { code }')).toBeNull();
    const timeline = await file.app.graphql(
      'query($id: ID!) { operation(id: $id) { timeline { edges { node { type } } } } }',
      {
        id: operation.id,
      },
      { token: outsider.token },
    );
    expect(timeline.data?.operation).toBeNull();
  });

  it('may share its code with another operation’s own, never with the reference lists nor its own', async ({ kit, admin }) => {
    const { operation } = await operationalRoom(kit, ROOM);
    const other = await operationalRoom(kit, ROOM);
    expect((await add(admin, operation)).result).toMatchObject({ __typename: 'Commodity' });
    expect((await add(admin, other.operation)).result).toMatchObject({ __typename: 'Commodity' });
    const before = await ownOf(operation);

    for (const code of ['SODIUM_AZIDE', 'Ammonium_Nitrate']) {
      const { value, audit } = await withAuditRows(file.app, () => add(admin, operation, { code }));
      expect(value.result, code).toMatchObject({
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['code'], message: 'This code is taken, in this operation or in the reference lists' }],
      });
      expect(audit, code).toEqual([expect.objectContaining({ action: 'addOperationCommodity', outcome: 'REFUSED' })]);
    }
    expect(await ownOf(operation)).toEqual(before);
  });

  it('refuses a bad HS code, an unknown dimension or category, and a malformed code, changing nothing', async ({ kit, admin }) => {
    const { operation } = await operationalRoom(kit, ROOM);
    const before = await operation.state();
    for (const [field, change, message] of [
      ['hsCode', { hsCode: '28-50' }, 'Use a Harmonized System code of 4 to 10 digits, e.g. 3102.30'],
      ['dimension', { dimension: 'WEIGHT' }, 'Unknown dimension: use one of MASS, VOLUME, LENGTH, COUNT'],
      ['category', { category: 'EXPLOSIVE' }, 'Unknown category: use one of PRECURSOR_CHEMICAL, DETONATOR, FUSE, COMPONENT, UAV'],
      ['code', { code: '9 azide' }, 'Use 2 to 40 letters, digits or _, starting with a letter, e.g. SODIUM_AZIDE'],
    ] as const) {
      expect((await add(admin, operation, change)).result, field).toMatchObject({
        __typename: 'ValidationError',
        fieldErrors: [{ path: [field], message }],
      });
    }
    expect(await ownOf(operation)).toEqual([]);
    expect(await operation.state()).toEqual(before);
  });

  it('is refused to anyone but an administrator, the operation’s coordinator included, and answers NotFound for no operation', async ({
    kit,
    admin,
  }) => {
    const { operation, planner, malaysia } = await operationalRoom(kit, ROOM);
    for (const [who, by, code] of [
      ['the coordinator', planner, 'FORBIDDEN'],
      ['a contact point', malaysia, 'FORBIDDEN'],
      ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await file.app.graphql(
        ADD,
        { input: { operationId: operation.id, ...SODIUM_AZIDE } },
        by ? { token: by.token } : {},
      );
      expect(errorCode(response), who).toBe(code);
    }
    expect(await ownOf(operation)).toEqual([]);
    const nowhere = await add(admin, operation, { operationId: encodeGlobalId('Operation', randomUUID()) });
    expect(nowhere.result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });
});
