import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import type { ResultRowSeen } from '../testkit/results';
import type { Actor } from '../testkit/operations';
import { seizureInput } from '../testkit/seizures';
import { seededResults } from './results.seed';

// The results of the operation seeded in results.seed.ts, against figures computed by hand from
// its table: every table, units normalised within their dimension only, verified reports by
// default, the restricted alert counted only for its audience, and nothing for outsiders.

const file = fileHandles(it);
const seeded = seededResults(it);

/** The figures of a row, without its labels. */
const figures = (rows: ResultRowSeen[]) => rows.map((row) => [row.key, row.quantity, row.unit, row.seizures, row.arrests]);

describe('operation results, VERIFIED reports only (the default)', () => {
  it('count seizures, arrests and bonus seizures of verified reports only', async () => {
    const { data } = await seeded.results.results(seeded.world.malaysia, seeded.world.operation.id);
    expect(data.includeUnverified).toBe(false);
    expect(data.totals).toMatchObject({ seizures: 7, arrests: 5, bonusSeizures: 2 });
  });

  it('add g, t and kg up in kg, and never add pieces or metres to them', async () => {
    const { data } = await seeded.results.results(seeded.world.malaysia, seeded.world.operation.id);
    expect(figures(data.byCountryAndCommodity)).toEqual([
      ['MY:AMMONIUM_NITRATE:KG', 2003.5, 'KG', 3, 3],
      ['MY:DETONATOR:PIECES', 40, 'PIECES', 1, 0],
      ['TH:DETONATING_CORD:M', 150, 'M', 1, 1],
      ['TH:OTHER:KG', 1.5, 'KG', 1, 1],
      ['TH:UAV:PIECES', 3, 'PIECES', 1, 0],
    ]);
    expect(data.byCountryAndCommodity[0]).toMatchObject({
      countryCode: 'MY',
      commodity: { code: 'AMMONIUM_NITRATE' },
      label: 'MY · Ammonium nitrate',
    });
    expect(data.byCountryAndCommodity[3]).toMatchObject({ commodity: null, label: 'TH · Other commodities' });
  });

  it('per commodity across countries, one row per unit, most seizures first', async () => {
    const { data } = await seeded.results.results(seeded.world.malaysia, seeded.world.operation.id);
    expect(figures(data.byCommodity)).toEqual([
      ['AMMONIUM_NITRATE:KG', 2003.5, 'KG', 3, 3],
      ['DETONATING_CORD:M', 150, 'M', 1, 1],
      ['DETONATOR:PIECES', 40, 'PIECES', 1, 0],
      ['OTHER:KG', 1.5, 'KG', 1, 1],
      ['UAV:PIECES', 3, 'PIECES', 1, 0],
    ]);
    expect(data.byCommodity[0]).toMatchObject({ countryCode: null, commodity: { code: 'AMMONIUM_NITRATE' }, label: 'Ammonium nitrate' });
    expect(data.byCommodity[3]).toMatchObject({ countryCode: null, commodity: null, label: 'Other commodities' });
  });

  it('add a commodity seized in two countries up, and never one unit to another', async () => {
    const { kit, seizures, commodities } = seeded.world;
    const targets = [commodities.ammoniumNitrate, commodities.detonator];
    const { operation, planner, malaysia, thailand } = await kit.jointOperation({ targetCommodityIds: targets });
    const reviewer = await kit.actor(planner.agency);
    await operation.assign(reviewer, 'REVIEWER');
    await operation.advanceTo('OPERATIONAL');
    const reports: [Actor, string | null, Record<string, unknown>][] = [
      [malaysia, commodities.ammoniumNitrate, { countryCode: 'MY', quantity: 2, unit: 'T' }],
      [thailand, commodities.ammoniumNitrate, { countryCode: 'TH', quantity: 500, unit: 'G' }],
      [malaysia, commodities.detonator, { countryCode: 'MY', quantity: 40, unit: 'PIECES' }],
      [thailand, commodities.detonator, { countryCode: 'TH', quantity: 12, unit: 'PIECES' }],
      [thailand, null, { countryCode: 'TH', commodityDescription: 'Cocaine', quantity: 1.5, unit: 'KG' }],
      [malaysia, null, { countryCode: 'MY', commodityDescription: 'Cocaine', quantity: 3, unit: 'PIECES' }],
    ];
    for (const [by, commodity, input] of reports) {
      const seizure = await seizures.reported(by, seizureInput(operation, commodity, input));
      await kit.mutate(reviewer, 'verifySeizure', { seizureId: seizure });
    }
    const { data } = await seeded.results.results(planner, operation.id);
    expect(data.byCountryAndCommodity).toHaveLength(6);
    expect(figures(data.byCommodity)).toEqual([
      ['AMMONIUM_NITRATE:KG', 2000.5, 'KG', 2, 4],
      ['DETONATOR:PIECES', 52, 'PIECES', 2, 4],
      ['OTHER:KG', 1.5, 'KG', 1, 2],
      ['OTHER:PIECES', 3, 'PIECES', 1, 2],
    ]);
  });

  it('group by detection method and by transport mode, one row per unit, most seizures first', async () => {
    const { data } = await seeded.results.results(seeded.world.malaysia, seeded.world.operation.id);
    expect(figures(data.byDetectionMethod)).toEqual([
      ['CANINE:KG', 4.5, 'KG', 2, 1],
      ['X_RAY:KG', 2000.5, 'KG', 2, 3],
      ['X_RAY:PIECES', 43, 'PIECES', 2, 0],
      ['PHYSICAL_SEARCH:M', 150, 'M', 1, 1],
    ]);
    expect(figures(data.byTransportMode)).toEqual([
      ['SEA:KG', 2000.5, 'KG', 2, 3],
      ['AIR:KG', 1.5, 'KG', 1, 1],
      ['COURIER:PIECES', 3, 'PIECES', 1, 0],
      ['ROAD:KG', 3, 'KG', 1, 0],
      ['ROAD:M', 150, 'M', 1, 1],
      ['SEA:PIECES', 40, 'PIECES', 1, 0],
    ]);
  });

  it('class bonus seizures by catalogue category, or OTHER for a described commodity', async () => {
    const { data } = await seeded.results.results(seeded.world.malaysia, seeded.world.operation.id);
    expect(figures(data.bonusByClass)).toEqual([
      ['OTHER:KG', 1.5, 'KG', 1, 1],
      ['UAV:PIECES', 3, 'PIECES', 1, 0],
    ]);
    expect(figures(data.byCommodityClass)).toEqual([
      ['PRECURSOR_CHEMICAL:KG', 2003.5, 'KG', 3, 3],
      ['DETONATOR:PIECES', 40, 'PIECES', 1, 0],
      ['FUSE:M', 150, 'M', 1, 1],
      ['OTHER:KG', 1.5, 'KG', 1, 1],
      ['UAV:PIECES', 3, 'PIECES', 1, 0],
    ]);
  });

  it('add the SUBMITTED report when asked, never the rejected one or a draft', async () => {
    const { data } = await seeded.results.results(seeded.world.malaysia, seeded.world.operation.id, { includeUnverified: true });
    expect(data.totals).toMatchObject({ seizures: 8, arrests: 10 });
    expect(figures(data.byCountryAndCommodity)[0]).toEqual(['MY:AMMONIUM_NITRATE:KG', 3003.5, 'KG', 4, 8]);
    expect(data.byCountryAndCommodity.some((row: ResultRowSeen) => row.unit === 'L')).toBe(false);
  });
});

