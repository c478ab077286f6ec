import { randomUUID } from 'node:crypto';
import type { TestApp } from '../testkit/app';
import { operationKit, type Actor } from '../testkit/operations';
import { seizureInput, seizureKit } from '../testkit/seizures';
import type { it as fixtureTest } from '../testkit/fixtures';
import { fileValue } from '../testkit/file-handles';
import { resultsKit } from '../testkit/results';

// The operation whose results the tests compute by hand. The WCO coordinates; Malaysian and Thai
// customs take part; a WCO reviewer verifies. Targets: ammonium nitrate, detonating cord, detonators.
//
//  report  by  country commodity          quantity   found by         transport arrests status
//  S1      MY  MY      ammonium nitrate   500 g      X_RAY            SEA       1       VERIFIED (answers A1)
//  S2      MY  MY      ammonium nitrate   2 t        X_RAY            SEA       2       VERIFIED (answers A3)
//  S3      MY  MY      ammonium nitrate   3 kg       CANINE           ROAD      0       VERIFIED
//  S4      MY  MY      detonators         40 pieces  X_RAY            SEA       0       VERIFIED
//  S5      TH  TH      detonating cord    150 m      PHYSICAL_SEARCH  ROAD      1       VERIFIED
//  S6      TH  TH      "Cocaine" (other)  1.5 kg     CANINE           AIR       1       VERIFIED (bonus, OTHER)
//  S7      TH  TH      UAV (not a target) 3 pieces   X_RAY            COURIER   0       VERIFIED (bonus, UAV)
//  S8      MY  MY      ammonium nitrate   1 t        X_RAY            SEA       5       SUBMITTED
//  S9      MY  MY      nitric acid        200 L      X_RAY            SEA       0       REJECTED
//  S10     MY  MY      ammonium nitrate   9 t        X_RAY            SEA       0       DRAFT
//
// Alerts, raised at t0 (the readiness TEST alert before them never counts):
//  A1  by MY, to all, MEDIUM (240 min), GREEN: TH acknowledges at 10 min, the WCO at 30; SEIZED by S1
//  A2  by TH, to all, HIGH (60 min), AMBER, a PASSENGER on flight MH123: MY acknowledges at 70 min
//      (late), the WCO never (overdue); MY answers NOTHING_FOUND
//  A3  by MY, RESTRICTED to TH, CRITICAL (15 min), RED: TH acknowledges at 5 min; SEIZED by S2
// The clock stops at 70 min. The WCO is not named on A3: for its people A3 does not exist.

export const PASSENGER_FLIGHT = 'MH123';

