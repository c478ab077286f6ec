import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { operationCounters } from '@jointops/server/db/schema/alerts';
import { operationEvents, operations } from '@jointops/server/db/schema/operations';
import { seizures as seizureTable } from '@jointops/server/db/schema/seizures';
import { decodeGlobalId } from '@jointops/server/global-id';
import type { Actor, OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { csvFile } from '../testkit/seizures';

// A file's reports are filed together: their reference numbers and their events' sequence numbers
// are taken once for the file, and rows go in 500 a statement. What filing them one by one
// guaranteed must still hold: numbers without gaps, in the file's order, no other writer's event
// among them, and a refused file leaves no trace in the numbering.

const file = fileHandles(it);

/** More rows than one insert statement takes (500), so the file is cut in two. */
const ROWS = 600;

/** `count` distinct seizures at Port Klang: each berth its own. */
const rows = (count: number, changes: (index: number) => Record<string, string> = () => ({})) =>
  Array.from({ length: count }, (_, index) => ({
    seized_at: '2026-05-01T06:00+08:00',
    country_code: 'MY',
    place: `Port Klang, Westport berth ${index + 1}`,
    location_type: 'SEAPORT',
    commodity_code: 'AMMONIUM_NITRATE',
    quantity: '24',
    unit: 'T',
    detection_method: 'X_RAY',
    transport_mode: 'SEA',
    ...changes(index),
  }));

const uuidOf = (operation: OperationDriver) => decodeGlobalId(operation.id)!.id;

/** The operation's log as stored, whoever may see it, and its counters. */
async function journal(operation: OperationDriver) {
  const db = file.app.database.db;
  const events = await db
    .select()
    .from(operationEvents)
    .where(eq(operationEvents.operationId, uuidOf(operation)))
    .orderBy(asc(operationEvents.seq));
  const [head] = await db
    .select({ seq: operations.lastEventSeq })
    .from(operations)
    .where(eq(operations.id, uuidOf(operation)));
  const [counter] = await db
    .select({ last: operationCounters.lastSeizureNumber })
    .from(operationCounters)
    .where(eq(operationCounters.operationId, uuidOf(operation)));
  return { events, head: head!.seq, lastSeizureNumber: counter?.last ?? 0 };
}

/** importSeizures asking only what these checks read: the testkit's selection resolves each row's alerts and people. */
async function importFile(by: Actor, operation: OperationDriver, csv: string) {
  const response = await file.kit.graphql(
    `mutation($input: ImportSeizuresInput!) { importSeizures(input: $input) { __typename
      ... on ImportRejectedError { rowErrors { row column } } ... on ImportSeizuresSuccess { importedCount seizures { id reference } } } }`,
    { input: { operationId: operation.id, csv } },
    { token: by.token },
  );
  return { result: response.data?.importSeizures ?? null };
}

const numbers = (count: number, first = 1) => Array.from({ length: count }, (_, index) => first + index);

describe('a file filed in batches', () => {
  it('numbers reports and events without gaps, in file order, with a concurrent alert and report outside the file', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit);
    const before = await journal(operation);
    const [imported, raised, reported] = await Promise.all([
      importFile(malaysia, operation, csvFile(rows(ROWS))),
      file.kit.mutate(thailand, 'raiseAlert', {
        operationId: operation.id,
        idempotencyKey: randomUUID(),
        category: 'INTELLIGENCE',
        severity: 'HIGH',
        title: 'Fertiliser containers bound for General Santos',
        marking: 'AMBER',
        distribution: 'ALL_PARTICIPANTS',
      }),
      file.seizures.report(thailand, {
        operationId: operation.id,
        idempotencyKey: randomUUID(),
        seizedAt: '2026-05-01T08:00:00+07:00',
        countryCode: 'TH',
        place: 'Laem Chabang',
        locationType: 'SEAPORT',
        commodityDescription: 'Detonating cord, unlisted type',
        quantity: 300,
        unit: 'M',
        detectionMethod: 'X_RAY',
        transportMode: 'SEA',
      }),
    ]);
    expect(imported.result).toMatchObject({ __typename: 'ImportSeizuresSuccess', importedCount: ROWS });
    expect(raised.result?.__typename).toBe('Alert');
    expect(reported.result?.__typename).toBe('Seizure');

    const after = await journal(operation);
    // Every number once, from the first to the head: no gap, none twice.
    expect(after.events.map((event) => event.seq)).toEqual(numbers(after.head));
    // The file's reports, the concurrent report and alert: at least one event each.
    expect(after.head - before.head).toBeGreaterThanOrEqual(ROWS + 2);

    // The file's events are one consecutive run, in the order of its rows, with nobody else's among them.
    const fileSeizureIds = imported.result!.seizures.map((seizure: { id: string }) => decodeGlobalId(seizure.id)!.id);
    const fileEvents = after.events.filter(
      (event) => event.type === 'SEIZURE_REPORTED' && fileSeizureIds.includes((event.data as { seizureId: string }).seizureId),
    );
    expect(fileEvents.map((event) => (event.data as { seizureId: string }).seizureId)).toEqual(fileSeizureIds);
    expect(fileEvents.map((event) => event.seq)).toEqual(numbers(ROWS, fileEvents[0]!.seq));
    expect(fileEvents.every((event) => event.actorUserId === malaysia.id && event.audienceAgencyIds === null)).toBe(true);
    expect(new Set(fileEvents.map((event) => JSON.stringify(Object.keys(event.data as object).sort())))).toEqual(
      new Set([JSON.stringify(['seizureId', 'status'])]),
    );

    // References: the file's consecutive, in its order; the concurrent report's before or after them all.
    const fileNumbers = imported.result!.seizures.map((seizure: { reference: string }) => Number(seizure.reference.split('/S-')[1]));
    expect(fileNumbers).toEqual(numbers(ROWS, fileNumbers[0]));
    const all = await file.app.database.db
      .select({ number: seizureTable.number })
      .from(seizureTable)
      .where(eq(seizureTable.operationId, uuidOf(operation)))
      .orderBy(asc(seizureTable.number));
    expect(all.map((seizure) => seizure.number)).toEqual(numbers(ROWS + 1));
    expect(after.lastSeizureNumber).toBe(ROWS + 1);
  });

  it('leaves no trace of a refused file: no report, no event, no number taken', async () => {
    const { operation, malaysia } = await operationalRoom(file.kit);
    const before = await journal(operation);
    const refused = rows(ROWS, (index) => (index === ROWS - 1 ? { quantity: 'lots' } : { quantity: '24' }));
    const { result } = await importFile(malaysia, operation, csvFile(refused));
    expect(result).toMatchObject({ __typename: 'ImportRejectedError', rowErrors: [{ row: ROWS, column: 'quantity' }] });
    expect(await journal(operation)).toEqual(before);

    const { result: accepted } = await importFile(malaysia, operation, csvFile(rows(ROWS)));
    expect(accepted!.seizures[0].reference).toBe(`${operation.code}/S-0001`);
    const after = await journal(operation);
    expect(after.head).toBe(before.head + ROWS);
    expect(after.events.map((event) => event.seq)).toEqual(numbers(after.head));
  });
});
