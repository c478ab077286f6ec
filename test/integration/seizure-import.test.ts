import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { auditEntries } from '@jointops/server/db/schema/audit';
import { seizures as seizureTable } from '@jointops/server/db/schema/seizures';
import { decodeGlobalId } from '@jointops/server/global-id';
import type { Actor, OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { csvFile } from '../testkit/seizures';

// A national team's spreadsheet of seizures, imported in one go: Malaysian customs send the rows
// of their week at Port Klang and Kuching. One bad row and nothing is imported; the same rows sent
// again are not filed twice; files over the limits are refused before they are read.

const file = fileHandles(it);

const ROOM = { observer: { countryCode: 'FR' }, outsider: 'VN' } as const;

/** A row as a national team fills it in: 24 t of ammonium nitrate at Port Klang, with `changes`. */
const row = (changes: Record<string, string> = {}): Record<string, string> => ({
  seized_at: '2026-05-01T06:00+08:00',
  country_code: 'MY',
  place: 'Port Klang, Westport',
  location_type: 'SEAPORT',
  latitude: '2.9996',
  longitude: '101.3918',
  commodity_code: 'AMMONIUM_NITRATE',
  commodity_description: '',
  quantity: '24',
  unit: 'T',
  detection_method: 'X_RAY',
  concealment: 'Declared as NPK fertiliser',
  transport_mode: 'SEA',
  conveyance: 'MSKU1234565',
  origin_country_code: 'MY',
  transit_country_codes: 'SG;ID',
  destination_country_code: 'PH',
  arrests: '2',
  linked_alert_references: '',
  ...changes,
});

async function raise(by: Actor, operation: OperationDriver, overrides: Record<string, unknown> = {}) {
  const { result } = await file.kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Fertiliser containers bound for General Santos',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    ...overrides,
  });
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return { id: result.id as string, reference: result.reference as string };
}

const filedIn = (operation: OperationDriver) =>
  file.app.database.db.$count(seizureTable, eq(seizureTable.operationId, decodeGlobalId(operation.id)!.id));

