import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { encodeGlobalId } from '@jointops/server/global-id';
import { afterEach, describe, expect, vi } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import type { Actor } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import { openSse } from '../testkit/sse';
import { execute, openSocket } from '../testkit/ws';
import {
  bothEnded,
  follow,
  raiseAlert,
  received,
  SESSION_ENDED_OVER_SSE,
  SESSION_ENDINGS,
  STREAM,
  timelineEnd,
  type Cast,
  type Follower,
} from './session-channels.kit';

// A session's live channels — its WebSockets and its GraphQL-over-SSE streams alike — end with it,
// within a second, whatever ended it, and nothing raised afterwards reaches them. The attacker's
// test that found SSE streams outliving logout and deactivation is replayed here for every way a
// session ends. Also: SSE streams count against the per-person connection limit, and one address
// may hold only so many sockets before they sign in.

const MAX_PER_USER = 4;
const MAX_PENDING_PER_ADDRESS = 4;
// Two hours: the victim signs in an hour before the others, so expiry can end the victim's alone.
const ABSOLUTE_TIMEOUT_HOURS = 2;

const cleanups: (() => unknown)[] = [];
const track = <T extends { dispose(): unknown }>(thing: T): T => {
  cleanups.push(() => thing.dispose());
  return thing;
};

const it = withApp({
  env: {
    WS_MAX_CONNECTIONS_PER_USER: String(MAX_PER_USER),
    WS_MAX_PENDING_PER_ADDRESS: String(MAX_PENDING_PER_ADDRESS),
    SESSION_ABSOLUTE_TIMEOUT_SECONDS: String(ABSOLUTE_TIMEOUT_HOURS * 3600),
    // Only so that the per-address test can speak from a second address (X-Forwarded-For).
    TRUST_PROXY: 'true',
  },
});
const file = fileHandles(it);
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const fresh = async (actor: Actor): Promise<Actor> => ({ ...actor, token: (await file.kit.seed.signIn(actor)).token });

/**
 * A joint operation in its pre-operational phase, where alerts are raised; the victim (Malaysia's
 * contact point) signed in an hour before the others.
 */
async function story(): Promise<Cast> {
  const { operation, planner, malaysia, thailand } = await file.kit.jointOperation();
  await operation.advanceTo('PRE_OPERATIONAL');
  const admin = await file.kit.actor(undefined, { isAdmin: true });
  file.app.clock.advance({ hours: 1 });
  return { operation, planner: await fresh(planner), victim: malaysia, bystander: await fresh(thailand), admin };
}

/** The victim and the bystander follow the operation over both transports, proven live by one event. */
async function following(cast: Cast): Promise<{ victim: Follower; bystander: Follower }> {
  const after = await timelineEnd(cast.operation, cast.planner);
  const victim = track(follow(file.app, cast.operation.id, cast.victim.token, after));
  const bystander = track(follow(file.app, cast.operation.id, cast.bystander.token, after));
  await cast.operation.update({ region: 'Seen by both while signed in' }, cast.planner);
  await received([victim, bystander], 'OPERATION_UPDATED');
  return { victim, bystander };
}

/** What the victim received, once their channels have ended: nothing after the session ended. */
async function nothingReachedTheVictimAfter(victim: Follower, bystander: Follower): Promise<void> {
  await received([bystander], 'ALERT_RAISED');
  expect(victim.types()).toEqual({ sse: ['OPERATION_UPDATED'], ws: ['OPERATION_UPDATED'] });
  expect(victim.sse.received.at(-1)).toEqual(SESSION_ENDED_OVER_SSE);
}

describe('a session that ends takes every live channel with it', () => {
  it.each(SESSION_ENDINGS)(
    '$name ends its SSE stream and its WebSocket within a second, and nothing raised after reaches them',
    async ({ name, end }) => {
      const cast = await story();
      const { victim, bystander } = await following(cast);

      const started = performance.now();
      await end(file.app, cast);
      const ended = await bothEnded(victim, started);
      reportFigure(`${name}: SSE ended in ${ended.sseMs} ms, WebSocket closed in ${ended.wsMs} ms`);

      expect(ended).toMatchObject({ sse: 'complete', wsCode: 4403 });
      await raiseAlert(cast.operation, cast.planner);
      await nothingReachedTheVictimAfter(victim, bystander);
    },
  );

  it('expiry ends both at the periodic re-check', async () => {
    const cast = await story();
    const { victim, bystander } = await following(cast);

    file.app.clock.advance({ hours: ABSOLUTE_TIMEOUT_HOURS - 0.5 });
    const started = performance.now();
    // The server runs this check every 30 s; the test runs it now instead of waiting.
    await file.app.app.live.revalidate();
    const ended = await bothEnded(victim, started);
    reportFigure(`expiry at the re-check: SSE ended in ${ended.sseMs} ms, WebSocket closed in ${ended.wsMs} ms`);

    expect(ended).toMatchObject({ sse: 'complete', wsCode: 4403 });
    await raiseAlert(cast.operation, cast.planner);
    await nothingReachedTheVictimAfter(victim, bystander);
  });

  it('an expired session receives nothing even before the re-check: its streams end at the next event instead', async () => {
    const cast = await story();
    const { victim, bystander } = await following(cast);

    file.app.clock.advance({ hours: ABSOLUTE_TIMEOUT_HOURS - 0.5 });
    const started = performance.now();
    await raiseAlert(cast.operation, cast.planner);
    expect(await bothEnded(victim, started)).toMatchObject({ sse: 'complete', wsCode: 4403 });
    await nothingReachedTheVictimAfter(victim, bystander);
  });

  it("leaves the person's other sessions and other people's channels open", async () => {
    const cast = await story();
    const { victim, bystander } = await following(cast);
    const otherSession = track(
      follow(file.app, cast.operation.id, (await fresh(cast.victim)).token, await timelineEnd(cast.operation, cast.planner)),
    );

    await SESSION_ENDINGS[0]!.end(file.app, cast);
    await bothEnded(victim, performance.now());

    await raiseAlert(cast.operation, cast.planner);
    await received([bystander, otherSession], 'ALERT_RAISED');
    expect(file.app.app.channels.countOf(cast.victim.id)).toBe(2);
  });
});

