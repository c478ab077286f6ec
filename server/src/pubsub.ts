import { Redis } from 'ioredis';
import { createPubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';

// Payloads cross Redis as JSON: ids and plain values only, never rows or Dates.
export type PubSubChannels = {
  /** Sessions ended (logout, deactivation): every process closes the sockets that used them. */
  'sessions:revoked': [payload: { userId: string; sessionId: string | null }];
  /** An operation has new events: a wake-up hint only; the event log is the truth. */
  'operation:events': [payload: { operationId: string }];
};

export type PubSub = ReturnType<typeof createPubSub<PubSubChannels>>;

export interface PubSubHandle {
  pubSub: PubSub;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The same pubsub with every topic under `prefix`, for an event target shared with other deployments. */
function underPrefix(inner: ReturnType<typeof createPubSub<Record<string, [payload: unknown]>>>, prefix: string): PubSub {
  return {
    publish: (topic, payload) => inner.publish(`${prefix}${topic}`, payload),
    subscribe: (topic) => inner.subscribe(`${prefix}${topic}`),
  } as PubSub;
}

export function openPubSub(redisUrl: string | undefined, channelPrefix = 'jointops:'): PubSubHandle {
  if (!redisUrl) {
    return { pubSub: createPubSub<PubSubChannels>(), ping: async () => undefined, close: async () => undefined };
  }
  // Redis needs a connection of its own for subscribing: a subscribed connection can do nothing else.
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false };
  const publishClient = new Redis(redisUrl, options);
  // SUBSCRIBE waits for Redis however long it takes: given up on, it would never be made again
  // (ioredis re-subscribes on reconnect only the channels Redis once confirmed).
  const subscribeClient = new Redis(redisUrl, { ...options, maxRetriesPerRequest: null });
  // A hint that cannot be published while Redis is down is a lost hint, which the periodic
  // catch-up covers; left unhandled, the rejection would end the process.
  const hintPublisher = new Proxy(publishClient, {
    get: (target, property, receiver) =>
      property === 'publish'
        ? (channel: string, message: string) => target.publish(channel, message).catch(() => 0)
        : Reflect.get(target, property, receiver),
  });
  // Lost connections are retried by ioredis; logging happens in readiness checks, not here.
  publishClient.on('error', () => undefined);
  subscribeClient.on('error', () => undefined);
  return {
    pubSub: underPrefix(
      createPubSub({ eventTarget: createRedisEventTarget({ publishClient: hintPublisher, subscribeClient }) }),
      channelPrefix,
    ),
    async ping() {
      await publishClient.ping();
    },
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
