import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema/accounts';

export interface LiveSession {
  sessionId: string;
  userId: string;
  agencyId: string;
  isAdmin: boolean;
  locale: 'en' | 'fr';
  lastSeenAt: Date;
}

/**
 * The session a token hash names, if it is still good at `now`: not revoked, within both the idle
 * and the absolute limit, and its user not deactivated.
 */
export async function findLiveSession(db: Db, tokenHash: string, now: Date, idleSeconds: number): Promise<LiveSession | null> {
  const idleCutoff = new Date(now.getTime() - idleSeconds * 1000);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      agencyId: users.agencyId,
      isAdmin: users.isAdmin,
      locale: users.locale,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleCutoff),
        isNull(users.deactivatedAt),
      ),
    );
  return row ?? null;
}

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<string> {
  const [row] = await db.insert(sessions).values(session).returning({ id: sessions.id });
  return row!.id;
}

/** Moves the idle deadline; only ever forward, so concurrent requests cannot move it back. */
export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, now)));
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeSessionsOfUser(db: Db, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
