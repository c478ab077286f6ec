import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { ManualClock } from '../testkit/clock';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere, environment } from '../testkit/environment';
import { operationKit, type OperationKit } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import {
  bothEnded,
  follow,
  raiseAlert,
  received,
  SESSION_ENDED_OVER_SSE,
  SESSION_ENDINGS,
  timelineEnd,
  type Follower,
} from './session-channels.kit';

// Two processes of one deployment, one database and one Redis. The person follows an operation
// on process B, over SSE and over a WebSocket; their session ends on process A. B must end both
// channels within a second — through the revocation A publishes on Redis, not at B's next
// periodic re-check 30 s later — and deliver nothing raised after.

describeWhere(['postgres', 'redis'], 'a session ended on one process ends its live channels on another', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let kit: OperationKit;
  const followers: Follower[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const clock = new ManualClock();
    const env = { REDIS_URL: environment.redisUrl! };
    a = await startTestApp({ database, clock, redis: true, env });
    b = await startTestApp({ database, clock, redis: true, env });
    kit = operationKit(a);
  });
  afterEach(async () => {
    await Promise.all(followers.splice(0).map((follower) => follower.dispose()));
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.destroy();
  });

  it.each(SESSION_ENDINGS)(
    '$name on A ends the SSE stream and the WebSocket on B within a second; nothing raised after reaches them',
    async ({ name, end }) => {
      const { operation, planner, malaysia: victim, thailand: bystander } = await kit.jointOperation();
      await operation.advanceTo('PRE_OPERATIONAL');
      const admin = await kit.actor(undefined, { isAdmin: true });
      const after = await timelineEnd(operation);
      const onB = [follow(b, operation.id, victim.token, after), follow(b, operation.id, bystander.token, after)] as const;
      followers.push(...onB);
      await operation.update({ region: 'Seen on B by both while signed in' });
      await received([...onB], 'OPERATION_UPDATED');

      const started = performance.now();
      await end(a, { operation, planner, victim, bystander, admin });
      const ended = await bothEnded(onB[0], started);
      reportFigure(`${name} on A: on B, SSE ended in ${ended.sseMs} ms, WebSocket closed in ${ended.wsMs} ms`);
      expect(ended).toMatchObject({ sse: 'complete', wsCode: 4403 });

      await raiseAlert(operation, planner);
      await received([onB[1]], 'ALERT_RAISED');
      expect(onB[0].types()).toEqual({ sse: ['OPERATION_UPDATED'], ws: ['OPERATION_UPDATED'] });
      expect(onB[0].sse.received.at(-1)).toEqual(SESSION_ENDED_OVER_SSE);
      expect(b.app.channels.countOf(victim.id)).toBe(0);
    },
  );
});
