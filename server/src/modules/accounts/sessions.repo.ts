import { and, eq, gt, inArray, isNull, lt, ne, type Placeholder, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedStatement } from '../../db/prepared';
import { agencies, sessions, users } from '../../db/schema/accounts';

export interface LiveSession {
  sessionId: string;
  userId: string;
  agencyId: string;
  isAdmin: boolean;
  locale: 'en' | 'fr';
  mustChangePassword: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
}

/**
 * What makes a session still good at `now`: not revoked, within both limits (expiring after `now`,
 * seen after `idleCutoff`), user and agency active.
 */
function stillGood(now: Date | Placeholder, idleCutoff: Date | Placeholder) {
  return and(
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, now),
    gt(sessions.lastSeenAt, idleCutoff),
    isNull(users.deactivatedAt),
    isNull(agencies.deactivatedAt),
  );
}

const idleCutoffAt = (now: Date, idleSeconds: number) => new Date(now.getTime() - idleSeconds * 1000);

const liveSessionColumns = {
  sessionId: sessions.id,
  userId: users.id,
  agencyId: users.agencyId,
  isAdmin: users.isAdmin,
  locale: users.locale,
  mustChangePassword: users.mustChangePassword,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
};

/**
 * The look-up every request makes, prepared once per database: the statement is built once, and
 * PostgreSQL parses and plans it once per connection instead of once per request.
 */
function prepareLiveSession(db: Db) {
  return db
    .select(liveSessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), stillGood(sql.placeholder('now'), sql.placeholder('idleCutoff'))))
    .prepare('live_session');
}

const preparedLiveSession = new WeakMap<Db, ReturnType<typeof prepareLiveSession>>();

/**
 * The session a token hash names, if it is still good at `now`: not revoked, within both the idle
 * and the absolute limit, and neither its user nor the user's agency deactivated.
 */
export async function findLiveSession(db: Db, tokenHash: string, now: Date, idleSeconds: number): Promise<LiveSession | null> {
  let statement = preparedLiveSession.get(db);
  if (!statement) {
    statement = prepareLiveSession(db);
    preparedLiveSession.set(db, statement);
  }
  // Moments as ISO text: a placeholder's value reaches the driver without the column's encoding.
  const [row] = await statement.execute({
    tokenHash,
    now: now.toISOString(),
    idleCutoff: idleCutoffAt(now, idleSeconds).toISOString(),
  });
  return row ?? null;
}

/**
 * The look-up of many sessions at once (a storm of sockets signing in and subscribing, the live
 * channels' periodic re-check), built once like the one above: its text no longer changes with
 * the number of tokens, which go in as one array parameter.
 */
const readLiveSessions = preparedStatement('live_sessions', (db) =>
  db
    .select({ ...liveSessionColumns, tokenHash: sessions.tokenHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        sql`${sessions.tokenHash} = any(${sql.placeholder('tokenHashes')}::text[])`,
        stillGood(sql.placeholder('now'), sql.placeholder('idleCutoff')),
      ),
    ),
);

/** The sessions still good at `now` among those the token hashes name, by token hash; one statement. */
export async function findLiveSessions(db: Db, tokenHashes: string[], now: Date, idleSeconds: number): Promise<Map<string, LiveSession>> {
  if (!tokenHashes.length) return new Map();
  const rows = await readLiveSessions(db, {
    tokenHashes,
    now: now.toISOString(),
    idleCutoff: idleCutoffAt(now, idleSeconds).toISOString(),
  });
  return new Map(rows.map(({ tokenHash, ...session }) => [tokenHash, session]));
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

/** `touchSession` for many sessions in one statement. */
export async function touchSessions(db: Db, sessionIds: string[], now: Date): Promise<void> {
  if (!sessionIds.length) return;
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(inArray(sessions.id, sessionIds), lt(sessions.lastSeenAt, now)));
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

/** Ends every live session of the person but `keptSessionId`; answers the ids of those ended. */
export async function revokeOtherSessionsOfUser(db: Db, userId: string, keptSessionId: string, now: Date): Promise<string[]> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keptSessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.map((row) => row.id);
}

/** Ends every live session of the agency's people; answers whose, one entry per session ended. */
export async function revokeSessionsOfAgency(db: Db, agencyId: string, now: Date): Promise<string[]> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        isNull(sessions.revokedAt),
        inArray(sessions.userId, db.select({ id: users.id }).from(users).where(eq(users.agencyId, agencyId))),
      ),
    )
    .returning({ userId: sessions.userId });
  return revoked.map((row) => row.userId);
}
