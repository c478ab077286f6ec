import type { CDPSession, Page } from 'playwright-core';

// What a person on a thin link or a busy room feels, measured in Chromium itself: the link slowed
// through the DevTools protocol, the bytes each response took on the wire, and how long each frame
// took to draw while something happens on the page.

/** A customs post's link, as issue 13 states it: 256 kbit/s each way, 400 ms of latency. */
export const THIN_LINK = { latency: 400, downloadThroughput: 32_000, uploadThroughput: 32_000 } as const;

export interface WireLog {
  /** Responses finished so far: address, resource type and the bytes they took on the wire (headers included). */
  responses(): { url: string; type: string; bytes: number }[];
}

/**
 * Slows every request and WebSocket frame of the page to `link`, and logs what each response cost
 * on the wire. Call on a new browser context before its first navigation: its cache is cold.
 */
export async function throttle(page: Page, link: typeof THIN_LINK): Promise<{ cdp: CDPSession; wire: WireLog }> {
  const cdp = await page.context().newCDPSession(page);
  const started = new Map<string, { url: string; type: string }>();
  const finished: { url: string; type: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (event) => started.set(event.requestId, { url: event.response.url, type: event.type }));
  cdp.on('Network.loadingFinished', (event) => {
    const response = started.get(event.requestId);
    if (response) finished.push({ ...response, bytes: event.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...link });
  return { cdp, wire: { responses: () => [...finished] } };
}

export interface FrameFigures {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Frames over 50 ms, which a person sees as a stutter. */
  over50: number;
}

/** Starts timing every frame the page draws (requestAnimationFrame to requestAnimationFrame). */
export async function startFrameTiming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const timing = { durations: [] as number[], running: true };
    (window as unknown as { frameTiming: typeof timing }).frameTiming = timing;
    let previous = performance.now();
    const frame = (now: number) => {
      timing.durations.push(now - previous);
      previous = now;
      if (timing.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Stops the timing started by startFrameTiming and sums it up. */
export async function stopFrameTiming(page: Page): Promise<FrameFigures> {
  const durations = await page.evaluate(() => {
    const timing = (window as unknown as { frameTiming: { durations: number[]; running: boolean } }).frameTiming;
    timing.running = false;
    return timing.durations;
  });
  const sorted = [...durations].sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return {
    frames: sorted.length,
    p50: percentile(0.5),
    p95: percentile(0.95),
    max: sorted.at(-1) ?? 0,
    over50: sorted.filter((duration) => duration > 50).length,
  };
}

export const describeFrames = (figures: FrameFigures) =>
  `${figures.frames} frames, p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, max ${figures.max.toFixed(1)} ms, ${figures.over50} over 50 ms`;
