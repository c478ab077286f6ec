import { describe, expect, it } from 'vitest';
import { inTurnFor } from './operation-writes';

// A burst of writes to one operation holds at most two of the pool's connections, whatever the
// size of the burst; other operations' writes do not wait for it, and a failed write passes its
// turn on.

/** A write that stays under way until it is let go, noting how many of its operation's writes run beside it. */
function writes() {
  let running = 0;
  let most = 0;
  const release: (() => void)[] = [];
  const write =
    (outcome: 'commits' | 'fails' = 'commits') =>
    async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running -= 1;
      if (outcome === 'fails') throw new Error('refused');
      return outcome;
    };
  const settle = async () => {
    for (let turn = 0; turn < 50; turn += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      for (const resolve of release.splice(0)) resolve();
    }
  };
  return { write, settle, running: () => running, most: () => most };
}

describe('writes to one operation, in turn', () => {
  it('runs two at a time, and all of them', async () => {
    const { write, settle, most } = writes();
    const done = Promise.all(Array.from({ length: 10 }, () => inTurnFor('operation-a', write())));
    await settle();
    expect(await done).toEqual(Array(10).fill('commits'));
    expect(most()).toBe(2);
  });

  it('lets the writes of another operation run beside them', async () => {
    const a = writes();
    const b = writes();
    const first = Promise.all(Array.from({ length: 3 }, () => inTurnFor('operation-b', a.write())));
    const second = inTurnFor('operation-c', b.write());
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.running()).toBe(2);
    expect(b.running()).toBe(1);
    await Promise.all([a.settle(), b.settle()]);
    await Promise.all([first, second]);
  });

  it('passes the turn on when a write fails', async () => {
    const { write, settle } = writes();
    const failed = expect(inTurnFor('operation-d', write('fails'))).rejects.toThrow('refused');
    const refusedToo = expect(inTurnFor('operation-d', write('fails'))).rejects.toThrow('refused');
    const after = inTurnFor('operation-d', write());
    await settle();
    await Promise.all([failed, refusedToo]);
    expect(await after).toBe('commits');
  });
});
