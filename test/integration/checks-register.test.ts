import { beforeAll, describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { checkTotals } from '@jointops/server/modules/checks/checks.repo';
import { decodeGlobalId } from '@jointops/server/global-id';
import { calendarDateIn } from '@jointops/shared/validation';
import type { Actor, OperationDriver } from '../testkit/operations';
import { type OperationalRoom, operationalRoom } from '../testkit/operational-room';

// The register PGS results are compiled from besides seizures: how many licit shipments of
// precursors each country checked, and how many checks against INTERPOL and national databases
// its officers ran, with how many hits. Royal Malaysian and Thai Customs record their figures day
// by day; a figure recorded again for the same day replaces the first, so a retry never counts
// twice and a mistake can be corrected, and the timeline tells a correction from a first record.

const file = fileHandles(it);
let codes: Map<string, string>;

it.beforeAll(async ({ kit }) => {
  codes = new Map((await kit.catalogue(await kit.actor())).map((item) => [item.code, item.id]));
});

const suffix = () => Math.random().toString(36).slice(2, 8);
/** Today in the operation's reference time zone (the file.kit plans operations in Asia/Bangkok), `days` from now. */
const day = (days = 0) => calendarDateIn('Asia/Bangkok', new Date(file.app.clock.now().getTime() + days * 86_400_000));

/** Records today's figure, or that of the day `daysAway` from today. */
function shipments(operation: OperationDriver, by: Actor, commodity: string, { daysAway = 0, ...figures }: Record<string, unknown>) {
  return file.kit.mutate(by, 'recordLicitShipmentsChecked', {
    operationId: operation.id,
    checkedOn: day(daysAway as number),
    commodityId: codes.get(commodity),
    ...figures,
  });
}
function databaseChecks(operation: OperationDriver, by: Actor, database: string, figures: Record<string, unknown>) {
  return file.kit.mutate(by, 'recordDatabaseChecks', { operationId: operation.id, checkedOn: day(), database, ...figures });
}

const REGISTER = `licitShipmentChecks { id countryCode checkedOn shipments quantity unit agency { id } commodity { code } }
  databaseChecks { id countryCode checkedOn database checks hits agency { id } }`;
const RECORDINGS = `timeline(first: 500) { edges { node { type
  ... on LicitShipmentsCheckedEvent { correction check { id } before { shipments quantity unit } after { shipments quantity unit } }
  ... on DatabaseChecksRecordedEvent { correction check { id } before { checks hits } after { checks hits } } } } }`;

/** The timeline's recordings of checks, oldest first, as `viewer` sees them. */
async function recordings(operation: OperationDriver, viewer: Actor) {
  const seen = await operation.view(viewer, RECORDINGS);
  return seen!.timeline.edges
    .map((edge: { node: { type: string } }) => edge.node)
    .filter((event: { type: string }) => /CHECK/.test(event.type));
}

/** The usual cast in OPERATIONAL, with a reviewer at the WCO and Australian police observing. */
const ROOM = {
  observer: { name: 'Australian Federal Police', kind: 'POLICE', countryCode: 'AU' },
  reviewer: true,
  outsider: 'PH',
} as const;

describe('recording licit shipments checked', () => {
  it("records the agency's figure under its country, for every member to see", async () => {
    const { operation, malaysia, thailand, observer } = await operationalRoom(file.kit, ROOM);
    const { result } = await shipments(operation, malaysia, 'AMMONIUM_NITRATE', { shipments: 12, quantity: 24.5, unit: 'T' });
    expect(result).toMatchObject({
      __typename: 'LicitShipmentCheck',
      countryCode: 'MY',
      checkedOn: day(),
      shipments: 12,
      quantity: 24.5,
      unit: 'T',
    });
    expect(result).toMatchObject({
      agency: { id: malaysia.agency.globalId },
      commodity: { code: 'AMMONIUM_NITRATE' },
      recordedBy: { id: malaysia.globalId },
    });
    for (const viewer of [operation.coordinator, thailand, observer]) {
      expect((await operation.view(viewer, REGISTER))!.licitShipmentChecks).toEqual([
        expect.objectContaining({ id: result!.id, shipments: 12 }),
      ]);
    }
  });

  it('replaces the figure when recorded again for the same day and commodity, and says so on the timeline', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    const first = await shipments(operation, malaysia, 'UREA', { shipments: 3 });
    const corrected = await shipments(operation, malaysia, 'UREA', { shipments: 5, quantity: 1200, unit: 'KG' });
    const retried = await shipments(operation, malaysia, 'UREA', { shipments: 5, quantity: 1200, unit: 'KG' });
    expect([corrected.result!.id, retried.result!.id]).toEqual([first.result!.id, first.result!.id]);
    const register = (await operation.view(thailand, REGISTER))!.licitShipmentChecks;
    expect(register).toEqual([expect.objectContaining({ shipments: 5, quantity: 1200, unit: 'KG' })]);
    expect(await recordings(operation, thailand)).toEqual([
      {
        type: 'LICIT_SHIPMENTS_CHECKED',
        correction: false,
        check: { id: first.result!.id },
        before: null,
        after: { shipments: 3, quantity: null, unit: null },
      },
      {
        type: 'LICIT_SHIPMENTS_CHECKED',
        correction: true,
        check: { id: first.result!.id },
        before: { shipments: 3, quantity: null, unit: null },
        after: { shipments: 5, quantity: 1200, unit: 'KG' },
      },
    ]);
  });

  it('keeps each agency to its own figures: the same day and commodity from Thailand is a figure of its own', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    await shipments(operation, malaysia, 'ACETONE', { shipments: 2 });
    await shipments(operation, thailand, 'ACETONE', { shipments: 7 });
    const register = (await operation.view(malaysia, REGISTER))!.licitShipmentChecks;
    expect(register.map((row: { countryCode: string; shipments: number }) => [row.countryCode, row.shipments]).sort()).toEqual([
      ['MY', 2],
      ['TH', 7],
    ]);
  });

  describe('refusals', () => {
    // One room for all of them: each refusal must leave it as empty as it found it.
    let room: OperationalRoom<typeof ROOM>;
    beforeAll(async () => {
      room = await operationalRoom(file.kit, ROOM);
    });

    it.each([
      ['detonators in kilograms', 'DETONATOR', { shipments: 1, quantity: 4, unit: 'KG' }, 'unit'],
      ['ammonium nitrate in litres', 'AMMONIUM_NITRATE', { shipments: 1, quantity: 4, unit: 'L' }, 'unit'],
      ['a quantity without its unit', 'UREA', { shipments: 1, quantity: 4 }, 'unit'],
      ['a quantity without a shipment', 'UREA', { shipments: 0, quantity: 4, unit: 'KG' }, 'quantity'],
      ['a negative count', 'UREA', { shipments: -1 }, 'shipments'],
      ['a day that has not come yet in Bangkok', 'UREA', { shipments: 1, daysAway: 1 }, 'checkedOn'],
      ['a day before the operational phase began', 'UREA', { shipments: 1, daysAway: -1 }, 'checkedOn'],
    ])('refuses %s with a ValidationError, recording nothing', async (_mistake, commodity, figures, field) => {
      const { operation, malaysia } = room;
      const { result } = await shipments(operation, malaysia, commodity, figures);
      expect(result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: [field] }] });
      expect((await operation.view(malaysia, REGISTER))!.licitShipmentChecks).toEqual([]);
      expect(await recordings(operation, malaysia)).toEqual([]);
    });
  });
});

