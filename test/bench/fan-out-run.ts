import type { Child } from './child-process';
import { percentile, sortedCopy } from './report';
import { closeSubscribers, type Frame, openSubscribers, type SubscribeOptions } from './subscribers';

// One server's side of the fan-out bench, the same steps for the hub and for raw `ws`: connect N
// subscribers, let the server settle, measure it idle, then events one per second, then a burst.

export interface Shape {
  subscribers: number;
  rounds: number;
  burst: number;
  idleSeconds: number;
}

export interface Target {
  child: Child;
  connect: Omit<SubscribeOptions, 'onFrame' | 'count'>;
  /** The event numbered `key` (its frames carry it back); `restricted` ones go to some agencies only. */
  raise(key: number, restricted: boolean): Promise<void>;
  /** The burst's events, as fast as the server takes them. */
  burst(keys: number[], restricted: (key: number) => boolean): Promise<void>;
  keyOf(frame: Frame): number | undefined;
  /** Runs once the server is idle with every subscriber connected, after the idle figures (a heap snapshot). */
  whenIdle?(): Promise<void>;
  /** May subscriber `index` receive the event? */
  entitled(index: number, restricted: boolean): boolean;
}

export interface Measured {
  connectSeconds: number;
  settleSeconds: number;
  /** The server's CPU from the first connection until it settled, per subscriber. */
  subscribeCpuMsPerSubscriber: number;
  idleRssPerSubscriberKiB: number;
  idleCpuMsPerSecond: number;
  last: { p50: number; p99: number; max: number };
  median: { p50: number; p99: number; max: number };
  steadyCpuPerDeliveryMicros: number;
  burstDeliveriesPerSecond: number;
  burstCpuPerDeliveryMicros: number;
  missing: number;
  unauthorized: number;
  duplicates: number;
  errors: number;
  frameBytes: number;
  generatorCpuPercent: { steady: number; burst: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const restrictedInBurst = (key: number) => key % 4 === 3;

/** Waits until the server spends under a third of its core over half a second (at most `limitMs`). */
async function settled(child: Child, limitMs: number): Promise<void> {
  const until = performance.now() + limitMs;
  let before = await child.usage();
  while (performance.now() < until) {
    await sleep(500);
    const now = await child.usage();
    if (now.cpuMicros - before.cpuMicros < 500_000 / 3) return;
    before = now;
  }
  throw new Error(`the server was still busy ${limitMs / 1000} s after the subscribers connected`);
}

export async function measure(target: Target, shape: Shape): Promise<Measured> {
  const receipts = new Map<number, Map<number, number>>();
  let duplicates = 0;
  let errors = 0;
  let unkeyed = 0;
  let frameBytes = 0;
  const onFrame = (frame: Frame) => {
    const key = frame.message.type === 'next' && !frame.message.payload?.errors ? target.keyOf(frame) : undefined;
    if (key === undefined) {
      if (frame.message.type === 'error' || frame.message.payload?.errors) errors += 1;
      else unkeyed += 1;
      if (errors === 1) process.stderr.write(`error frame: ${JSON.stringify(frame.message).slice(0, 500)}\n`);
      return;
    }
    frameBytes = frame.bytes;
    const seen = receipts.get(key) ?? new Map<number, number>();
    if (seen.has(frame.subscriber)) duplicates += 1;
    else seen.set(frame.subscriber, frame.at);
    receipts.set(key, seen);
  };
  const expected = (restricted: boolean) =>
    Array.from({ length: shape.subscribers }, (_, index) => index).filter((index) => target.entitled(index, restricted)).length;
  const arrived = async (key: number, count: number, limitMs = 120_000) => {
    const until = performance.now() + limitMs;
    while ((receipts.get(key)?.size ?? 0) < count && performance.now() < until) await sleep(2);
  };

  const before = await target.child.usage();
  const connectStarted = performance.now();
  const subscribers = await openSubscribers({ ...target.connect, count: shape.subscribers, onFrame });
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await settled(target.child, 900_000);
  const settleSeconds = (performance.now() - connectStarted) / 1000;
  const settledAt = await target.child.usage();
  await sleep(1_000);
  const idleFrom = await target.child.usage();
  await sleep(shape.idleSeconds * 1_000);
  const idleTo = await target.child.usage();
  await target.whenIdle?.();

  const lasts: number[] = [];
  const medians: number[] = [];
  let generator = process.cpuUsage();
  let wall = performance.now();
  let server = await target.child.usage();
  for (let key = 0; key < shape.rounds; key += 1) {
    const sent = performance.now();
    await target.raise(key, false);
    await arrived(key, expected(false), 30_000);
    const times = sortedCopy([...(receipts.get(key)?.values() ?? [])].map((at) => at - sent));
    lasts.push(times[times.length - 1] ?? Number.NaN);
    medians.push(percentile(times, 50));
    await sleep(Math.max(0, 1_000 - (performance.now() - sent)));
  }
  const steadyServer = (await target.child.usage()).cpuMicros - server.cpuMicros;
  const steadyGenerator = process.cpuUsage(generator);
  const steadyWall = performance.now() - wall;
  const steadyDeliveries = shape.rounds * expected(false);

  const burstKeys = Array.from({ length: shape.burst }, (_, index) => shape.rounds + index);
  generator = process.cpuUsage();
  server = await target.child.usage();
  wall = performance.now();
  await target.burst(burstKeys, restrictedInBurst);
  for (const key of burstKeys) await arrived(key, expected(restrictedInBurst(key)));
  // A loop, not Math.max(...all): at 5,000 subscribers the burst's 500,000 receipts overflow the stack as arguments.
  let lastReceipt = Number.NEGATIVE_INFINITY;
  for (const key of burstKeys) for (const at of receipts.get(key)?.values() ?? []) lastReceipt = Math.max(lastReceipt, at);
  const burstServer = (await target.child.usage()).cpuMicros - server.cpuMicros;
  const burstGenerator = process.cpuUsage(generator);
  const burstWall = performance.now() - wall;
  const burstDeliveries = burstKeys.reduce((sum, key) => sum + (receipts.get(key)?.size ?? 0), 0);

  let missing = 0;
  let unauthorized = 0;
  for (let key = 0; key < shape.rounds + shape.burst; key += 1) {
    const restricted = key >= shape.rounds && restrictedInBurst(key);
    const seen = receipts.get(key) ?? new Map();
    for (let index = 0; index < shape.subscribers; index += 1) {
      if (target.entitled(index, restricted) && !seen.has(index)) missing += 1;
      if (!target.entitled(index, restricted) && seen.has(index)) unauthorized += 1;
    }
  }
  if (unkeyed) process.stderr.write(`${unkeyed} frames carried no event number\n`);
  await closeSubscribers(subscribers);
  const summary = (values: number[]) => {
    const sorted = sortedCopy(values);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
  };
  const percentOfCore = (usage: NodeJS.CpuUsage, ms: number) => ((usage.user + usage.system) / 1000 / ms) * 100;
  return {
    connectSeconds,
    settleSeconds,
    subscribeCpuMsPerSubscriber: (settledAt.cpuMicros - before.cpuMicros) / 1000 / shape.subscribers,
    idleRssPerSubscriberKiB: (idleTo.rssBytes - before.rssBytes) / shape.subscribers / 1024,
    idleCpuMsPerSecond: (idleTo.cpuMicros - idleFrom.cpuMicros) / 1000 / shape.idleSeconds,
    last: summary(lasts),
    median: summary(medians),
    steadyCpuPerDeliveryMicros: steadyServer / steadyDeliveries,
    burstDeliveriesPerSecond: burstDeliveries / ((lastReceipt - wall) / 1000),
    burstCpuPerDeliveryMicros: burstServer / burstDeliveries,
    missing,
    unauthorized,
    duplicates,
    errors,
    frameBytes,
    generatorCpuPercent: { steady: percentOfCore(steadyGenerator, steadyWall), burst: percentOfCore(burstGenerator, burstWall) },
  };
}
