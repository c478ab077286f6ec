import { afterEach, describe, expect, vi } from 'vitest';
import { it } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import type { Actor, OperationDriver } from '../testkit/operations';
import { openSse } from '../testkit/sse';
import { follow, received, STREAM, timelineEnd, type Follower, type StreamEvent } from './session-channels.kit';

// Standing, not sessions: a person whose agency is withdrawn from an operation, or who is removed
// from it, keeps their session but may no longer see the operation. Their live streams of it end
// at the withdrawal or removal — over SSE as over WebSocket — and nothing after reaches them, even
// for a stream that was being opened at the very moment the withdrawal was committed.

// A hook into the standing check of the subscription, to commit a withdrawal right after it: the
// narrowest race there is between "may see the operation" and "the stream starts here".
const race = vi.hoisted(() => ({ afterStandingRead: null as null | { userId: string; run: () => Promise<unknown> } }));
vi.mock('@jointops/server/modules/operations/operations.repo', async (importOriginal) => {
  const original = await importOriginal<typeof import('@jointops/server/modules/operations/operations.repo')>();
  return {
    ...original,
    findSubscriberStanding: async (...args: Parameters<typeof original.findSubscriberStanding>) => {
      const found = await original.findSubscriberStanding(...args);
      const hook = race.afterStandingRead;
      if (hook?.userId === args[2].userId) {
        race.afterStandingRead = null;
        await hook.run();
      }
      return found;
    },
  };
});

const followers: Follower[] = [];

const file = fileHandles(it);
afterEach(async () => {
  await Promise.all(followers.splice(0).map((follower) => follower.dispose()));
});

const REMOVE = 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { __typename } }';

async function memberIdOf(operation: OperationDriver, person: Actor): Promise<string> {
  const members = (await operation.view(operation.coordinator, 'members { id user { id } }'))!.members as {
    id: string;
    user: { id: string };
  }[];
  return members.find((member) => member.user.id === person.globalId)!.id;
}

/** Both of the person's streams completed, and all they got was the update before `what`. */
async function endedAt(follower: Follower, what: string): Promise<void> {
  expect(await follower.sse.ended, `the SSE stream after ${what}`).toBe('complete');
  await follower.ws.until((subscription) => subscription.completed, 2_000);
  expect(follower.types()).toEqual({ sse: ['OPERATION_UPDATED'], ws: ['OPERATION_UPDATED'] });
}

describe('losing one’s standing in an operation ends its live streams', () => {
  it.each([
    {
      what: 'the withdrawal of their agency',
      lose: (operation: OperationDriver, person: Actor) => operation.withdraw(person.agency, 'No longer available for this operation'),
    },
    {
      what: 'their removal from the operation',
      lose: async (operation: OperationDriver, person: Actor) =>
        file.app.graphql(
          REMOVE,
          { input: { operationId: operation.id, memberId: await memberIdOf(operation, person) } },
          { token: operation.coordinator.token },
        ),
    },
  ])('$what ends their SSE stream and their WebSocket subscription; nothing after reaches them', async ({ what, lose }) => {
    const { operation, malaysia, thailand } = await file.kit.jointOperation();
    const after = await timelineEnd(operation);
    const person = follow(file.app, operation.id, malaysia.token, after);
    const bystander = follow(file.app, operation.id, thailand.token, after);
    followers.push(person, bystander);
    await operation.update({ region: 'Seen by both while taking part' });
    await received([person, bystander], 'OPERATION_UPDATED');

    await lose(operation, malaysia);
    await operation.update({ region: 'After they left' });
    await received([bystander], 'OPERATION_UPDATED', 2);

    await endedAt(person, what);
  });

  it('ends a stream being opened while the withdrawal commits, before it delivers anything', async ({
    cast: { operation, malaysia, thailand },
  }) => {
    const bystander = follow(file.app, operation.id, thailand.token, await timelineEnd(operation));
    followers.push(bystander);
    await operation.update({ region: 'Before the withdrawal' });
    await received([bystander], 'OPERATION_UPDATED');

    // Live from now on, no cursor: the stream starts where the operation's log is when it opens.
    race.afterStandingRead = {
      userId: malaysia.id,
      run: () => operation.withdraw(malaysia.agency, 'Withdrawn while their stream was opening'),
    };
    const stream = openSse<StreamEvent>(
      `${file.app.url}/graphql`,
      STREAM,
      { id: operation.id },
      { authorization: `Bearer ${malaysia.token}` },
    );
    await vi.waitFor(() => expect(race.afterStandingRead).toBeNull());
    await operation.update({ region: 'After the withdrawal' });
    await received([bystander], 'OPERATION_UPDATED', 2);

    expect(stream.received).toEqual([]);
    expect(await stream.ended).toBe('complete');
  });
});
