// Forward pagination over rows read with "first + 1" so the extra row tells whether more follow.

/** The page size asked for, within bounds. */
export const pageSize = (first: number | null | undefined, fallback = 50, max = 500): number =>
  Math.min(Math.max(first ?? fallback, 1), max);

/** A Relay connection page from `rows` (up to `first + 1` of them, in order). */
export function connectionPage<T>(rows: T[], first: number, cursorOf: (row: T) => string, after: string | null | undefined) {
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return {
    // Made when asked for: most documents ask for the nodes alone, and a page of 50 made 50 cursors for none.
    edges: page.map((node) => ({
      node,
      get cursor() {
        return cursorOf(node);
      },
    })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: !!after,
      startCursor: page[0] ? cursorOf(page[0]) : null,
      endCursor: last ? cursorOf(last) : (after ?? null),
    },
  };
}

/** Opaque cursors over a number (a sequence, an id): base64url of "<kind>:<n>"; null when not one of this kind. */
export function numericCursor(kind: string) {
  const pattern = new RegExp(`^${kind}:(\\d{1,15})$`);
  return {
    encode: (value: number) => Buffer.from(`${kind}:${value}`).toString('base64url'),
    decode: (cursor: string): number | null => {
      const match = pattern.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
      return match ? Number(match[1]) : null;
    },
  };
}
