import { describe, expect, it } from 'vitest';
import { batchedReads } from './batched-reads';

// A storm of subscriptions asks its questions in few reads; a quiet server reads at once; no
// answer comes from a read that started before it was asked, so a check made this way is as fresh
// as one of its own.

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function recorded(state: { value: string }) {
  const reads: string[][] = [];
  const read = batchedReads(async (keys: string[]) => {
    reads.push(keys);
    const seen = state.value;
    await nextTurn();
    return new Map(keys.filter((key) => key !== 'unknown').map((key) => [key, `${key}:${seen}`]));
  });
  return { read, reads };
}

describe('batched reads', () => {
  it('reads an ask at once, and the asks made meanwhile together, each distinct key once', async () => {
    const { read, reads } = recorded({ value: 'live' });
    const answers = await Promise.all(['a', 'b', 'c', 'b', 'unknown'].map(read));
    expect(answers).toEqual(['a:live', 'b:live', 'c:live', 'b:live', undefined]);
    expect(reads).toEqual([['a'], ['b', 'c', 'unknown']]);
  });

  it('never answers an ask from a read that had started before it', async () => {
    const state = { value: 'before' };
    const { read, reads } = recorded(state);
    const early = read('session');
    // The first read is under way: a change committed now must be seen by an ask made now.
    state.value = 'after';
    const late = read('session');
    expect(await early).toBe('session:before');
    expect(await late).toBe('session:after');
    expect(reads).toEqual([['session'], ['session']]);
  });

  it('fails every ask of a read that fails, and reads again for the next ones', async () => {
    let fail = true;
    const read = batchedReads(async (keys: string[]) => {
      await nextTurn();
      if (fail) throw new Error('database restarting');
      return new Map(keys.map((key) => [key, `${key} read`]));
    });
    const first = read('x');
    const meanwhile = read('y');
    await expect(first).rejects.toThrow('database restarting');
    await expect(meanwhile).rejects.toThrow('database restarting');
    fail = false;
    expect(await read('x')).toBe('x read');
  });
});
