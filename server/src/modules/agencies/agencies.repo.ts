import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies } from '../../db/schema/accounts';
import { containsPattern } from '../../db/contains-pattern';
import { unlessDuplicate } from '../../db/unique-violation';

export type AgencyRow = typeof agencies.$inferSelect;

/** The unique index that keeps one name per country (see the schema). */
const NAME_PER_COUNTRY = 'agencies_name_country_key';

export async function findAgencyById(db: Db, id: string, options: { lock?: boolean } = {}): Promise<AgencyRow | null> {
  const query = db.select().from(agencies).where(eq(agencies.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Inserts an agency, or returns null when one of that name already exists in that country. */
export async function insertAgency(db: Db, agency: typeof agencies.$inferInsert): Promise<AgencyRow | null> {
  const [row] = await db.insert(agencies).values(agency).onConflictDoNothing().returning();
  return row ?? null;
}

/** Changes an agency, or returns null when another of that name already exists in its country. */
export async function updateAgencyRow(db: Db, id: string, changes: Partial<typeof agencies.$inferInsert>): Promise<AgencyRow | null> {
  return unlessDuplicate(db, NAME_PER_COUNTRY, async (savepoint) => {
    const [row] = await savepoint.update(agencies).set(changes).where(eq(agencies.id, id)).returning();
    return row!;
  });
}

/** Switches the agency off, keeping the first time it was; null when it is not active (or does not exist). */
export async function markAgencyDeactivated(db: Db, id: string, now: Date): Promise<AgencyRow | null> {
  const [row] = await db
    .update(agencies)
    .set({ deactivatedAt: now })
    .where(and(eq(agencies.id, id), isNull(agencies.deactivatedAt)))
    .returning();
  return row ?? null;
}

/** Switches the agency (back) on; null when there is no such agency. */
export async function markAgencyReactivated(db: Db, id: string): Promise<AgencyRow | null> {
  const [row] = await db.update(agencies).set({ deactivatedAt: null }).where(eq(agencies.id, id)).returning();
  return row ?? null;
}

/** The relational-query filter for the directory: active agencies unless asked, matching the search (name, acronym or country code). */
export function agencyDirectoryFilter(search: string | null | undefined, includeInactive: boolean) {
  const active = includeInactive ? {} : { deactivatedAt: { isNull: true as const } };
  const term = search?.trim();
  if (!term) return active;
  const pattern = containsPattern(term);
  // A country code matches whole (codes are stored upper-case), never as a LIKE pattern: "%" or
  // "_H" typed into the search box must not match every country.
  return { ...active, OR: [{ name: { ilike: pattern } }, { acronym: { ilike: pattern } }, { countryCode: { eq: term.toUpperCase() } }] };
}
