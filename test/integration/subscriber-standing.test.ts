import { findManyWithStanding, findSubscriberStanding, findWithStanding } from '@jointops/server/modules/operations/operations.repo';
import { canSeeOperation } from '@jointops/server/modules/operations/operations.policy';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import type { Viewer } from '@jointops/server/service-context';
import { describe, expect, vi } from 'vitest';
import { it } from '../testkit/fixtures';
import type { Actor } from '../testkit/operations';

// A subscription's standing is read together with the other subscriptions that start at the same
// moment (a reconnection storm), in one statement. Each ask must get its own viewer's standing,
// exactly what a statement of its own answers: an outsider asking beside members sees nothing.

const viewerOf = (actor: Actor): Viewer => ({
  userId: actor.id,
  agencyId: actor.agency.id,
  sessionId: 'not-read-here',
  isAdmin: actor.isAdmin,
  locale: 'en',
  mustChangePassword: false,
});
const shape = (found: Awaited<ReturnType<typeof findWithStanding>>) =>
  found && { operationId: found.operation.id, head: found.operation.lastEventSeq, standing: found.standing };

describe('standings read together', () => {
  it('answers every ask as its own statement would, in order, outsiders and unknown operations included', async ({
    app,
    kit,
    cast: { operation, planner, malaysia, thailand },
    outsider,
  }) => {
    const db = app.database.db;
    const operationId = uuidFromGlobalId(operation.id, 'Operation')!;
    const invited = await kit.actor(await kit.seed.agency({ countryCode: 'PH' }));
    await operation.invite(invited.agency);
    // A colleague of Malaysia's contact point who is not a member: the agency takes part, the person does not.
    const colleague = await kit.actor(malaysia.agency);
    const unknownOperation = '00000000-0000-4000-8000-000000000000';
    const asks = [planner, malaysia, outsider, thailand, invited, colleague, malaysia].map((actor) => ({
      operationId,
      viewer: viewerOf(actor),
    }));
    asks.push({ operationId: unknownOperation, viewer: viewerOf(malaysia) });

    const together = await findManyWithStanding(db, asks);
    const alone = await Promise.all(asks.map((ask) => findWithStanding(db, ask.operationId, ask.viewer)));
    expect(together.map(shape)).toEqual(alone.map(shape));
    expect(together.map((found) => !!found && canSeeOperation(found.standing))).toEqual([
      true,
      true,
      false,
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(together[2]!.standing).toMatchObject({ participation: null, memberRole: null });
  });

  it('reads the asks of one moment in fewer statements, each answer still its own viewer’s', async ({
    app,
    cast: { operation, malaysia, thailand },
    outsider,
  }) => {
    const db = app.database.db;
    const operationId = uuidFromGlobalId(operation.id, 'Operation')!;
    const people = Array.from({ length: 30 }, (_, index) => [malaysia, outsider, thailand][index % 3]!);
    // Every statement of the hub's own (prepared) kind goes through the session's prepareQuery, named.
    const prepared = vi.spyOn(db._.session, 'prepareQuery');
    const answers = await Promise.all(people.map((person) => findSubscriberStanding(db, operationId, viewerOf(person))));
    const standingStatements = prepared.mock.calls.filter(([, , name]) => String(name).startsWith('operation_standing'));
    prepared.mockRestore();
    expect(answers.map((found) => found!.standing.viewer.userId)).toEqual(people.map((person) => person.id));
    expect(answers.map((found) => canSeeOperation(found!.standing))).toEqual(people.map((person) => person !== outsider));
    // The first ask is read at once, the 29 made while it was under way together after it.
    expect(standingStatements).toHaveLength(2);
  });
});
