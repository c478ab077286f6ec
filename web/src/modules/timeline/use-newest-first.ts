import type { TypedDocumentNode } from '@urql/core';
import { useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { withNewestPage, withOlderPage, type LoadedPages, type Page } from './loaded-pages';

export interface NewestFirst<Node> {
  /** Null until the newest page has come. */
  loaded: LoadedPages<Node> | null;
  fetching: boolean;
  error: CombinedError | undefined;
  retry(): void;
  showOlder(): Promise<void>;
  loadingOlder: boolean;
  olderError: boolean;
  /** The cursor of the first item of the page last added, which takes the focus. */
  focus: string | null;
  /** How many items the whole list holds, where the newest page says (its `totalCount`); null otherwise. */
  totalCount: number | null;
}

/**
 * A list read newest first, page by page with the API's cursors. The newest page is an urql
 * query, so it refreshes whenever the cache drops it (an event of the operation); older pages are
 * asked once, on request, and kept below it.
 */
export function useNewestFirst<Data, Variables extends { after: string | null }, Node>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pageOf: (data: Data) => Page<Node> | null | undefined,
): NewestFirst<Node> {
  const client = useClient();
  const [{ data, fetching, error }, reexecute] = useQuery<Data, Variables>({ query, variables });
  const newest = data ? (pageOf(data) ?? undefined) : undefined;

  const [merged, setMerged] = useState<{ from: Page<Node> | undefined; loaded: LoadedPages<Node> | null }>({
    from: undefined,
    loaded: null,
  });
  // Merged while rendering, not in an effect: React renders again at once, before anything shows.
  if (newest && newest !== merged.from) setMerged({ from: newest, loaded: withNewestPage(merged.loaded, newest) });

  const [older, setOlder] = useState({ loading: false, failed: false, focus: null as string | null });

  async function showOlder() {
    const last = merged.loaded?.edges.at(-1);
    if (!last || older.loading) return;
    setOlder({ loading: true, failed: false, focus: null });
    const result = await client.query<Data, Variables>(query, { ...variables, after: last.cursor }).toPromise();
    const page = result.data ? pageOf(result.data) : null;
    if (!page) {
      setOlder({ loading: false, failed: true, focus: null });
      return;
    }
    setMerged((current) => ({ ...current, loaded: current.loaded && withOlderPage(current.loaded, page) }));
    setOlder({ loading: false, failed: false, focus: page.edges[0]?.cursor ?? null });
  }

  return {
    loaded: merged.loaded,
    fetching,
    error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
    showOlder,
    loadingOlder: older.loading,
    olderError: older.failed,
    focus: older.focus,
    totalCount: totalCountOf(newest),
  };
}

/** The list's size, where its newest page carries one. */
function totalCountOf(page: unknown): number | null {
  const total = (page as { totalCount?: unknown } | undefined)?.totalCount;
  return typeof total === 'number' ? total : null;
}