describe('importing a file of seizures', () => {
  it('imports every row as a SUBMITTED report of the agency, with one event per report and one audit row', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    const alert = await raise(thailand, operation);
    const csv = csvFile([
      row({ linked_alert_references: alert.reference }),
      row({
        commodity_code: '',
        commodity_description: 'Detonating cord, unlisted type',
        quantity: '1200',
        unit: 'M',
        transit_country_codes: 'SG|TH',
      }),
      row({
        place: 'Kuching, Tebedu land border',
        location_type: 'land border',
        detection_method: 'x-ray',
        transport_mode: 'road',
        quantity: '3.5',
      }),
    ]);
    const { result } = await file.seizures.importFile(malaysia, operation, csv);
    expect(result).toMatchObject({ __typename: 'ImportSeizuresSuccess', importedCount: 3, alreadyImportedCount: 0 });
    expect(result!.seizures).toMatchObject([
      {
        reference: `${operation.code}/S-0001`,
        status: 'SUBMITTED',
        quantity: 24,
        unit: 'T',
        commodity: { code: 'AMMONIUM_NITRATE' },
        linkedAlerts: [{ id: alert.id }],
        transitCountryCodes: ['SG', 'ID'],
      },
      {
        reference: `${operation.code}/S-0002`,
        commodity: null,
        commodityDescription: 'Detonating cord, unlisted type',
        quantity: 1200,
        unit: 'M',
        transitCountryCodes: ['SG', 'TH'],
      },
      {
        reference: `${operation.code}/S-0003`,
        place: 'Kuching, Tebedu land border',
        quantity: 3.5,
        reportingAgency: { id: malaysia.agency.globalId },
        reportedBy: { id: malaysia.globalId },
      },
    ]);
    const ids = result!.seizures.map((seizure: { id: string }) => seizure.id);
    const events = await file.seizures.events(operation, thailand);
    expect(events.filter((event) => event.type === 'SEIZURE_REPORTED').map((event) => event.seizure!.id)).toEqual(ids);
    expect(events).toContainEqual({ type: 'ALERT_RECONCILED', alert: { id: alert.id }, seizure: { id: ids[0] } });
    const audit = await file.app.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'importSeizures'), eq(auditEntries.operationId, decodeGlobalId(operation.id)!.id)));
    expect(audit).toEqual([
      expect.objectContaining({ outcome: 'SUCCEEDED', details: { rows: 3, importedCount: 3, alreadyImportedCount: 0 } }),
    ]);
  });

  it('imports nothing from a file with bad rows, and lists every problem with its row and column', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const csv = csvFile([
      row(),
      row({ country_code: 'Malaysia', location_type: 'HARBOUR', quantity: '1,000' }),
      row({ commodity_code: 'SEMTEX', seized_at: '01/05/2026' }),
      row({ latitude: '' }),
      row({ seized_at: '2099-01-01T00:00Z', unit: 'L' }),
    ]);
    const { result } = await file.seizures.importFile(malaysia, operation, csv);
    expect(result).toMatchObject({ __typename: 'ImportRejectedError', code: 'IMPORT_REJECTED' });
    expect(result!.rowErrors.map(({ row, column }: { row: number; column: string }) => [row, column])).toEqual([
      [2, 'quantity'],
      [2, 'country_code'],
      [2, 'location_type'],
      [3, 'seized_at'],
      [3, 'commodity_code'],
      [4, 'latitude'],
      [5, 'seized_at'],
      [5, 'unit'],
    ]);
    expect(result!.rowErrors.every((error: { message: string }) => /\S/.test(error.message))).toBe(true);
    expect(await filedIn(operation)).toBe(0);
  });

  it('files the same rows once however often the file is sent, by whoever of the agency sends it', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    const colleague = await file.kit.actor(malaysia.agency);
    expect((await operation.assign(colleague, 'CONTACT_POINT')).result?.__typename).toBe('OperationMember');
    const first = csvFile([row(), row({ quantity: '12' })]);
    const { result: once } = await file.seizures.importFile(malaysia, operation, first);
    const { result: again } = await file.seizures.importFile(colleague, operation, first);
    expect(again).toMatchObject({ importedCount: 0, alreadyImportedCount: 2, seizures: once!.seizures });

    const grown = csvFile([row({ quantity: '12' }), row({ quantity: '7' }), row(), row({ quantity: '5' })]);
    const { result: mixed } = await file.seizures.importFile(malaysia, operation, grown);
    expect(mixed).toMatchObject({ importedCount: 2, alreadyImportedCount: 2 });
    expect(mixed!.seizures.map((seizure: { id: string }) => seizure.id).slice(0, 3)).toEqual([
      once!.seizures[1].id,
      expect.any(String),
      once!.seizures[0].id,
    ]);
    expect(await filedIn(operation)).toBe(4);

    // The same file from another agency is that agency's word, not a copy of Malaysia's.
    const { result: theirs } = await file.seizures.importFile(thailand, operation, first);
    expect(theirs).toMatchObject({ importedCount: 2, alreadyImportedCount: 0 });
  });

  it('refuses a row that repeats another row of the same file', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const { result } = await file.seizures.importFile(malaysia, operation, csvFile([row(), row({ quantity: '3' }), row()]));
    expect(result!.rowErrors).toEqual([{ row: 3, column: null, message: 'The same seizure as row 1' }]);
  });
});

describe('the file as spreadsheets write it', () => {
  it('reads the BOM, `;` separators and decimal commas of European Excel', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const csv = `\uFEFF${csvFile([row({ quantity: '2,5', latitude: '2,9996', longitude: '101,3918', transit_country_codes: 'SG|ID' })], ';')}`;
    const { result } = await file.seizures.importFile(malaysia, operation, csv);
    expect(result).toMatchObject({ importedCount: 1, seizures: [{ quantity: 2.5, transitCountryCodes: ['SG', 'ID'] }] });
  });

  it('takes columns in any order and case, quoted commas, quotes and line breaks, and skips blank rows', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const csv = [
      'Unit,QUANTITY,Seized At,country_code,place,location_type,commodity_code,detection_method,transport_mode,concealment',
      'kg,40,2026-05-02 10:30Z,MY,"Port Klang, North Port",seaport,AMMONIUM_NITRATE,canine,sea,"Under ""rice"" sacks,',
      'second layer"',
      ',,,,,,,,,',
      '',
    ].join('\n');
    const { result } = await file.seizures.importFile(malaysia, operation, csv);
    expect(result).toMatchObject({
      importedCount: 1,
      seizures: [{ quantity: 40, unit: 'KG', place: 'Port Klang, North Port', concealment: 'Under "rice" sacks,\nsecond layer' }],
    });
  });

  it('keeps cells that look like spreadsheet formulas as plain text', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const formula = '=HYPERLINK("http://evil.example","open")';
    const { result } = await file.seizures.importFile(
      malaysia,
      operation,
      csvFile([row({ concealment: formula, place: '@SUM(1+1)', conveyance: '+cmd|/C calc!A0' })]),
    );
    expect(result).toMatchObject({ importedCount: 1, seizures: [{ concealment: formula, place: '@SUM(1+1)' }] });
  });

  it('names every unknown, repeated and missing column of the header', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const csv =
      'seized_at,country,place,place,location_type,quantity,unit,detection_method,transport_mode,commodity_code\n2026-05-01T06:00Z,MY,a,b,SEAPORT,1,KG,X_RAY,SEA,AMMONIUM_NITRATE';
    const { result } = await file.seizures.importFile(malaysia, operation, csv);
    expect(result!.rowErrors).toEqual([
      { row: 0, column: 'country', message: 'Not a column of the seizure template' },
      { row: 0, column: 'place', message: 'This column appears twice' },
      { row: 0, column: 'country_code', message: 'Required column missing' },
    ]);
  });

  it('is offered empty, as its header row, and that template reads back without a problem', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const response = await file.kit.graphql<{ seizureImportTemplate: string }>('{ seizureImportTemplate }', {}, { token: malaysia.token });
    const template = response.data!.seizureImportTemplate;
    expect(template).toMatch(
      /^seized_at,country_code,place,location_type,.*,linked_alert_references,arrests_by_nationality,interpol_notified_at,interpol_ncb,interpol_notices\r\n$/,
    );
    const { result } = await file.seizures.importFile(malaysia, operation, template);
    expect(result!.rowErrors).toEqual([{ row: 1, column: null, message: 'No seizure under the header row' }]);
  });
});