describe('recording database checks', () => {
  it('records checks and hits, and a correction replaces them', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    const first = await databaseChecks(operation, thailand, 'INTERPOL_SLTD', { checks: 1200, hits: 3 });
    expect(first.result).toMatchObject({
      __typename: 'DatabaseCheck',
      countryCode: 'TH',
      database: 'INTERPOL_SLTD',
      checks: 1200,
      hits: 3,
    });
    await databaseChecks(operation, thailand, 'INTERPOL_SLTD', { checks: 1250, hits: 4 });
    expect((await operation.view(malaysia, REGISTER))!.databaseChecks).toEqual([
      expect.objectContaining({ id: first.result!.id, checks: 1250, hits: 4 }),
    ]);
    expect(await recordings(operation, malaysia)).toEqual([
      {
        type: 'DATABASE_CHECKS_RECORDED',
        correction: false,
        check: { id: first.result!.id },
        before: null,
        after: { checks: 1200, hits: 3 },
      },
      {
        type: 'DATABASE_CHECKS_RECORDED',
        correction: true,
        check: { id: first.result!.id },
        before: { checks: 1200, hits: 3 },
        after: { checks: 1250, hits: 4 },
      },
    ]);
  });

  it('refuses more hits than checks, recording nothing', async () => {
    const { operation, thailand } = await operationalRoom(file.kit, ROOM);
    const { result } = await databaseChecks(operation, thailand, 'WCO_CEN', { checks: 10, hits: 11 });
    expect(result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['hits'] }] });
    expect((await operation.view(thailand, REGISTER))!.databaseChecks).toEqual([]);
  });
});

