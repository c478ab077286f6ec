import { reportFigure } from './report';

// Fault tests pick their moments at random; a failure must be replayable, so the randomness comes
// from a seed that is printed, and that FAULT_SEED=<seed> sets again.

export interface SeededRandom {
  seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, and good enough to spread faults over time. */
export function seededRandom(label: string, seed = Number(process.env.FAULT_SEED) || Math.floor(Math.random() * 2 ** 31)): SeededRandom {
  reportFigure(`${label}: seed ${seed} (replay with FAULT_SEED=${seed})`);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    seed,
    next,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
