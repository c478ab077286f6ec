import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottles } from '../../db/schema/accounts';

/**
 * How failures against one key are answered: the first `freeFailures` cost nothing; the one that
 * reaches it locks the key for `firstDelaySeconds`, and each further failure doubles the delay, up
 * to `longestDelaySeconds`. A run of failures is forgotten once the key has been quiet for
 * `windowSeconds` after its first failure and after its last lock.
 */
export interface ThrottleRule {
  freeFailures: number;
  firstDelaySeconds: number;
  longestDelaySeconds: number;
  windowSeconds: number;
}

/** The latest lock among `keys` still in force at `now`, or null. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.select({ lockedUntil: loginThrottles.lockedUntil }).from(loginThrottles).where(inArray(loginThrottles.key, keys));
  const locks = rows.map((row) => row.lockedUntil).filter((until): until is Date => !!until && until > now);
  return locks.length ? new Date(Math.max(...locks.map((until) => until.getTime()))) : null;
}

/** The delay after the `failures`-th failure of a run, in seconds: 0 while failures are free. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  // Capped before exponentiation: 2^1000 is Infinity, and a lock a few centuries long is not a delay.
  const doublings = Math.min(failures - rule.freeFailures, 32);
  return Math.min(rule.firstDelaySeconds * 2 ** doublings, rule.longestDelaySeconds);
}

/**
 * Counts one failure against `key` in a single atomic upsert (concurrent failures each count) and,
 * from the `freeFailures`-th on, locks the key for that failure's delay.
 */
export async function recordFailure(db: Db, key: string, now: Date, rule: ThrottleRule): Promise<void> {
  const forgottenBefore = new Date(now.getTime() - rule.windowSeconds * 1000);
  const lastActive = sql`greatest(${loginThrottles.windowStartedAt}, coalesce(${loginThrottles.lockedUntil}, ${loginThrottles.windowStartedAt}))`;
  const stale = sql`${lastActive} < ${forgottenBefore}`;
  const failures = sql`case when ${stale} then 1 else ${loginThrottles.failures} + 1 end`;
  // The doubling in SQL, so that the count it reads is the one this very statement writes.
  const doublings = sql`least(greatest(${failures} - ${rule.freeFailures}, 0), 32)`;
  const delaySeconds = sql`least(${rule.firstDelaySeconds} * power(2, ${doublings}), ${rule.longestDelaySeconds})`;
  const lock = sql`case when ${failures} >= ${rule.freeFailures}
    then ${now}::timestamptz + make_interval(secs => ${delaySeconds}) else null end`;
  const firstDelay = delayAfter(1, rule);
  await db
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: firstDelay ? new Date(now.getTime() + firstDelay * 1000) : null })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${stale} then ${now} else ${loginThrottles.windowStartedAt} end`,
        lockedUntil: lock,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

/** Forgets every key that starts with `prefix`: all the addresses an account was tried from. */
export async function clearFailuresStartingWith(db: Db, prefix: string): Promise<void> {
  await db.delete(loginThrottles).where(sql`left(${loginThrottles.key}, ${prefix.length}) = ${prefix}`);
}
