import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { seizures as seizureTable } from '@jointops/server/db/schema/seizures';
import { decodeGlobalId } from '@jointops/server/global-id';
import { SHIPMENT_SUBJECT } from '../testkit/alert-subjects';
import { fileHandles } from '../testkit/file-handles';
import { it } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';
import { parseCsv, resultsKit } from '../testkit/results';
import { csvFile, seizureInput, seizureKit } from '../testkit/seizures';

// Malaysian customs withdraw an alert Thai customs had already acted on: it was raised on the
// wrong container. From then on the alert counts in no result (hit rate, control rate, outcomes,
// the CSV export), and no seizure is newly linked to it, by report, correction or import; a report
// linked before the withdrawal keeps its link, and may be corrected with it.

const file = fileHandles(it);

const ROOM = { commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE' } } as const;

async function raise(by: Actor, operation: OperationDriver, title: string): Promise<{ id: string; reference: string }> {
  const { result } = await file.kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'SHIPMENT',
    severity: 'HIGH',
    title,
    subject: SHIPMENT_SUBJECT,
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
  });
  expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
  return { id: result!.id as string, reference: result!.reference as string };
}

const feedback = async (by: Actor, alertId: string, outcome: string) =>
  expect((await file.kit.mutate(by, 'giveAlertFeedback', { alertId, outcome })).result?.__typename).toBe('Alert');

/** The alert figures of the results (SUBMITTED reports counted too), through the API and the CSV export. */
async function alertFigures(viewer: Actor, operation: OperationDriver) {
  const results = resultsKit(file.app);
  const { data } = await results.results(viewer, operation.id, { includeUnverified: true });
  const { text } = await results.csv(viewer, operation.id, 'alertOutcomes', { includeUnverified: true, header: 'KEYS' });
  const [header, ...rows] = parseCsv(text!);
  const exported = rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]])));
  const { totals } = data;
  return {
    totals: {
      alertsRaised: totals.alertsRaised,
      alertsWithFeedback: totals.alertsWithFeedback,
      alertsWithSeizure: totals.alertsWithSeizure,
      hitRate: totals.hitRate,
      alertDeliveries: totals.alertDeliveries,
      controlsPerformed: totals.controlsPerformed,
      seizures: totals.seizures,
    },
    outcomes: Object.fromEntries(data.alertOutcomes.map((row: { outcome: string; count: number }) => [row.outcome, row.count])),
    exported: Object.fromEntries(exported.map((row) => [row.outcome, Number(row.alerts)])),
  };
}

const linkFields = `__typename ... on Seizure { id linkedAlerts { id } }
  ... on ValidationError { fieldErrors { path key message } }`;