export async function seedResultsOperation(testApp: TestApp) {
  const kit = operationKit(testApp);
  const seizures = seizureKit(kit);
  const someone = await kit.actor();
  const code = (name: string) => seizures.commodity(someone, name);
  const [ammoniumNitrate, detonatingCord, detonator, uav, nitricAcid] = (await Promise.all(
    ['AMMONIUM_NITRATE', 'DETONATING_CORD', 'DETONATOR', 'UAV', 'NITRIC_ACID'].map(code),
  )) as [string, string, string, string, string];
  const targets = [ammoniumNitrate, detonatingCord, detonator];
  const room = await kit.jointOperation({ targetCommodityIds: targets });
  const { operation, planner, malaysia, thailand } = room;
  const reviewer = await kit.actor(planner.agency);
  await operation.assign(reviewer, 'REVIEWER');
  const outsider = await kit.actor(await kit.seed.agency({ countryCode: 'VN' }));
  await operation.advanceTo('OPERATIONAL');

  const raise = async (by: Actor, input: Record<string, unknown>) => {
    const { result } = await kit.mutate(by, 'raiseAlert', {
      operationId: operation.id,
      idempotencyKey: randomUUID(),
      distribution: 'ALL_PARTICIPANTS',
      ...input,
    });
    if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
    return { id: result.id as string, reference: result.reference as string };
  };
  const a1 = await raise(malaysia, {
    category: 'INTELLIGENCE',
    severity: 'MEDIUM',
    title: 'AN consignment via Port Klang',
    marking: 'GREEN',
  });
  const a2 = await raise(thailand, {
    category: 'PASSENGER',
    severity: 'HIGH',
    title: 'Courier carrying detonators',
    marking: 'AMBER',
    subject: { travelDocumentCountry: 'TH', flightNumber: PASSENGER_FLIGHT, route: { origin: 'TH', destination: 'MY' } },
  });
  const a3 = await raise(malaysia, {
    category: 'INTELLIGENCE',
    severity: 'CRITICAL',
    title: 'Diversion to a named buyer',
    marking: 'RED',
    distribution: 'RESTRICTED',
    recipientAgencyIds: [thailand.agency.globalId],
  });
  const minutes = (n: number) => testApp.clock.advance({ seconds: n * 60 });
  minutes(5);
  await operation.acknowledge(a3.id, thailand);
  minutes(5);
  await operation.acknowledge(a1.id, thailand);
  minutes(20);
  await operation.acknowledge(a1.id, planner);
  minutes(40);
  await operation.acknowledge(a2.id, malaysia);
  await kit.mutate(malaysia, 'giveAlertFeedback', { alertId: a2.id, outcome: 'NOTHING_FOUND', note: 'Passenger searched on arrival.' });

  const report = (by: Actor, commodityId: string | null, overrides: Record<string, unknown>) =>
    seizures.reported(by, seizureInput(operation, commodityId, { arrests: 0, countryCode: by === thailand ? 'TH' : 'MY', ...overrides }));
  const verify = async (id: string) => {
    const { result } = await kit.mutate(reviewer, 'verifySeizure', { seizureId: id });
    if (result?.status !== 'VERIFIED') throw new Error(`verifySeizure failed: ${JSON.stringify(result)}`);
  };
  const verified = [
    await report(malaysia, ammoniumNitrate, { quantity: 500, unit: 'G', arrests: 1, linkedAlertIds: [a1.id] }),
    await report(malaysia, ammoniumNitrate, { quantity: 2, unit: 'T', arrests: 2, linkedAlertIds: [a3.id] }),
    await report(malaysia, ammoniumNitrate, { quantity: 3, unit: 'KG', detectionMethod: 'CANINE', transportMode: 'ROAD' }),
    await report(malaysia, detonator, { quantity: 40, unit: 'PIECES' }),
    await report(thailand, detonatingCord, {
      quantity: 150,
      unit: 'M',
      detectionMethod: 'PHYSICAL_SEARCH',
      transportMode: 'ROAD',
      arrests: 1,
    }),
    await report(thailand, null, {
      commodityDescription: 'Cocaine',
      quantity: 1.5,
      unit: 'KG',
      detectionMethod: 'CANINE',
      transportMode: 'AIR',
      arrests: 1,
    }),
    await report(thailand, uav, { quantity: 3, unit: 'PIECES', transportMode: 'COURIER' }),
  ];
  for (const id of verified) await verify(id);
  await report(malaysia, ammoniumNitrate, { quantity: 1, unit: 'T', arrests: 5 });
  const rejected = await report(malaysia, nitricAcid, { quantity: 200, unit: 'L' });
  await kit.mutate(reviewer, 'rejectSeizure', { seizureId: rejected, reason: 'Laboratory found water.' });
  await report(malaysia, ammoniumNitrate, { quantity: 9, unit: 'T', submit: false });

  return {
    kit,
    seizures,
    operation,
    planner,
    malaysia,
    thailand,
    reviewer,
    outsider,
    alerts: { a1, a2, a3 },
    commodities: { ammoniumNitrate, detonatingCord, detonator, uav },
  };
}

export type ResultsWorld = Awaited<ReturnType<typeof seedResultsOperation>>;

/**
 * The operation seeded once for the file, and the results' helpers on its app: read `seeded.world`
 * and `seeded.results` inside a test or hook.
 */
export function seededResults(test: typeof fixtureTest) {
  const seeded = fileValue(test, async ({ app }) => ({ results: resultsKit(app), world: await seedResultsOperation(app) }));
  return {
    get world() {
      return seeded().world;
    },
    get results() {
      return seeded().results;
    },
  };
}
