import { randomUUID } from 'node:crypto';
import { shapeCounts } from '@jointops/server/db/statements-by-shape';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver } from '../testkit/operations';

// The operation's page, read by one agency after another with the same document, is one statement
// built once: each reader's need-to-know goes in as its own values. Malaysian customs send a
// TLP:RED tip-off to Thai customs alone; Indonesia, the coordinators and an outsider, reading
// right after the two who may see it, with the statement Malaysia's read built, see nothing of it.

const ROOM = { indonesia: true, outsider: 'VN' } as const;
const RED_TITLE = 'Diversion of ammonium nitrate to a named buyer';
const GREEN_TITLE = 'Same buyer, second route';
/** Raised to every participant when the operation went live. */
const READINESS_TITLE = 'Readiness test: please acknowledge';
const PAGE = `query($id: ID!) { operation(id: $id) { code
  participations { role status agency { name countryCode } }
  alerts(first: 50) { edges { node { title severity raisedAt raisedByAgency { name countryCode } } } } } }`;

const tipOff = (operation: OperationDriver, overrides: Record<string, unknown>) => ({
  operationId: operation.id,
  idempotencyKey: randomUUID(),
  category: 'INTELLIGENCE',
  severity: 'HIGH',
  title: RED_TITLE,
  description: 'Source reporting: the consignee resells to a known bomb-maker.',
  ...overrides,
});

describe('an operation page read by one agency after another', () => {
  it('is built once, and each reader still sees only what their agency may', async ({ app, kit }) => {
    const { operation, malaysia, thailand, indonesia, planner, outsider } = await operationalRoom(kit, ROOM);
    for (const input of [
      tipOff(operation, { marking: 'RED', distribution: 'RESTRICTED', recipientAgencyIds: [thailand.agency.globalId] }),
      tipOff(operation, { title: GREEN_TITLE, marking: 'GREEN', distribution: 'ALL_PARTICIPANTS' }),
    ]) {
      expect((await kit.mutate(malaysia, 'raiseAlert', input)).result).toMatchObject({ __typename: 'Alert' });
    }

    const page = async (reader: Actor) => {
      const response = await app.graphql(PAGE, { id: operation.id }, { token: reader.token });
      expect(response.errors).toBeUndefined();
      const found = response.data!.operation as { alerts: { edges: { node: { title: string } }[] } } | null;
      return found ? found.alerts.edges.map((edge) => edge.node.title) : null;
    };
    // The first read of the page builds its statement; every later reader's read reuses it.
    expect(await page(malaysia)).toEqual([GREEN_TITLE, RED_TITLE, READINESS_TITLE]);
    const before = { ...shapeCounts };
    const seen = {
      thailand: await page(thailand),
      indonesia: await page(indonesia),
      planner: await page(planner),
      outsider: await page(outsider),
      malaysia: await page(malaysia),
    };
    expect({ built: shapeCounts.built - before.built, reused: shapeCounts.reused - before.reused }).toEqual({ built: 0, reused: 5 });
    expect(seen).toEqual({
      thailand: [GREEN_TITLE, RED_TITLE, READINESS_TITLE],
      indonesia: [GREEN_TITLE, READINESS_TITLE],
      planner: [GREEN_TITLE, READINESS_TITLE],
      outsider: null,
      malaysia: [GREEN_TITLE, RED_TITLE, READINESS_TITLE],
    });
  });
});