describe('who records, and when', () => {
  it('refuses an agency without a country, such as the WCO itself', async () => {
    const { operation, planner } = await operationalRoom(file.kit, ROOM);
    const { result } = await databaseChecks(operation, planner, 'INTERPOL_NOMINALS', { checks: 4, hits: 0 });
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect((await operation.view(planner, REGISTER))!.databaseChecks).toEqual([]);
  });

  it('lets neither reviewers nor observers record, and outsiders neither record nor see anything', async () => {
    const { operation, malaysia, reviewer, observer, outsider } = await operationalRoom(file.kit, ROOM);
    const recorded = await databaseChecks(operation, malaysia, 'NATIONAL', { checks: 40, hits: 1 });
    expect((await databaseChecks(operation, reviewer, 'NATIONAL', { checks: 1, hits: 0 })).refusal).toBe('FORBIDDEN');
    expect((await shipments(operation, observer, 'UREA', { shipments: 1 })).refusal).toBe('FORBIDDEN');
    expect((await databaseChecks(operation, outsider, 'NATIONAL', { checks: 1, hits: 0 })).result).toMatchObject({
      __typename: 'NotFoundError',
      message: 'Operation not found.',
    });
    expect(await operation.view(outsider, REGISTER)).toBeNull();
    const node = await file.app.graphql('query($id: ID!) { node(id: $id) { id } }', { id: recorded.result!.id }, { token: outsider.token });
    expect(node.data).toEqual({ node: null });
    expect((await operation.view(malaysia, REGISTER))!.databaseChecks).toEqual([expect.objectContaining({ checks: 40, hits: 1 })]);
  });

  it('takes figures in OPERATIONAL and POST_OPERATIONAL only', async ({ cast: { operation, malaysia } }) => {
    const attempt = async () => (await databaseChecks(operation, malaysia, 'INTERPOL_VEHICLES', { checks: 2, hits: 0 })).result;
    expect(await attempt()).toMatchObject({ __typename: 'PhaseRuleError', phase: 'PLANNING' });
    await operation.advanceTo('PRE_OPERATIONAL');
    expect(await attempt()).toMatchObject({ __typename: 'PhaseRuleError', phase: 'PRE_OPERATIONAL' });
    await operation.advanceTo('POST_OPERATIONAL');
    // A late figure for an operational day, sent during the debriefing.
    expect(await attempt()).toMatchObject({ __typename: 'DatabaseCheck', checks: 2 });
    await operation.advanceTo('CLOSED');
    expect(await attempt()).toMatchObject({ __typename: 'PhaseRuleError', phase: 'CLOSED' });
  });
});

describe('totals for the results', () => {
  it('adds figures per country in base units, never adding unlike units', async () => {
    const { operation, malaysia, thailand } = await operationalRoom(file.kit, ROOM);
    // Malaysian police check too: a country's total is the sum of its agencies'.
    const police = await file.kit.actor(
      await file.kit.seed.agency({ name: `Royal Malaysia Police ${suffix()}`, kind: 'POLICE', countryCode: 'MY' }),
    );
    expect((await operation.invite(police.agency)).result?.__typename).toBe('Participation');
    expect((await operation.respond(police, true)).result?.status).toBe('ACCEPTED');
    await shipments(operation, malaysia, 'AMMONIUM_NITRATE', { shipments: 4, quantity: 2, unit: 'T' });
    await shipments(operation, police, 'AMMONIUM_NITRATE', { shipments: 1, quantity: 500, unit: 'G' });
    await shipments(operation, malaysia, 'ALUMINIUM_POWDER', { shipments: 2, quantity: 3, unit: 'KG' });
    await shipments(operation, malaysia, 'DETONATOR', { shipments: 1, quantity: 40, unit: 'PIECES' });
    await shipments(operation, malaysia, 'ACETONE', { shipments: 1, quantity: 1500, unit: 'ML' });
    await shipments(operation, malaysia, 'NITRIC_ACID', { shipments: 5 });
    await shipments(operation, thailand, 'UREA', { shipments: 9, quantity: 10, unit: 'KG' });
    await shipments(operation, thailand, 'UREA', { shipments: 1, quantity: 10, unit: 'KG' });
    await databaseChecks(operation, malaysia, 'INTERPOL_SLTD', { checks: 100, hits: 2 });
    await databaseChecks(operation, police, 'INTERPOL_SLTD', { checks: 50, hits: 1 });
    await databaseChecks(operation, police, 'INTERPOL_NOMINALS', { checks: 30, hits: 0 });
    await databaseChecks(operation, thailand, 'INTERPOL_SLTD', { checks: 20, hits: 1 });

    const { db } = file.app.database;
    const operationId = decodeGlobalId(operation.id)!.id;
    const totals = await checkTotals(db, operationId);
    expect(totals.licitShipments).toEqual([
      {
        countryCode: 'MY',
        shipments: 14,
        quantities: [
          { unit: 'KG', quantity: 2003.5 },
          { unit: 'L', quantity: 1.5 },
          { unit: 'PIECES', quantity: 40 },
        ],
      },
      { countryCode: 'TH', shipments: 1, quantities: [{ unit: 'KG', quantity: 10 }] },
    ]);
    // The database's own order of databases, as the results list them.
    expect(totals.databaseChecks).toEqual([
      { countryCode: 'MY', database: 'INTERPOL_SLTD', checks: 150, hits: 3 },
      { countryCode: 'MY', database: 'INTERPOL_NOMINALS', checks: 30, hits: 0 },
      { countryCode: 'TH', database: 'INTERPOL_SLTD', checks: 20, hits: 1 },
    ]);
  });
});
