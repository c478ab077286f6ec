import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import { liveResultsCounts } from '@jointops/server/modules/results/results-live';
import type { Actor, OperationDriver } from '../testkit/operations';
import { seizureInput, seizureKit } from '../testkit/seizures';
import { openSocket, subscribe, type LiveSubscription } from '../testkit/ws';

// The operations rooms' figures, pushed by the server (`operationResultsChanged`): the current
// figures at once, then fresh ones after the events that change them, at most once a second,
// read once per agency for all its viewers, and each viewer's own: an alert restricted to other
// agencies never counts for them, and a viewer whose agency leaves stops receiving.

const WATCH = `subscription($operationId: ID!) {
  operationResultsChanged(operationId: $operationId, includeUnverified: true) {
    totals { seizures alertsRaised }
    byCountryAndCommodity { key label quantity }
  }
}`;
type Figures = {
  operationResultsChanged: {
    totals: { seizures: number; alertsRaised: number };
    byCountryAndCommodity: { key: string; label: string; quantity: number }[];
  };
};

const file = fileHandles(it);

function watch(operation: OperationDriver, viewer: Actor): LiveSubscription<Figures> {
  const socket = openSocket(file.app.wsUrl, { token: viewer.token });
  file.sockets.push(socket);
  return subscribe<Figures>(socket, WATCH, { operationId: operation.id });
}

const latest = (live: LiveSubscription<Figures>) => live.received.at(-1)?.operationResultsChanged;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live results', () => {
  it('sends the figures at once, then after each seizure report, read once per agency however many watch', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    await operation.advanceTo('OPERATIONAL');
    const seizures = seizureKit(file.kit);
    const ammonium = await seizures.commodity(malaysia, 'AMMONIUM_NITRATE');
    const frenchColleague = await file.kit.seed.user({ agency: thailand.agency, locale: 'fr' });
    await operation.assign(frenchColleague, 'CONTACT_POINT');
    const francophone = { ...thailand, ...frenchColleague, token: (await file.kit.seed.signIn(frenchColleague)).token };
    const thai = [watch(operation, thailand), watch(operation, thailand), watch(operation, francophone)];
    const malaysian = watch(operation, malaysia);
    const everyone = [...thai, malaysian];
    for (const live of everyone) await live.until((s) => s.received.length === 1);
    expect(latest(malaysian)!.totals.seizures).toBe(0);

    // After the interval of the first tick, so that the report's tick is a tick of its own.
    await sleep(1_100);
    const readsBefore = liveResultsCounts.reads;
    await seizures.reported(malaysia, seizureInput(operation, ammonium));
    for (const live of everyone) await live.until((s) => latest(s)!.totals.seizures === 1);
    // One read for each agency watching, not one per viewer: Thailand's three share one.
    expect(liveResultsCounts.reads - readsBefore).toBe(2);
    for (const live of everyone) expect(live.received).toHaveLength(2);
    const rows = (live: LiveSubscription<Figures>) => latest(live)!.byCountryAndCommodity;
    expect(rows(thai[0]!)).toEqual([{ key: 'MY:AMMONIUM_NITRATE:KG', label: expect.any(String), quantity: 24_000 }]);
    // The same sums, in each viewer's own language.
    expect(rows(thai[2]!)[0]!.label).not.toBe(rows(thai[0]!)[0]!.label);
  });

  it('sends a burst of reports as a few updates, the last one with every report', async ({ cast: { operation, malaysia } }) => {
    await operation.advanceTo('OPERATIONAL');
    const seizures = seizureKit(file.kit);
    const ammonium = await seizures.commodity(malaysia, 'AMMONIUM_NITRATE');
    const live = watch(operation, malaysia);
    await live.until((s) => s.received.length === 1);

    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => seizures.reported(malaysia, seizureInput(operation, ammonium))));
    await live.until((s) => latest(s)!.totals.seizures === 8, 10_000);
    const seconds = (Date.now() - started) / 1_000;
    // The first at once, then at most one a second while reports keep coming.
    expect(live.received.length - 1).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect(live.received.length - 1).toBeLessThan(8);
  });

  it("never counts for a viewer an alert restricted to other agencies, and stops when the viewer's agency leaves", async ({
    cast: { operation, planner, malaysia, thailand },
  }) => {
    await operation.advanceTo('OPERATIONAL');
    const thai = watch(operation, thailand);
    const malaysian = watch(operation, malaysia);
    for (const live of [thai, malaysian]) await live.until((s) => s.received.length === 1);

    await operation.raiseAlert(planner, 'Consignee flagged by the Malaysian risk unit', {
      distribution: 'RESTRICTED',
      recipientAgencyIds: [malaysia.agency.globalId],
    });
    await malaysian.until((s) => latest(s)!.totals.alertsRaised === 1);
    await operation.raiseAlert(planner, 'Vessel diverted towards Songkhla');
    await malaysian.until((s) => latest(s)!.totals.alertsRaised === 2);
    await thai.until((s) => latest(s)!.totals.alertsRaised === 1);
    expect(thai.received.map((figures) => figures.operationResultsChanged.totals.alertsRaised)).toEqual([0, 1]);

    await operation.withdraw(thailand.agency, 'Left the operation at its own request');
    await thai.until((s) => s.completed);
    await operation.raiseAlert(planner, 'Second vessel diverted');
    await malaysian.until((s) => latest(s)!.totals.alertsRaised === 3);
    expect(thai.received).toHaveLength(2);
    expect(thai.errors).toBeUndefined();
  });
});
