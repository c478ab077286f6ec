import { describe, expect, it } from 'vitest';
import { withNewestPage, withOlderPage, type Page } from './loaded-pages';

// Events numbered by sequence, newest first: what the reader sees as the newest page refreshes
// (live) and older pages are added below.

const page = (seqs: number[], hasNextPage: boolean): Page<number> => ({
  edges: seqs.map((seq) => ({ cursor: `event:${seq}`, node: seq })),
  pageInfo: { hasNextPage },
});
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, index) => from - index);
const shown = (loaded: { edges: { node: number }[] }) => loaded.edges.map((edge) => edge.node);

describe('a newest-first list', () => {
  it('starts with the newest page, and adds older pages below it', () => {
    const first = withNewestPage(null, page(range(100, 51), true));
    expect(shown(first)).toEqual(range(100, 51));
    expect(first.hasOlder).toBe(true);
    const more = withOlderPage(first, page(range(50, 1), false));
    expect(shown(more)).toEqual(range(100, 1));
    expect(more.hasOlder).toBe(false);
  });

  it('puts new events on top and keeps the older pages, the event that slid off the newest page included', () => {
    const read = withOlderPage(withNewestPage(null, page(range(100, 51), true)), page(range(50, 1), false));
    const refreshed = withNewestPage(read, page(range(102, 53), true));
    expect(shown(refreshed)).toEqual(range(102, 1));
    expect(refreshed).toMatchObject({ arrived: 2, hasOlder: false, restarted: false });
  });

  it('keeps offering older events while the tail is the first page that slid down', () => {
    const refreshed = withNewestPage(withNewestPage(null, page(range(100, 51), true)), page(range(101, 52), true));
    expect(shown(refreshed)).toEqual(range(101, 51));
    expect(refreshed.hasOlder).toBe(true);
  });

  it('starts again from the newest, and says so, when more events came at once than a page holds', () => {
    const read = withOlderPage(withNewestPage(null, page(range(100, 51), true)), page(range(50, 1), false));
    const refreshed = withNewestPage(read, page(range(180, 131), true));
    expect(shown(refreshed)).toEqual(range(180, 131));
    expect(refreshed).toMatchObject({ restarted: true, hasOlder: true });
    expect(withNewestPage(refreshed, page(range(181, 132), true)).restarted).toBe(true);
    expect(withOlderPage(refreshed, page(range(130, 81), true)).restarted).toBe(false);
  });

  it('shows only the newest page when it holds everything there is', () => {
    const refreshed = withNewestPage(withNewestPage(null, page(range(10, 1), false)), page(range(11, 1), false));
    expect(shown(refreshed)).toEqual(range(11, 1));
    expect(refreshed).toMatchObject({ arrived: 1, hasOlder: false, restarted: false });
  });

  it('never shows an event twice when an older page overlaps what is shown', () => {
    const first = withNewestPage(null, page(range(100, 51), true));
    expect(shown(withOlderPage(first, page(range(52, 3), true)))).toEqual(range(100, 3));
  });
});
