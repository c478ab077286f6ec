import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { encodeGlobalId } from '@jointops/server/global-id';
import { operationalRoom } from '../testkit/operational-room';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';

// A journal reads the timeline the other way round: newest first, a page at a time going back,
// narrowed to one kind of event or one agency. Whatever the order or the filter, an agency sees
// exactly what it saw before: a RESTRICTED alert stays out of the pages of those it was not for.

let kit: OperationKit;

it.beforeAll(({ kit: fileKit }) => {
  kit = fileKit;
});

interface Edge {
  cursor: string;
  node: { __typename: string; type: string; actor: { id: string } | null };
}

interface Room {
  operation: OperationDriver;
  planner: Actor;
  malaysia: Actor;
  thailand: Actor;
  restrictedAlertId: string;
}

let room: Promise<Room> | undefined;

/**
 * The usual cast taken to OPERATIONAL (readiness test acknowledged by both), with a reviewer
 * assigned, the plan updated, and an alert RESTRICTED to Malaysia: read by every test, written once.
 */
function sharedRoom(): Promise<Room> {
  room ??= (async () => {
    const { operation, planner, malaysia, thailand } = await operationalRoom(kit, {
      reviewer: true,
      beforeGoingLive: (planned: OperationDriver) =>
        planned.update({ objectives: 'Intercept precursor chemicals diverted from licit trade.' }),
    });
    const { result } = await kit.mutate(planner, 'raiseAlert', {
      operationId: operation.id,
      idempotencyKey: randomUUID(),
      category: 'INTELLIGENCE',
      severity: 'HIGH',
      title: 'Broker in Port Klang rerouting ammonium nitrate',
      marking: 'AMBER',
      distribution: 'RESTRICTED',
      recipientAgencyIds: [malaysia.agency.globalId],
    });
    if (result?.__typename !== 'Alert') throw new Error(`raising the restricted alert failed: ${JSON.stringify(result)}`);
    return { operation, planner, malaysia, thailand, restrictedAlertId: result.id };
  })();
  return room;
}

async function timeline(
  operation: OperationDriver,
  viewer: Actor,
  args: string,
): Promise<{ edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
  const seen = await operation.view(
    viewer,
    `timeline(${args}) { edges { cursor node { __typename type actor { id } ... on AlertRaisedEvent { alert { id } } } } pageInfo { hasNextPage endCursor } }`,
  );
  return seen!.timeline;
}

const cursorsOf = (edges: Edge[]) => edges.map((edge) => edge.cursor);

describe('the timeline, newest first', () => {
  it('holds the same events as oldest first, the other way round, and pages back in time without a gap', async () => {
    const { operation, malaysia } = await sharedRoom();
    const oldestFirst = await timeline(operation, malaysia, 'first: 500');
    const newestFirst = await timeline(operation, malaysia, 'first: 500, newestFirst: true');
    expect(oldestFirst.edges.length).toBeGreaterThan(12);
    expect(cursorsOf(newestFirst.edges)).toEqual(cursorsOf(oldestFirst.edges).reverse());
    expect(newestFirst.edges[0]!.node.type).toBe('ALERT_RAISED');

    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await timeline(operation, malaysia, `first: 4, newestFirst: true${after ? `, after: "${after}"` : ''}`);
      expect(page.edges.length).toBeLessThanOrEqual(4);
      paged.push(...cursorsOf(page.edges));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(cursorsOf(newestFirst.edges));
  });

  it('shows a new event on its first page', async () => {
    const { operation, planner } = await sharedRoom();
    const before = await timeline(operation, planner, 'first: 3, newestFirst: true');
    await operation.update({ region: 'South and South-East Asia' });
    const after = await timeline(operation, planner, 'first: 3, newestFirst: true');
    expect(after.edges[0]!.node.type).toBe('OPERATION_UPDATED');
    expect(cursorsOf(after.edges).slice(1)).toEqual(cursorsOf(before.edges).slice(0, 2));
  });
});

