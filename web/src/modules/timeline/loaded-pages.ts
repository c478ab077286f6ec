// What a newest-first list shows as its newest page refreshes and older pages are added (the
// timeline, the audit trail). The newest page holds the most recent items; anything on screen
// that is not in it is older than all of it, so keeping those below it keeps the order. Pages
// further back never change.

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Page<Node> {
  edges: readonly Edge<Node>[];
  pageInfo: { hasNextPage: boolean };
}

export interface LoadedPages<Node> {
  edges: Edge<Node>[];
  /** Older items exist beyond the last one shown. */
  hasOlder: boolean;
  /** How many items the last refresh put on top, for the announcement. */
  arrived: number;
  /**
   * The newest page shares nothing with what was shown: more items came at once than a page
   * holds, so some between the two may be missing. The list starts again from the newest, and
   * says so until the reader goes back in time again.
   */
  restarted: boolean;
}

/** What to show once the newest page has (again) arrived. */
export function withNewestPage<Node>(loaded: LoadedPages<Node> | null, page: Page<Node>): LoadedPages<Node> {
  const fresh = [...page.edges];
  const fromPage = { edges: fresh, hasOlder: page.pageInfo.hasNextPage, arrived: 0, restarted: false };
  if (!loaded) return fromPage;
  const freshCursors = new Set(fresh.map((edge) => edge.cursor));
  const shownCursors = new Set(loaded.edges.map((edge) => edge.cursor));
  const kept = loaded.edges.filter((edge) => !freshCursors.has(edge.cursor));
  const arrived = fresh.filter((edge) => !shownCursors.has(edge.cursor)).length;
  // The page holds everything there is: nothing below it can be missing.
  if (!page.pageInfo.hasNextPage) return { ...fromPage, arrived };
  const overlaps = kept.length < loaded.edges.length;
  if (!overlaps && loaded.edges.length > 0) return { ...fromPage, arrived, restarted: true };
  return {
    edges: [...fresh, ...kept],
    hasOlder: kept.length ? loaded.hasOlder : page.pageInfo.hasNextPage,
    arrived,
    restarted: loaded.restarted,
  };
}

/** What to show once a page older than the last item shown has arrived. */
export function withOlderPage<Node>(loaded: LoadedPages<Node>, page: Page<Node>): LoadedPages<Node> {
  const shown = new Set(loaded.edges.map((edge) => edge.cursor));
  const older = page.edges.filter((edge) => !shown.has(edge.cursor));
  return { edges: [...loaded.edges, ...older], hasOlder: page.pageInfo.hasNextPage, arrived: 0, restarted: false };
}
