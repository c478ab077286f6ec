import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { seizures as seizuresTable } from '@jointops/server/db/schema/seizures';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { operationalRoom } from '../testkit/operational-room';
import { seizureInput } from '../testkit/seizures';

// What a seizure report says: quantities in a unit of the commodity's own dimension, "bonus" for
// what the operation did not target, and retries that never file a report twice.

const file = fileHandles(it);

/** The usual cast in OPERATIONAL; the targets are ammonium nitrate and calcium ammonium nitrate. */
const ROOM = { commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE', nitricAcid: 'NITRIC_ACID', detonator: 'DETONATOR' } } as const;

const seizureCount = async (operationGlobalId: string) =>
  file.app.database.db.$count(seizuresTable, eq(seizuresTable.operationId, uuidFromGlobalId(operationGlobalId, 'Operation')!));

describe('quantities', () => {
  it.each([
    ['ammonium nitrate in litres', 'ammoniumNitrate', { unit: 'L' }, 'unit'],
    ['nitric acid in kilograms', 'nitricAcid', { unit: 'KG', quantity: 200 }, 'unit'],
    ['detonators in metres', 'detonator', { unit: 'M', quantity: 12 }, 'unit'],
    ['half a detonator', 'detonator', { unit: 'PIECES', quantity: 12.5 }, 'quantity'],
    ['no quantity at all', 'ammoniumNitrate', { quantity: 0 }, 'quantity'],
    ['a negative quantity', 'ammoniumNitrate', { quantity: -3 }, 'quantity'],
    ['neither a catalogue commodity nor a description', null, { commodityDescription: null }, 'commodityDescription'],
    ['a latitude without its longitude', 'ammoniumNitrate', { longitude: null }, 'longitude'],
    ['a latitude past the pole', 'ammoniumNitrate', { latitude: 91 }, 'latitude'],
    ['a seizure dated in the future', 'ammoniumNitrate', { seizedAt: '2099-01-01T00:00:00Z' }, 'seizedAt'],
  ] as const)('refuses %s, naming the field and filing nothing', async (_mistake, commodity, change, field) => {
    const room = await operationalRoom(file.kit, ROOM);
    const before = await room.operation.state();
    const { result } = await file.seizures.report(room.malaysia, seizureInput(room.operation, commodity ? room[commodity] : null, change));
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(result!.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))).toEqual([field]);
    expect(await room.operation.state()).toEqual(before);
    expect(await seizureCount(room.operation.id)).toBe(0);
  });

  it('takes any unit of the right dimension, and any unit for a described other commodity', async () => {
    const { operation, malaysia, ammoniumNitrate, nitricAcid, detonator } = await operationalRoom(file.kit, ROOM);
    for (const [commodity, quantity, unit] of [
      [ammoniumNitrate, 500, 'G'],
      [nitricAcid, 750, 'ML'],
      [detonator, 40, 'PIECES'],
      [null, 3, 'PIECES'],
    ] as const) {
      const { result } = await file.seizures.report(
        malaysia,
        seizureInput(operation, commodity, { quantity, unit, commodityDescription: commodity ? null : 'Remote-control receivers' }),
      );
      expect(result).toMatchObject({ __typename: 'Seizure', quantity, unit });
    }
  });
});

describe('bonus seizures', () => {
  it('are those of a commodity the operation did not target, catalogue item or other', async () => {
    const { operation, malaysia, ammoniumNitrate, nitricAcid } = await operationalRoom(file.kit, ROOM);
    const bonusOf = async (commodity: string | null, change: Record<string, unknown>) =>
      (await file.seizures.report(malaysia, seizureInput(operation, commodity, change))).result!.bonus;
    expect(await bonusOf(ammoniumNitrate, {})).toBe(false);
    expect(await bonusOf(nitricAcid, { quantity: 200, unit: 'L' })).toBe(true);
    expect(await bonusOf(null, { commodityDescription: 'Counterfeit cigarettes', quantity: 40_000, unit: 'PIECES' })).toBe(true);
  });
});

describe('retries', () => {
  it('return the first report for a retry with the same key, filing one report and one event, even when they race', async () => {
    const { operation, malaysia, thailand, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const input = seizureInput(operation, ammoniumNitrate);
    const results = await Promise.all([
      file.seizures.report(malaysia, input),
      file.seizures.report(malaysia, input),
      file.seizures.report(malaysia, input),
    ]);
    expect(new Set(results.map((outcome) => outcome.result?.id)).size).toBe(1);
    expect(results[0]!.result!.reference).toBe(`${operation.code}/S-0001`);
    expect(await seizureCount(operation.id)).toBe(1);
    expect((await file.seizures.events(operation, thailand)).map((event) => event.type)).toEqual(['SEIZURE_REPORTED']);
  });

  it('answer a ConflictError when the same key comes with other content, changing nothing', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const input = seizureInput(operation, ammoniumNitrate);
    await file.seizures.report(malaysia, input);
    const before = await operation.state();
    const { result } = await file.seizures.report(malaysia, { ...input, quantity: 25 });
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await operation.state()).toEqual(before);
    expect(await seizureCount(operation.id)).toBe(1);
  });
});
