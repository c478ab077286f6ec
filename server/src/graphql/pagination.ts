// Forward pagination over rows read with "first + 1" so the extra row tells whether more follow.

/** The page size asked for, within bounds. */
export const pageSize = (first: number | null | undefined, fallback = 50, max = 500): number => Math.min(Math.max(first ?? fallback, 1), max);

/** A Relay connection page from `rows` (up to `first + 1` of them, in order). */
export function connectionPage<T>(rows: T[], first: number, cursorOf: (row: T) => string, after: string | null | undefined) {
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return {
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: !!after,
      startCursor: page[0] ? cursorOf(page[0]) : null,
      endCursor: last ? cursorOf(last) : (after ?? null),
    },
  };
}