async function reportLinked(by: Actor, operation: OperationDriver, commodityId: string, alertIds: string[], submit = true) {
  const response = await file.app.graphql(
    `mutation($input: ReportSeizureInput!) { reportSeizure(input: $input) { ${linkFields} } }`,
    { input: seizureInput(operation, commodityId, { linkedAlertIds: alertIds, submit }) },
    { token: by.token },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.reportSeizure;
}

const filedIn = (operation: OperationDriver) =>
  file.app.database.db.$count(seizureTable, eq(seizureTable.operationId, decodeGlobalId(operation.id)!.id));

describe('a withdrawn alert', () => {
  it('counts in no result: hit rate, control rate, outcomes and the CSV export leave it out', async () => {
    const { operation, malaysia, thailand, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const kept = await raise(malaysia, operation, 'Ammonium nitrate declared as fertiliser');
    const withdrawn = await raise(malaysia, operation, 'Fertiliser on the wrong container');
    await feedback(thailand, kept.id, 'NOTHING_FOUND');
    await feedback(thailand, withdrawn.id, 'SEIZED');
    expect((await reportLinked(thailand, operation, ammoniumNitrate, [withdrawn.id])).__typename).toBe('Seizure');

    expect(await alertFigures(malaysia, operation)).toEqual({
      totals: {
        alertsRaised: 2,
        alertsWithFeedback: 2,
        alertsWithSeizure: 1,
        hitRate: 0.5,
        alertDeliveries: 4,
        controlsPerformed: 2,
        seizures: 1,
      },
      outcomes: { PENDING: 0, SEIZED: 1, NOTHING_FOUND: 1, NOT_CONTROLLED: 0 },
      exported: { PENDING: 0, SEIZED: 1, NOTHING_FOUND: 1, NOT_CONTROLLED: 0 },
    });

    const { result } = await file.kit.mutate(malaysia, 'withdrawAlert', {
      alertId: withdrawn.id,
      reason: 'Raised on the wrong container.',
    });
    expect(result?.__typename).toBe('Alert');

    // The seizure stays a seizure; only the alert's part in it is no longer counted.
    const after = { PENDING: 0, SEIZED: 0, NOTHING_FOUND: 1, NOT_CONTROLLED: 0 };
    for (const viewer of [malaysia, thailand]) {
      expect(await alertFigures(viewer, operation)).toEqual({
        totals: {
          alertsRaised: 1,
          alertsWithFeedback: 1,
          alertsWithSeizure: 0,
          hitRate: 0,
          alertDeliveries: 2,
          controlsPerformed: 1,
          seizures: 1,
        },
        outcomes: after,
        exported: after,
      });
    }
  });

  it('is refused as a new link with ALERT_WITHDRAWN, by report and by import, and nothing is filed', async () => {
    const { operation, malaysia, thailand, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const alert = await raise(malaysia, operation, 'Fertiliser on the wrong container');
    await file.kit.mutate(malaysia, 'withdrawAlert', { alertId: alert.id, reason: 'Raised on the wrong container.' });
    const before = await filedIn(operation);

    expect(await reportLinked(thailand, operation, ammoniumNitrate, [alert.id])).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['linkedAlertIds', '0'],
          key: 'ALERT_WITHDRAWN',
          message: 'This alert was withdrawn: no seizure can be linked to it any more',
        },
      ],
    });

    const csv = csvFile([
      {
        seized_at: '2026-05-01T06:00+08:00',
        country_code: 'TH',
        place: 'Laem Chabang',
        location_type: 'SEAPORT',
        commodity_code: 'AMMONIUM_NITRATE',
        quantity: '24',
        unit: 'T',
        detection_method: 'X_RAY',
        transport_mode: 'SEA',
        linked_alert_references: alert.reference,
      },
    ]);
    const imported = await seizureKit(file.kit).importFile(thailand, operation, csv);
    expect(imported.result).toMatchObject({
      __typename: 'ImportRejectedError',
      rowErrors: [
        { row: 1, column: 'linked_alert_references', message: 'Item 1: This alert was withdrawn: no seizure can be linked to it any more' },
      ],
    });
    expect(await filedIn(operation)).toBe(before);
  });

  it('keeps the links made before it was withdrawn, shown, and a report corrected keeps its link', async () => {
    const { operation, malaysia, thailand, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const alert = await raise(malaysia, operation, 'Fertiliser on the wrong container');
    const draft = await reportLinked(thailand, operation, ammoniumNitrate, [alert.id], false);
    await file.kit.mutate(malaysia, 'withdrawAlert', { alertId: alert.id, reason: 'Raised on the wrong container.' });

    const response = await file.app.graphql(
      `mutation($input: CorrectSeizureInput!) { correctSeizure(input: $input) { ${linkFields} } }`,
      {
        input: (({ operationId: _operation, idempotencyKey: _key, submit: _submit, ...content }) => ({ seizureId: draft.id, ...content }))(
          seizureInput(operation, ammoniumNitrate, { linkedAlertIds: [alert.id], quantity: 23.5 }),
        ),
      },
      { token: thailand.token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.correctSeizure).toEqual({ __typename: 'Seizure', id: draft.id, linkedAlerts: [{ id: alert.id }] });
  });
});
