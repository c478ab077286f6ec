/** A case-insensitive "contains" pattern for ILIKE, with the term's own wildcards taken literally. */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
