import type { Db } from './client';

/** Whether `error`, or an error it wraps (drizzle wraps the driver's), is PostgreSQL refusing a duplicate in `index`. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, constraint } = cause as Error & { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === index;
  }
  return false;
}

/**
 * Runs one write under a savepoint and answers null when it hits a duplicate in `index`: the
 * enclosing transaction carries on, which a failed statement outside a savepoint would not let it.
 * The unique index decides, so two concurrent writers cannot both pass a check made beforehand.
 */
export async function unlessDuplicate<T>(tx: Db, index: string, write: (savepoint: Db) => Promise<T>): Promise<T | null> {
  try {
    return await tx.transaction((savepoint) => write(savepoint));
  } catch (error) {
    if (isUniqueViolation(error, index)) return null;
    throw error;
  }
}
