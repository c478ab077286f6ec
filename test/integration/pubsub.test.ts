import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { openPubSub, type PubSubHandle } from '@jointops/server/pubsub';
import { describeWhere, environment } from '../testkit/environment';

// Deployments may share one Redis (staging beside production, two regions' hubs): each hears only
// its own hints, because every channel carries the deployment's prefix.

const handles: PubSubHandle[] = [];
const open = (prefix: string) => {
  const handle = openPubSub(environment.redisUrl, prefix);
  handles.push(handle);
  return handle.pubSub;
};
afterAll(() => Promise.all(handles.map((handle) => handle.close())));

/** The operation ids `pubSub` hears within `ms`. */
function heard(pubSub: ReturnType<typeof open>, ms: number): Promise<string[]> {
  const hints = pubSub.subscribe('operation:events');
  const got: string[] = [];
  void (async () => {
    for await (const { operationId } of hints) got.push(operationId);
  })();
  return new Promise((resolve) =>
    setTimeout(() => {
      void hints.return?.();
      resolve(got);
    }, ms),
  );
}

describeWhere(['redis'], 'Redis pubsub channels', () => {
  it('reach the processes of the same deployment and no other', async () => {
    const deployment = `test-${randomUUID().slice(0, 8)}:`;
    const [publisher, sameDeployment, otherDeployment] = [open(deployment), open(deployment), open(`other-${deployment}`)];
    const same = heard(sameDeployment, 700);
    const other = heard(otherDeployment, 700);
    // The subscriptions reach Redis asynchronously; publish once they have had the time to.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const operationId = randomUUID();
    publisher.publish('operation:events', { operationId });
    expect(await same).toEqual([operationId]);
    expect(await other).toEqual([]);
  });
});