describe('a member assigned twice', () => {
  it('keeps on each event the role that assignment gave', async ({ cast: { operation, planner } }) => {
    const analyst = await kit.actor(planner.agency);
    await operation.assign(analyst, 'REVIEWER');
    await operation.assign(analyst, 'OBSERVER');
    const seen = await operation.view(
      planner,
      'timeline(first: 500, typename: "MemberAssignedEvent") { edges { node { ... on MemberAssignedEvent { role member { role } } } } }',
    );
    expect(seen!.timeline.edges.map((edge: { node: unknown }) => edge.node).slice(-2)).toEqual([
      { role: 'REVIEWER', member: { role: 'OBSERVER' } },
      { role: 'OBSERVER', member: { role: 'OBSERVER' } },
    ]);
  });
});

describe('the timeline, filtered', () => {
  it('by type: only events of that GraphQL type, in either order; an unknown type matches nothing', async () => {
    const { operation, planner } = await sharedRoom();
    const advanced = await timeline(operation, planner, 'first: 500, typename: "PhaseAdvancedEvent"');
    expect(advanced.edges.map((edge) => edge.node.__typename)).toEqual(['PhaseAdvancedEvent', 'PhaseAdvancedEvent']);
    const participation = await timeline(operation, planner, 'first: 500, newestFirst: true, typename: "ParticipationChangedEvent"');
    expect(participation.edges.map((edge) => edge.node.type)).toEqual([
      'INVITATION_ACCEPTED',
      'AGENCY_INVITED',
      'INVITATION_ACCEPTED',
      'AGENCY_INVITED',
    ]);
    expect((await timeline(operation, planner, 'first: 500, typename: "NoSuchEvent"')).edges).toEqual([]);
  });

  it('by type, page by page: each page full until the last, none repeated', async () => {
    const { operation, planner } = await sharedRoom();
    const all = await timeline(operation, planner, 'first: 500, newestFirst: true, typename: "ParticipationChangedEvent"');
    const first = await timeline(operation, planner, 'first: 3, newestFirst: true, typename: "ParticipationChangedEvent"');
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await timeline(
      operation,
      planner,
      `first: 3, newestFirst: true, typename: "ParticipationChangedEvent", after: "${first.pageInfo.endCursor}"`,
    );
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...cursorsOf(first.edges), ...cursorsOf(rest.edges)]).toEqual(cursorsOf(all.edges));
  });

  it('by agency: what its people did and what concerns it, nothing of the others', async () => {
    const { operation, planner, thailand } = await sharedRoom();
    const thai = await timeline(operation, planner, `first: 500, agencyId: "${thailand.agency.globalId}"`);
    expect(thai.edges.map((edge) => [edge.node.type, edge.node.actor?.id])).toEqual([
      ['AGENCY_INVITED', planner.globalId],
      ['INVITATION_ACCEPTED', thailand.globalId],
      ['ALERT_ACKNOWLEDGED', thailand.globalId],
    ]);
    const nobody = encodeGlobalId('Agency', randomUUID());
    expect((await timeline(operation, planner, `first: 500, agencyId: "${nobody}"`)).edges).toEqual([]);
    expect((await timeline(operation, planner, 'first: 500, agencyId: "not an id"')).edges).toEqual([]);
  });

  it('keeps need-to-know: a RESTRICTED alert is on the pages of its recipients only, whatever the filter', async () => {
    const { operation, planner, malaysia, thailand, restrictedAlertId } = await sharedRoom();
    const raisedFor = async (viewer: Actor, args: string) =>
      (await timeline(operation, viewer, `first: 500, typename: "AlertRaisedEvent"${args}`)).edges.map(
        (edge) => (edge.node as unknown as { alert: { id: string } }).alert.id,
      );
    expect(await raisedFor(malaysia, ', newestFirst: true')).toContain(restrictedAlertId);
    for (const args of [
      '',
      ', newestFirst: true',
      `, agencyId: "${planner.agency.globalId}"`,
      `, newestFirst: true, agencyId: "${planner.agency.globalId}"`,
    ]) {
      const seen = await raisedFor(thailand, args);
      expect(seen).toHaveLength(1);
      expect(seen).not.toContain(restrictedAlertId);
    }
  });
});