describe('what an import may name and who may import', () => {
  it('answers an alert the importer may not see exactly as an alert that does not exist', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    const indonesia = await operation.join(await file.kit.actor(await file.kit.seed.agency({ countryCode: 'ID' })));
    await operation.advanceTo('OPERATIONAL');
    const hidden = await raise(malaysia, operation, {
      distribution: 'RESTRICTED',
      recipientAgencyIds: [thailand.agency.globalId],
      marking: 'RED',
    });
    const invented = `${operation.code}/A-0999`;
    const { result } = await file.seizures.importFile(
      indonesia,
      operation,
      csvFile([row({ linked_alert_references: hidden.reference }), row({ linked_alert_references: invented })]),
    );
    expect(result!.rowErrors).toEqual([
      { row: 1, column: 'linked_alert_references', message: `No such alert in this operation: ${hidden.reference}` },
      { row: 2, column: 'linked_alert_references', message: `No such alert in this operation: ${invented}` },
    ]);
  });

  it('is refused before the reporting phases, to observers, and to agencies outside, who see nothing of what was imported', async ({
    cast: room,
    outsider,
  }) => {
    const observer = await room.operation.join(await file.kit.actor(await file.kit.seed.agency({ countryCode: 'FR' })), 'OBSERVING');
    const csv = csvFile([row()]);
    await room.operation.advanceTo('PRE_OPERATIONAL');
    expect((await file.seizures.importFile(room.malaysia, room.operation, csv)).result).toMatchObject({
      __typename: 'PhaseRuleError',
      code: 'PHASE_RULE',
    });
    await room.operation.advanceTo('OPERATIONAL');
    expect((await file.seizures.importFile(observer, room.operation, csv)).refusal).toBe('FORBIDDEN');
    expect((await file.seizures.importFile(outsider, room.operation, csv)).result).toMatchObject({ __typename: 'NotFoundError' });
    const { result } = await file.seizures.importFile(room.malaysia, room.operation, csv);
    const seizureId = result!.seizures[0].id;
    const seen = await file.kit.graphql('query($id: ID!) { node(id: $id) { id } }', { id: seizureId }, { token: outsider.token });
    expect(seen.data).toEqual({ node: null });
  });

  it('refuses a file over the byte or row limit before reading it, naming the limits', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit, ROOM);
    const { maxBytes, maxRows } = file.app.config.seizureImport;
    const header = Object.keys(row()).join(',');
    const heavy = `${header}\n${'x'.repeat(maxBytes)}`;
    const long = `${header}\n${'a,b\n'.repeat(maxRows + 1)}`;
    for (const csv of [heavy, long]) {
      const { result } = await file.seizures.importFile(malaysia, operation, csv);
      expect(result).toMatchObject({ __typename: 'ImportTooLargeError', code: 'IMPORT_TOO_LARGE', maxBytes, maxRows });
      expect(result!.message).toContain(String(maxBytes));
    }
    expect((await file.seizures.importFile(malaysia, operation, heavy)).result!.message).toMatch(/^The file is \d+ bytes/);
    expect((await file.seizures.importFile(malaysia, operation, long)).result!.message).toMatch(`The file has ${maxRows + 1} rows`);
    expect(await filedIn(operation)).toBe(0);
  });
});
