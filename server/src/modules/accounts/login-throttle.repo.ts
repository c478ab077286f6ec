import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottles } from '../../db/schema/accounts';

export interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
}

/** The latest lock among `keys` still in force at `now`, or null. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, keys));
  const locks = rows.map((row) => row.lockedUntil).filter((until): until is Date => !!until && until > now);
  return locks.length ? new Date(Math.max(...locks.map((until) => until.getTime()))) : null;
}

/**
 * Counts one failure against `key` in a single atomic upsert (concurrent failures each count), and
 * locks the key when the count within the window reaches the rule's maximum.
 */
export async function recordFailure(db: Db, key: string, now: Date, rule: ThrottleRule): Promise<void> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  const lockEnd = new Date(now.getTime() + rule.lockoutSeconds * 1000);
  const stale = sql`${loginThrottles.windowStartedAt} < ${windowStart}`;
  const nextFailures = sql`case when ${stale} then 1 else ${loginThrottles.failures} + 1 end`;
  await db
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: rule.maxFailures <= 1 ? lockEnd : null })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${stale} then ${now} else ${loginThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when ${nextFailures} >= ${rule.maxFailures} then ${lockEnd} else ${loginThrottles.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, [key]));
}
