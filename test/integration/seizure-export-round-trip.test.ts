import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { users } from '@jointops/server/db/schema/accounts';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { parseCsv, resultsKit } from '../testkit/results';
import { csvFile, seizureKit } from '../testkit/seizures';

// The seizure list a reviewer exports is a file the import takes back: Malaysian customs import
// their week, a French-speaking colleague exports it with French headers, and the file goes back
// in unchanged, into the same operation (every row found as already imported: the same content)
// and into another one (the same list again, under new references).

let kit: OperationKit;

it.beforeAll(({ kit: fileKit }) => {
  kit = fileKit;
});

/**
 * Rows that try the format: an offset date, a comma, quotes and a line break, a formula-like place,
 * a list, a described commodity, arrests by nationality and an INTERPOL follow-up.
 */
const ROWS = (alertReference: string, ncbName: string): Record<string, string>[] => [
  {
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
    concealment: 'Declared as "NPK fertiliser",\nunder bags of rice',
    transport_mode: 'SEA',
    conveyance: 'MSKU1234565',
    origin_country_code: 'MY',
    transit_country_codes: 'SG;ID',
    destination_country_code: 'PH',
    arrests: '2',
    arrests_by_nationality: 'FR:1;my:1',
    interpol_notified_at: '2026-05-01T10:00+08:00',
    interpol_ncb: ncbName.toUpperCase(),
    interpol_notices: 'purple:2026/12345;Diffusion:D-77/2026',
    linked_alert_references: alertReference,
  },
  {
    seized_at: '2026-05-02 23:30Z',
    country_code: 'MY',
    place: '=Kuching depot',
    location_type: 'INLAND',
    latitude: '-1.5',
    longitude: '110.35',
    commodity_code: '',
    commodity_description: 'Detonating cord, unlisted type',
    quantity: '1200.5',
    unit: 'M',
    detection_method: 'CANINE',
    concealment: '',
    transport_mode: 'ROAD',
    conveyance: '',
    origin_country_code: '',
    transit_country_codes: '',
    destination_country_code: '',
    arrests: '0',
    arrests_by_nationality: '',
    interpol_notified_at: '',
    interpol_ncb: '',
    interpol_notices: '',
    linked_alert_references: '',
  },
];

async function raiseAlert(by: Actor, operation: OperationDriver): Promise<string> {
  const { result } = await kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Fertiliser containers bound for General Santos',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
  });
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return result.reference as string;
}

describe('the seizure list exported', () => {
  it('imports again as it was exported, with headers in the exporter’s language and dates in UTC', async ({ app }) => {
    const seizures = seizureKit(kit);
    const results = resultsKit(app);
    const { operation, malaysia, thailand } = await operationalRoom(kit);
    const ncb = await kit.seed.agency({
      name: `INTERPOL NCB Kuala Lumpur ${randomUUID().slice(0, 6)}`,
      kind: 'INTERPOL_NCB',
      countryCode: 'MY',
    });
    const imported = await seizures.importFile(malaysia, operation, csvFile(ROWS(await raiseAlert(thailand, operation), ncb.name)));
    expect(imported.result).toMatchObject({ importedCount: 2 });

    await app.database.db.update(users).set({ locale: 'fr' }).where(eq(users.id, malaysia.id));
    const exported = async (actor: Actor, from: OperationDriver, options: { header?: 'KEYS'; maxMarking?: string } = {}) =>
      (await results.csv(actor, from.id, 'seizures', { includeUnverified: true, ...options })).text!;
    const inFrench = await exported(malaysia, operation);
    // For Excel, which reads UTF-8 as such only after a BOM; the import takes it off again below.
    expect(inFrench.startsWith('\uFEFFRéférence,')).toBe(true);
    const [header, ...records] = parseCsv(inFrench);
    expect(header!.slice(0, 4)).toEqual(['Référence', 'Statut', 'Date et heure de saisie', 'Code pays']);
    expect(records.map((record) => record[2])).toEqual(['2026-04-30T22:00:00.000Z', '2026-05-02T23:30:00.000Z']);

    const again = await seizures.importFile(malaysia, operation, inFrench);
    expect(again.result).toMatchObject({ __typename: 'ImportSeizuresSuccess', importedCount: 0, alreadyImportedCount: 2 });

    // Another operation has none of this one's alerts: the file goes over without them (CLEAR leaves the AMBER alert out).
    const elsewhere = await operationalRoom(kit);
    await app.database.db.update(users).set({ locale: 'fr' }).where(eq(users.id, elsewhere.malaysia.id));
    const withoutAlerts = await exported(malaysia, operation, { header: 'KEYS', maxMarking: 'CLEAR' });
    expect(withoutAlerts.startsWith('reference,')).toBe(true);
    const intoOther = await seizures.importFile(elsewhere.malaysia, elsewhere.operation, withoutAlerts);
    expect(intoOther.result).toMatchObject({ __typename: 'ImportSeizuresSuccess', importedCount: 2 });
    const content = (csv: string) => {
      const [keys, ...rows] = parseCsv(csv);
      return rows.map((cells) =>
        Object.fromEntries(keys!.map((key, i) => [key, cells[i]]).filter(([key]) => key !== 'reference' && key !== 'reporting_agency')),
      );
    };
    expect(content(await exported(elsewhere.malaysia, elsewhere.operation, { header: 'KEYS' }))).toEqual(content(withoutAlerts));
    expect(content(withoutAlerts)[1]).toMatchObject({
      place: "'=Kuching depot",
      latitude: '-1.5',
      quantity: '1200.5',
      linked_alert_references: '',
    });
    expect(content(withoutAlerts)[0]).toMatchObject({
      concealment: 'Declared as "NPK fertiliser",\nunder bags of rice',
      transit_country_codes: 'SG;ID',
      arrests_by_nationality: 'FR:1;MY:1',
      interpol_notified_at: '2026-05-01T02:00:00.000Z',
      interpol_ncb: ncb.name,
      interpol_notices: 'PURPLE:2026/12345;DIFFUSION:D-77/2026',
    });
  });

  it('heads every table with its labels in the viewer’s language, or with its keys when asked', async ({ app }) => {
    const results = resultsKit(app);
    const { operation, malaysia } = await operationalRoom(kit);
    const headerOf = async (table: string, header?: 'KEYS') =>
      parseCsv((await results.csv(malaysia, operation.id, table, { header })).text!)[0];
    expect(await headerOf('databaseChecks')).toEqual(['Country code', 'Database', 'Checks', 'Hits']);
    expect(await headerOf('databaseChecks', 'KEYS')).toEqual(['country_code', 'database', 'checks', 'hits']);
    await app.database.db.update(users).set({ locale: 'fr' }).where(eq(users.id, malaysia.id));
    expect(await headerOf('byCountryAndCommodity')).toEqual([
      'Clé',
      'Libellé',
      'Code pays',
      'Code de la marchandise',
      'Catégorie de marchandise',
      'Quantité',
      'Unité',
      'Saisies',
      'Arrestations',
    ]);
    expect(await headerOf('totals', 'KEYS')).toEqual(['figure', 'value']);
  });
});
