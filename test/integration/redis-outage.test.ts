import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere } from '../testkit/environment';
import { operationKit } from '../testkit/operations';
import { startPrivateRedis, type PrivateRedis } from '../testkit/redis-server';
import { openSocket, subscribe, type TestSocket } from '../testkit/ws';

// Server processes may start while Redis is down (a cluster restarting together). They must
// neither die of it nor stay deaf once it is back: their subscriptions are made when Redis comes.

let redis: PrivateRedis;
let shared: TestDatabase;
const apps: TestApp[] = [];
const sockets: TestSocket[] = [];

describeWhere(['postgres', 'redis'], 'processes started while Redis is down', () => {
  beforeAll(async () => {
    redis = await startPrivateRedis();
    await redis.kill();
    shared = await createTestDatabase();
    // A long catch-up: only the Redis hint can deliver in time.
    const env = { REDIS_URL: redis.url, LIVE_CATCH_UP_INTERVAL_MS: '60000' };
    for (let i = 0; i < 2; i += 1) apps.push(await startTestApp({ database: shared, env }));
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    for (const app of apps) await app.stop();
    await shared?.destroy();
    await redis?.kill();
  });

  it('hear each other once Redis is back', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const { operation, malaysia } = await operationKit(a).jointOperation();
    const timeline = await operation.view(malaysia, 'timeline(first: 500) { edges { cursor } }');
    const socket = openSocket(b.wsUrl, { token: malaysia.token });
    sockets.push(socket);
    const live = subscribe<{ operationEvents: { type: string } }>(
      socket,
      'subscription($operationId: ID!, $after: String) { operationEvents(operationId: $operationId, after: $after) { type } }',
      { operationId: operation.id, after: timeline!.timeline.edges.at(-1).cursor },
    );

    await redis.start();
    const probe = new Redis(redis.url);
    try {
      // Both processes' hint subscriptions reach the new Redis by themselves.
      for (let waited = 0; ; waited += 50) {
        const [, subscribers] = (await probe.pubsub('NUMSUB', 'jointops:operation:events')) as [string, number];
        if (subscribers === 2) break;
        expect(waited, 'the processes never subscribed').toBeLessThan(15_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      probe.disconnect();
    }
    await operation.update({ region: 'Written on A after the outage' });
    await live.until((s) => s.received.length === 1, 1_500);
    expect(live.received[0]!.operationEvents.type).toBe('OPERATION_UPDATED');
  });
});
