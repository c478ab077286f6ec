import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../db/client';
import type { StoredEvent } from './event-catalogue';
import { changesStanding, endsAccess, eventsVisibleTo, eventVisibleTo } from './events.policy';

// The live hub and the timeline must tell an agency the same thing: every case goes through the
// in-memory predicate and through the SQL condition, on a real database, and the two must agree
// with each other and with what the case expects.

const NORTH = '00000000-0000-4000-8000-00000000000a';
const SOUTH = '00000000-0000-4000-8000-00000000000b';
const EAST = '00000000-0000-4000-8000-00000000000c';
const names: Record<string, string> = { [NORTH]: 'north', [SOUTH]: 'south', [EAST]: 'east' };

const audiences: { audience: string[] | null; seenBy: string[] }[] = [
  { audience: null, seenBy: [NORTH, SOUTH, EAST] },
  { audience: [], seenBy: [] },
  { audience: [NORTH], seenBy: [NORTH] },
  { audience: [SOUTH], seenBy: [SOUTH] },
  { audience: [NORTH, SOUTH], seenBy: [NORTH, SOUTH] },
];
const cases = audiences.flatMap(({ audience, seenBy }) =>
  [NORTH, SOUTH, EAST].map((agencyId) => ({
    audience,
    agencyId,
    visible: seenBy.includes(agencyId),
    title: `${audience ? `[${audience.map((id) => names[id]).join(', ')}]` : 'every member'} seen by ${names[agencyId]}: ${seenBy.includes(agencyId)}`,
  })),
);

let database: Database;
beforeAll(() => {
  database = openPglite();
});
afterAll(() => database.close());

/** The SQL condition held against one row whose only column is the audience. */
async function visibleInSql(audience: string[] | null, agencyId: string): Promise<boolean> {
  const column = audience === null ? sql`null::uuid[]` : sql`${`{${audience.join(',')}}`}::uuid[]`;
  const result = (await database.db.execute(
    sql`select ${eventsVisibleTo(agencyId)} as visible from (select ${column} as audience_agency_ids) as operation_events`,
  )) as { rows: { visible: boolean }[] };
  return result.rows[0]!.visible;
}

describe('who sees an event', () => {
  it.each(cases)('$title', async ({ audience, agencyId, visible }) => {
    const inMemory = eventVisibleTo({ audienceAgencyIds: audience }, agencyId);
    const inSql = await visibleInSql(audience, agencyId);
    expect({ inMemory, inSql }).toEqual({ inMemory: visible, inSql: visible });
  });
});

const event = (fields: Pick<StoredEvent, 'type' | 'data'>) =>
  ({ operationId: 'o', seq: 1, occurredAt: new Date(0), actorUserId: null, audienceAgencyIds: null, ...fields }) as StoredEvent;
const viewer = { userId: 'ada', agencyId: NORTH };
const member = { memberId: 'm', agencyId: NORTH, role: 'OBSERVER' } as const;

describe('events that end or renew a stream', () => {
  it.each([
    {
      what: "the viewer's agency withdrawing",
      type: 'PARTICIPATION_WITHDRAWN',
      data: { participationId: 'p', agencyId: NORTH },
      ends: true,
    },
    { what: 'another agency withdrawing', type: 'PARTICIPATION_WITHDRAWN', data: { participationId: 'p', agencyId: SOUTH }, ends: false },
    { what: 'the viewer removed', type: 'MEMBER_REMOVED', data: { ...member, userId: 'ada' }, ends: true },
    { what: 'a colleague removed', type: 'MEMBER_REMOVED', data: { ...member, userId: 'bob' }, ends: false },
    { what: 'the viewer assigned a new role', type: 'MEMBER_ASSIGNED', data: { ...member, userId: 'ada' }, renews: true },
    { what: 'a colleague assigned a role', type: 'MEMBER_ASSIGNED', data: { ...member, userId: 'bob' }, renews: false },
    { what: 'an event naming the agency otherwise', type: 'ALERT_ACKNOWLEDGED', data: { alertId: 'a', agencyId: NORTH } },
    { what: 'an invitation of the agency', type: 'AGENCY_INVITED', data: { participationId: 'p', agencyId: NORTH, role: 'PARTICIPATING' } },
  ] as const)('$what', ({ type, data, ...expected }) => {
    const stored = event({ type, data } as Pick<StoredEvent, 'type' | 'data'>);
    expect({ ends: endsAccess(stored, viewer), renews: changesStanding(stored, viewer) }).toEqual({
      ends: 'ends' in expected ? expected.ends : false,
      renews: 'renews' in expected ? expected.renews : false,
    });
  });
});
