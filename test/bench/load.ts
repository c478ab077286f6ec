import { percentile, sortedCopy } from './report';

// Closed-loop load: `concurrency` workers, each sending its next request when its last answered,
// until `requests` have been sent; throughput over the whole run and the latency percentiles.

export interface Load {
  perSecond: number;
  p50: number;
  p99: number;
}

export async function closedLoop(requests: number, concurrency: number, send: (index: number) => Promise<void>): Promise<Load> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const index = next++;
        const sent = performance.now();
        await send(index);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const sorted = sortedCopy(latencies);
  return { perSecond: requests / ((performance.now() - started) / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}
