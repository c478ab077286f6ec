import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/accounts';
import { containsPattern } from '../../db/contains-pattern';
import { unlessDuplicate } from '../../db/unique-violation';

export type UserRow = typeof users.$inferSelect;

/** The unique index that keeps one account per e-mail address (see the schema). */
const ONE_ACCOUNT_PER_EMAIL = 'users_email_key';

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function findUserById(db: Db, id: string, options: { lock?: boolean } = {}): Promise<UserRow | null> {
  const query = db.select().from(users).where(eq(users.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Inserts a user, or returns null when the e-mail address is taken. */
export async function insertUser(db: Db, user: typeof users.$inferInsert): Promise<UserRow | null> {
  const [row] = await db.insert(users).values(user).onConflictDoNothing({ target: users.email }).returning();
  return row ?? null;
}

/** Changes a user, or returns null when the new e-mail address is another account's. */
export async function updateUserRow(db: Db, id: string, changes: Partial<typeof users.$inferInsert>): Promise<UserRow | null> {
  return unlessDuplicate(db, ONE_ACCOUNT_PER_EMAIL, async (savepoint) => {
    const [row] = await savepoint.update(users).set(changes).where(eq(users.id, id)).returning();
    return row!;
  });
}

export async function markUserDeactivated(db: Db, id: string, now: Date): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ deactivatedAt: now })
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)))
    .returning();
  return row ?? null;
}

/** Switches an account (back) on; null when there is no such account. */
export async function markUserReactivated(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, id)).returning();
  return row ?? null;
}

/** The relational-query filter for the account list: active accounts unless asked, of one agency if given, matching the search. */
export function userListFilter(options: { search?: string | null; agencyId?: string | null; includeInactive: boolean }) {
  const term = options.search?.trim();
  const pattern = term ? containsPattern(term) : null;
  return {
    ...(options.includeInactive ? {} : { deactivatedAt: { isNull: true as const } }),
    ...(options.agencyId ? { agencyId: options.agencyId } : {}),
    ...(pattern ? { OR: [{ displayName: { ilike: pattern } }, { email: { ilike: pattern } }] } : {}),
  };
}
