/** Time as the domain sees it. Injected so tests can move time instead of sleeping through it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