describe('the per-person connection limit', () => {
  it('counts SSE streams with sockets, refuses one more with TOO_MANY_CONNECTIONS, and frees the place when one closes', async ({
    cast: { operation, malaysia, planner },
  }) => {
    // From the timeline's end, not from whenever the stream's subscription is set up: the update
    // below could otherwise be made before the replacement joined the feed, and never reach it.
    const variables = { id: operation.id, after: await timelineEnd(operation, planner) };
    const sse = () => {
      const stream = openSse(`${file.app.url}/graphql`, STREAM, variables, { authorization: `Bearer ${malaysia.token}` });
      cleanups.push(() => stream.close());
      return stream;
    };
    const sockets = [
      track(openSocket(file.app.wsUrl, { token: malaysia.token })),
      track(openSocket(file.app.wsUrl, { token: malaysia.token })),
    ];
    for (const socket of sockets) expect((await execute(socket, '{ me { id } }')).data).toEqual({ me: { id: malaysia.globalId } });
    // A stream refused at its start gives its place back.
    const unknown = openSse(
      `${file.app.url}/graphql`,
      STREAM,
      { id: encodeGlobalId('Operation', randomUUID()) },
      { authorization: `Bearer ${malaysia.token}` },
    );
    expect(await unknown.ended).toBe('complete');
    expect(unknown.received).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })] }]);
    expect(file.app.app.channels.countOf(malaysia.id)).toBe(2);

    const [first] = [sse(), sse()];
    await vi.waitFor(() => expect(file.app.app.channels.countOf(malaysia.id)).toBe(MAX_PER_USER));

    const refused = sse();
    expect(await refused.ended).toBe('complete');
    expect(refused.received).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'TOO_MANY_CONNECTIONS' } })] }]);
    expect((await track(openSocket(file.app.wsUrl, { token: malaysia.token })).closed).code).toBe(4429);

    first!.close();
    await vi.waitFor(() => expect(file.app.app.channels.countOf(malaysia.id)).toBe(MAX_PER_USER - 1));
    const replacement = sse();
    await operation.update({ region: 'Seen by the replacement' });
    await replacement.until((payloads) => payloads.some((payload) => payload.data?.operationEvents.type === 'OPERATION_UPDATED'));
  });
});

describe('sockets not yet signed in, per source address', () => {
  const raw = (headers: Record<string, string> = {}) => {
    const socket = new WebSocket(file.app.wsUrl, 'graphql-transport-ws', { headers });
    // A refused upgrade is an error event too; the test reads the refusal from the response.
    socket.on('error', () => undefined);
    cleanups.push(() => socket.terminate());
    const opened = new Promise<number>((resolve) => {
      socket.once('open', () => resolve(101));
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    });
    return { socket, opened };
  };

  it(`are refused with 429 beyond ${MAX_PENDING_PER_ADDRESS}, until one signs in or goes away`, async () => {
    const actor = await file.kit.actor();
    const pending = Array.from({ length: MAX_PENDING_PER_ADDRESS }, () => raw());
    expect(await Promise.all(pending.map((attempt) => attempt.opened))).toEqual(Array(MAX_PENDING_PER_ADDRESS).fill(101));

    expect(await raw().opened).toBe(429);
    // Another address is not held back by this one.
    expect(await raw({ 'x-forwarded-for': '203.0.113.7' }).opened).toBe(101);

    // One signs in: it no longer counts, and a new socket is let in.
    const signingIn = pending[0]!.socket;
    const acknowledged = new Promise((resolve) => signingIn.once('message', resolve));
    signingIn.send(JSON.stringify({ type: 'connection_init', payload: { token: actor.token } }));
    expect(JSON.parse(String(await acknowledged))).toEqual({ type: 'connection_ack' });
    expect(await raw().opened).toBe(101);
    expect(await raw().opened).toBe(429);

    // One goes away: its place is free again.
    const leaving = pending[1]!.socket;
    await new Promise((resolve) => {
      leaving.once('close', resolve);
      leaving.close();
    });
    await vi.waitFor(async () => expect(await raw().opened).toBe(101));
  });
});