describe('alert figures', () => {
  it('for the originator and the named agency of the restricted alert: all three alerts, the TEST alert aside', async () => {
    for (const viewer of [seeded.world.malaysia, seeded.world.thailand]) {
      const { data } = await seeded.results.results(viewer, seeded.world.operation.id);
      expect(data.totals).toMatchObject({
        alertsRaised: 3,
        alertsAcknowledged: 3,
        alertsOverdue: 1,
        deadlinesMissed: 2,
        medianMinutesToAcknowledge: 20,
        alertsWithFeedback: 3,
        alertsWithSeizure: 2,
        // Per recipient: A1 to the WCO and Thailand, A2 to the WCO and Malaysia, A3 to Thailand; only
        // Malaysia answered (A2, NOTHING_FOUND); A1 and A3 are SEIZED by their linked reports alone.
        alertDeliveries: 5,
        recipientsWithFeedback: 1,
        controlsPerformed: 1,
        controlRate: 0.2,
        alertsWithRecipientFeedback: 1,
        alertsWithRecipientSeizure: 0,
        recipientHitRate: 0,
      });
      expect(data.totals.hitRate).toBeCloseTo(2 / 3, 10);
      expect(data.alertOutcomes).toEqual([
        { outcome: 'PENDING', count: 0 },
        { outcome: 'SEIZED', count: 2 },
        { outcome: 'NOTHING_FOUND', count: 1 },
        { outcome: 'NOT_CONTROLLED', count: 0 },
      ]);
    }
  });

  it('for the coordinator and reviewer of the WCO, not named on the restricted alert: it does not count', async () => {
    for (const viewer of [seeded.world.planner, seeded.world.reviewer]) {
      const { data } = await seeded.results.results(viewer, seeded.world.operation.id);
      expect(data.totals).toMatchObject({
        seizures: 7,
        alertsRaised: 2,
        alertsAcknowledged: 2,
        alertsOverdue: 1,
        deadlinesMissed: 2,
        medianMinutesToAcknowledge: 30,
        hitRate: 0.5,
        alertDeliveries: 4,
        recipientsWithFeedback: 1,
        controlsPerformed: 1,
        controlRate: 0.25,
      });
      expect(data.alertOutcomes.find((row: { outcome: string }) => row.outcome === 'SEIZED').count).toBe(1);
    }
  });
});

