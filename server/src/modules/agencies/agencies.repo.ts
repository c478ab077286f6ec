import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies } from '../../db/schema/accounts';

export type AgencyRow = typeof agencies.$inferSelect;

export async function findAgencyById(db: Db, id: string): Promise<AgencyRow | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row ?? null;
}

/** Inserts an agency, or returns null when one of that name already exists in that country. */
export async function insertAgency(db: Db, agency: typeof agencies.$inferInsert): Promise<AgencyRow | null> {
  const [row] = await db.insert(agencies).values(agency).onConflictDoNothing().returning();
  return row ?? null;
}

/** The relational-query filter for the directory search (name, acronym or country code). */
export function agencySearchFilter(search: string | null | undefined) {
  const term = search?.trim();
  if (!term) return undefined;
  const pattern = `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  // A country code matches whole (codes are stored upper-case), never as a LIKE pattern: "%" or
  // "_H" typed into the search box must not match every country.
  return { OR: [{ name: { ilike: pattern } }, { acronym: { ilike: pattern } }, { countryCode: { eq: term.toUpperCase() } }] };
}
