import { lazyRouteComponent } from '@tanstack/react-router';
import type { ComponentType } from 'react';

/** Waits before each new try for a screen's chunk: a thin link that dropped often returns within seconds. */
const RETRY_AFTER_MS = [1_000, 3_000];

/** A screen whose code could not be downloaded, even after trying again: the screen says so (ScreenError). */
export class ScreenUnavailableError extends Error {
  constructor(cause: unknown) {
    // Not the browser's own words ("Failed to fetch dynamically imported module"): on those the
    // router reloads the whole page at once, which on a dropped link loses the screen for a blank one.
    super('The screen could not be downloaded', { cause });
    this.name = 'ScreenUnavailableError';
  }
}

/** Loads a chunk, trying again after a pause when the link drops it (the browser fetches a failed module anew). */
export async function loadRetrying<Module>(load: () => Promise<Module>): Promise<Module> {
  for (const pause of RETRY_AFTER_MS) {
    try {
      return await load();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
  try {
    return await load();
  } catch (error) {
    throw new ScreenUnavailableError(error);
  }
}

/** A route's screen from its chunk, tried three times before the route shows its error. */
export const screenOf = <Module extends Record<Name, ComponentType>, Name extends keyof Module>(load: () => Promise<Module>, name: Name) =>
  lazyRouteComponent(() => loadRetrying(load), name);