describe('figures per country, for the operations room map', () => {
  const byCountry = async (viewer: Actor, operationId: string, includeUnverified = false) =>
    (await seeded.results.results(viewer, operationId, { includeUnverified, selection: 'byCountry { countryCode alertsRaised seizures }' }))
      .data.byCountry;

  it("count the alerts each country's agencies raised as the viewer may see them, and the reports seized there", async () => {
    const { world } = seeded;
    // Malaysia raised A1 and the restricted A3, Thailand A2; the WCO (no country) counts nowhere.
    expect(await byCountry(world.malaysia, world.operation.id)).toEqual([
      { countryCode: 'MY', alertsRaised: 2, seizures: 4 },
      { countryCode: 'TH', alertsRaised: 1, seizures: 3 },
    ]);
    expect(await byCountry(world.planner, world.operation.id)).toEqual([
      { countryCode: 'MY', alertsRaised: 1, seizures: 4 },
      { countryCode: 'TH', alertsRaised: 1, seizures: 3 },
    ]);
    expect(await byCountry(world.thailand, world.operation.id, true)).toEqual([
      { countryCode: 'MY', alertsRaised: 2, seizures: 5 },
      { countryCode: 'TH', alertsRaised: 1, seizures: 3 },
    ]);
  });

  it('leave out an alert its originator withdrew', async () => {
    const { kit } = seeded.world;
    const { operation, malaysia } = await kit.jointOperation();
    await operation.advanceTo('OPERATIONAL');
    const raise = async (title: string) => {
      const { result } = await kit.mutate(malaysia, 'raiseAlert', {
        operationId: operation.id,
        idempotencyKey: randomUUID(),
        distribution: 'ALL_PARTICIPANTS',
        category: 'INTELLIGENCE',
        severity: 'LOW',
        marking: 'GREEN',
        title,
      });
      expect(result?.__typename, JSON.stringify(result)).toBe('Alert');
      return result!.id as string;
    };
    await raise('Nitrate consignment re-routed via Pasir Gudang');
    const withdrawn = await raise('Nitrate consignment re-routed via Pasir Gudang (sent twice)');
    await kit.mutate(malaysia, 'withdrawAlert', { alertId: withdrawn, reason: 'Raised twice by mistake.' });
    expect(await byCountry(malaysia, operation.id)).toEqual([{ countryCode: 'MY', alertsRaised: 1, seizures: 0 }]);
  });
});

describe('who gets results', () => {
  it('an outsider, an unknown and a malformed id all get the same NOT_FOUND and nothing else', async () => {
    const answers = await Promise.all(
      [seeded.world.operation.id, 'T3BlcmF0aW9uOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA==', 'nonsense'].map((id) =>
        seeded.results.results(seeded.world.outsider, id),
      ),
    );
    expect(answers).toEqual([0, 1, 2].map(() => ({ data: null, error: 'NOT_FOUND' })));
  });
});

describe('programme results', () => {
  it('sum the operations of the programme the viewer may see, never an exercise', async () => {
    const { kit, seizures, planner, malaysia, thailand, reviewer, commodities } = seeded.world;
    const exercise = await kit.operation(planner, { exercise: true, targetCommodityIds: [commodities.ammoniumNitrate] });
    await exercise.join(malaysia);
    await exercise.join(thailand);
    await exercise.assign(reviewer, 'REVIEWER');
    await exercise.advanceTo('OPERATIONAL');
    const rehearsed = await seizures.reported(malaysia, seizureInput(exercise, commodities.ammoniumNitrate, { quantity: 7, unit: 'T' }));
    await kit.mutate(reviewer, 'verifySeizure', { seizureId: rehearsed });
    const exerciseResults = await seeded.results.results(malaysia, exercise.id);
    expect(exerciseResults.data.totals.seizures).toBe(1);

    const query = `query($from: DateTime) { programmeResults(programme: PROGRAMME_GLOBAL_SHIELD, from: $from) {
      operations seizures arrests bonusSeizures byCountryAndCommodity { key quantity unit seizures } } }`;
    const programme = await file.app.graphql(query, {}, { token: malaysia.token });
    expect(programme.data!.programmeResults).toMatchObject({ operations: 1, seizures: 7, arrests: 5, bonusSeizures: 2 });
    expect(programme.data!.programmeResults.byCountryAndCommodity[0]).toEqual({
      key: 'MY:AMMONIUM_NITRATE:KG',
      quantity: 2003.5,
      unit: 'KG',
      seizures: 3,
    });
    const outsider = await file.app.graphql(query, {}, { token: seeded.world.outsider.token });
    expect(outsider.data!.programmeResults).toEqual({
      operations: 0,
      seizures: 0,
      arrests: 0,
      bonusSeizures: 0,
      byCountryAndCommodity: [],
    });
    const later = await file.app.graphql(query, { from: '2026-06-01T00:00:00Z' }, { token: malaysia.token });
    expect(later.data!.programmeResults).toMatchObject({ operations: 1, seizures: 0 });
  });

  it('refuse a period that ends before it starts, as a validation error', async () => {
    const response = await file.app.graphql(
      '{ programmeResults(programme: PROGRAMME_GLOBAL_SHIELD, from: "2026-06-01T00:00:00Z", to: "2026-05-01T00:00:00Z") { seizures } }',
      {},
      { token: seeded.world.malaysia.token },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
