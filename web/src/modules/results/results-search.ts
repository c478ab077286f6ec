export interface ResultsSearch {
  /** Reports awaiting verification count too: the page says so, and the address keeps the choice. */
  unverified?: true | undefined;
}

export const validateResultsSearch = (search: Record<string, unknown>): ResultsSearch => ({
  unverified: search.unverified === true || search.unverified === 'true' ? true : undefined,
});
