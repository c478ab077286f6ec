import { createHash, randomBytes } from 'node:crypto';
import {
  createUserInput,
  deactivateUserInput,
  loginInput,
  type LoginInput,
  reactivateUserInput,
  resetUserPasswordInput,
  updateUserInput,
} from '@jointops/shared/accounts';
import { batchedReads } from '../../db/batched-reads';
import type { Db } from '../../db/client';
import type { AppDeps, AuthenticatedSession, ServiceContext, Viewer } from '../../service-context';
import { InvalidCredentialsError, NotFoundError, TooManyAttemptsError, ValidationError } from '../../domain-errors';
import { idFromInput, parseInput } from '../../validate';
import { audited, auditRefusal } from '../../journal/audited';
import { findAgencyById } from '../agencies/agencies.repo';
import { isMemberOfAnOpenOperation, shareAnOperation } from './co-members.repo';
import { canSeeUser } from './accounts.policy';
import { clearFailures, clearFailuresStartingWith, lockedUntil, recordFailure } from './login-throttle.repo';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import { passwordCheckKey } from './self-service.service';
import {
  findLiveSession,
  findLiveSessions,
  insertSession,
  type LiveSession,
  revokeSession,
  revokeSessionsOfUser,
  touchSession,
  touchSessions,
} from './sessions.repo';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  markUserDeactivated,
  markUserReactivated,
  updateUserRow,
  type UserRow,
} from './users.repo';

/** Writing last-seen on every request would turn each read into a write; a minute's slack is enough. */
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function authenticate(deps: AppDeps, token: string | null): Promise<Viewer | null> {
  return (await authenticateSession(deps, token))?.viewer ?? null;
}

/** A live session, and the moment it ends by itself (idle or absolute limit) unless used again. */
/**
 * The session a token names, with its own deadline: a live channel checks that deadline before
 * each delivery, so an expired session receives nothing even before the next periodic re-check.
 */
export async function authenticateSession(deps: AppDeps, token: string | null): Promise<AuthenticatedSession | null> {
  if (!token || token.length > 200) return null;
  const now = deps.clock.now();
  const session = await findLiveSession(deps.db, hashToken(token), now, deps.config.sessionIdleTimeoutSeconds);
  if (!session) return null;
  const due = dueForTouch(session, now);
  if (due) await touchSession(deps.db, session.sessionId, now);
  return authenticated(deps, session, token, due ? now : session.lastSeenAt);
}

/** Tokens per statement when many are checked at once: keeps each statement's parameters bounded. */
const TOKENS_PER_CHECK = 1_000;

/**
 * `authenticateSession` for many tokens at once — the periodic re-check of every live channel —
 * in two statements per thousand tokens rather than one or two per token. Answers the sessions
 * still live, by token; a token missing from the answer names no live session.
 */
export async function authenticateSessions(deps: AppDeps, tokens: Iterable<string>): Promise<Map<string, AuthenticatedSession>> {
  const checkable = [...new Set(tokens)].filter((token) => token && token.length <= 200);
  const live = new Map<string, AuthenticatedSession>();
  for (let start = 0; start < checkable.length; start += TOKENS_PER_CHECK) {
    const now = deps.clock.now();
    const tokenOf = new Map(checkable.slice(start, start + TOKENS_PER_CHECK).map((token) => [hashToken(token), token]));
    const found = await findLiveSessions(deps.db, [...tokenOf.keys()], now, deps.config.sessionIdleTimeoutSeconds);
    const due = new Set([...found.values()].filter((session) => dueForTouch(session, now)));
    await touchSessions(
      deps.db,
      [...due].map((session) => session.sessionId),
      now,
    );
    for (const [hash, session] of found) {
      const token = tokenOf.get(hash)!;
      live.set(token, authenticated(deps, session, token, due.has(session) ? now : session.lastSeenAt));
    }
  }
  return live;
}

const liveSessionReads = new WeakMap<AppDeps, (token: string) => Promise<AuthenticatedSession | undefined>>();

/**
 * `authenticateSession` for each HTTP request and each socket's sign-in and subscription: the
 * checks that come while one is under way are read together once it ends, one statement for all
 * of them (db/batched-reads.ts), never with an answer older than the question.
 */
export async function liveSessionOf(deps: AppDeps, token: string | null): Promise<AuthenticatedSession | null> {
  if (!token) return null;
  let read = liveSessionReads.get(deps);
  if (!read) {
    read = batchedReads((tokens: string[]) => authenticateSessions(deps, tokens));
    liveSessionReads.set(deps, read);
  }
  return (await read(token)) ?? null;
}

const dueForTouch = (session: LiveSession, now: Date) => now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS;

function authenticated(deps: AppDeps, session: LiveSession, token: string, lastSeenAt: Date): AuthenticatedSession {
  const { sessionId, userId, agencyId, isAdmin, locale, mustChangePassword } = session;
  const idleDeadline = lastSeenAt.getTime() + deps.config.sessionIdleTimeoutSeconds * 1000;
  return {
    viewer: { sessionId, userId, agencyId, isAdmin, locale, mustChangePassword },
    token,
    validUntil: new Date(Math.min(idleDeadline, session.expiresAt.getTime())),
  };
}

/** The throttle keys of one account start with this, one key per address it was tried from. */
const accountFromKeyPrefix = (email: string) => `account:${email}|from:`;

export interface SignedIn {
  token: string;
  user: UserRow;
  expiresAt: Date;
}

export async function login(ctx: ServiceContext, rawInput: unknown): Promise<SignedIn> {
  const attempt = { action: 'login', targetType: 'User' };
  let input: LoginInput;
  try {
    input = parseInput(loginInput, rawInput);
  } catch (error) {
    if (error instanceof ValidationError) await auditRefusal(ctx, attempt, error);
    throw error;
  }
  const { config, clock, db } = ctx;
  const now = clock.now();
  // Failures count against the account *from this address*, and against the address across
  // accounts: never against the account everywhere, or anyone could lock anyone out by failing on
  // purpose. The person signing in from their own address is not slowed by a guesser elsewhere.
  const pairKey = `${accountFromKeyPrefix(input.email)}${ctx.sourceAddress ?? 'unknown'}`;
  const addressKey = `address:${ctx.sourceAddress ?? 'unknown'}`;
  const keys = [pairKey, addressKey];
  const details = { email: input.email };

  // A locked key refuses before the password is even checked: the right password does not help
  // a guesser who is locked out.
  const until = await lockedUntil(db, keys, now);
  if (until) {
    const error = new TooManyAttemptsError(Math.ceil((until.getTime() - now.getTime()) / 1000));
    await auditRefusal(ctx, { ...attempt, details }, error);
    throw error;
  }

  const user = await findUserByEmail(db, input.email);
  const passwordMatches = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDecoy(input.password);
  // A deactivated account, or one of a deactivated agency, gets the answer a wrong password gets.
  const agencyActive = user ? !(await findAgencyById(db, user.agencyId))?.deactivatedAt : false;
  if (!user || !passwordMatches || user.deactivatedAt || !agencyActive) {
    const { maxFailuresPerAccount, maxFailuresPerAddress, ...delays } = config.loginThrottle;
    await recordFailure(db, pairKey, now, { freeFailures: maxFailuresPerAccount, ...delays });
    await recordFailure(db, addressKey, now, { freeFailures: maxFailuresPerAddress, ...delays });
    const error = new InvalidCredentialsError();
    await auditRefusal(ctx, { ...attempt, targetId: user?.id ?? null, details }, error);
    throw error;
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteTimeoutSeconds * 1000);
  return audited(ctx, { ...attempt, targetId: user.id, details }, async (tx) => {
    // Only the account's own count from here: clearing the address's would let a guesser with an
    // account of their own reset it by signing in between guesses.
    await clearFailures(tx, pairKey);
    const sessionId = await insertSession(tx, {
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      sourceAddress: ctx.sourceAddress,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    });
    return {
      result: { token, user, expiresAt },
      actor: { userId: user.id, agencyId: user.agencyId },
      details: { sessionId },
    };
  });
}

/** Ends the caller's session. Returns false when there was none. */
export async function logout(ctx: ServiceContext): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  await audited(ctx, { action: 'logout', targetType: 'User', targetId: viewer.userId }, async (tx) => {
    await revokeSession(tx, viewer.sessionId, ctx.clock.now());
    return { result: undefined, details: { sessionId: viewer.sessionId } };
  });
  ctx.pubSub.publish('sessions:revoked', { userId: viewer.userId, sessionId: viewer.sessionId });
  return true;
}

/**
 * After the commit that ended these people's sessions: every process closes their sockets (and
 * so their live streams) at once, instead of at its next periodic re-check.
 */
export function announceSessionsEnded(ctx: ServiceContext, userIds: Iterable<string>): void {
  for (const userId of new Set(userIds)) ctx.pubSub.publish('sessions:revoked', { userId, sessionId: null });
}

/** The agency an input names, for a person to belong to: it must exist and be active. */
async function agencyToJoin(tx: Db, globalId: string) {
  const agency = await findAgencyById(tx, idFromInput(globalId, 'Agency', 'agencyId'));
  if (!agency) throw ValidationError.field('agencyId', 'NO_SUCH_AGENCY', 'No such agency');
  if (agency.deactivatedAt)
    throw ValidationError.field('agencyId', 'AGENCY_DEACTIVATED', 'This agency is deactivated: reactivate it first');
  return agency;
}

export async function createUser(ctx: ServiceContext, rawInput: unknown): Promise<UserRow> {
  return audited(ctx, { action: 'createUser', targetType: 'User' }, async (tx) => {
    const input = parseInput(createUserInput, rawInput);
    const agency = await agencyToJoin(tx, input.agencyId);
    const agencyId = agency.id;
    const user = await insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      agencyId,
      passwordHash: await hashPassword(input.password),
      locale: input.locale,
      timeZone: input.timeZone ?? agency.timeZone ?? 'UTC',
      isAdmin: input.isAdmin,
      mustChangePassword: input.mustChangePassword,
      createdAt: ctx.clock.now(),
    });
    if (!user) throw ValidationError.field('email', 'EMAIL_TAKEN', 'An account with this e-mail address already exists');
    return { result: user, targetId: user.id, details: { email: user.email, agencyId, isAdmin: user.isAdmin } };
  });
}

/** Deactivates an account and ends its sessions, here and (through pubsub) in every process. */
export async function deactivateUser(ctx: ServiceContext, rawInput: unknown): Promise<UserRow> {
  const user = await audited(ctx, { action: 'deactivateUser', targetType: 'User' }, async (tx) => {
    const input = parseInput(deactivateUserInput, rawInput);
    const userId = idFromInput(input.userId, 'User', 'userId');
    if (userId === ctx.viewer?.userId)
      throw ValidationError.field('userId', 'CANNOT_DEACTIVATE_OWN_ACCOUNT', 'You cannot deactivate your own account');
    const now = ctx.clock.now();
    const deactivated = (await markUserDeactivated(tx, userId, now)) ?? (await findUserById(tx, userId));
    if (!deactivated) throw new NotFoundError('User');
    const endedSessions = await revokeSessionsOfUser(tx, userId, now);
    return { result: deactivated, targetId: userId, details: { endedSessions } };
  });
  announceSessionsEnded(ctx, [user.id]);
  return user;
}

/** Switches a deactivated account back on; its old sessions stay ended, so the person signs in again. */
export async function reactivateUser(ctx: ServiceContext, rawInput: unknown): Promise<UserRow> {
  return audited(ctx, { action: 'reactivateUser', targetType: 'User' }, async (tx) => {
    const input = parseInput(reactivateUserInput, rawInput);
    const userId = idFromInput(input.userId, 'User', 'userId');
    const user = await markUserReactivated(tx, userId);
    if (!user) throw new NotFoundError('User');
    return { result: user, targetId: userId };
  });
}

/**
 * Changes an account. A new agency means everything the person may see changes: it is refused
 * while they are a member of an operation still open (its membership belongs to the old agency),
 * and their sessions end, so that no open socket keeps acting for the agency they left.
 */
export async function updateUser(ctx: ServiceContext, rawInput: unknown): Promise<UserRow> {
  const { user, sessionsEnded } = await audited(ctx, { action: 'updateUser', targetType: 'User' }, async (tx) => {
    const input = parseInput(updateUserInput, rawInput);
    const userId = idFromInput(input.userId, 'User', 'userId');
    const existing = await findUserById(tx, userId, { lock: true });
    if (!existing) throw new NotFoundError('User');
    if (userId === ctx.viewer?.userId && input.isAdmin === false) {
      throw ValidationError.field('isAdmin', 'CANNOT_REMOVE_OWN_ADMIN_RIGHTS', 'You cannot remove your own administrator rights');
    }
    const agencyId = input.agencyId === undefined ? existing.agencyId : (await agencyToJoin(tx, input.agencyId)).id;
    const movesAgency = agencyId !== existing.agencyId;
    if (movesAgency && (await isMemberOfAnOpenOperation(tx, userId))) {
      throw ValidationError.field(
        'agencyId',
        'MEMBER_CANNOT_CHANGE_AGENCY',
        'A member of an operation still open cannot change agency: remove them from it first, or wait until it is closed',
      );
    }
    const fields = {
      displayName: input.displayName,
      email: input.email,
      isAdmin: input.isAdmin,
      locale: input.locale,
      timeZone: input.timeZone,
      agencyId,
    };
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => value !== undefined && value !== existing[key as keyof UserRow]),
    );
    const updated = Object.keys(changes).length ? await updateUserRow(tx, userId, changes) : existing;
    if (!updated) throw ValidationError.field('email', 'EMAIL_TAKEN', 'An account with this e-mail address already exists');
    const endedSessions = movesAgency ? await revokeSessionsOfUser(tx, userId, ctx.clock.now()) : 0;
    // Rights and agency are what an auditor asks about later: their new values are kept.
    const details = { changed: Object.keys(changes), isAdmin: changes.isAdmin, agencyId: changes.agencyId, endedSessions };
    return { result: { user: updated, sessionsEnded: movesAgency }, targetId: userId, details };
  });
  if (sessionsEnded) announceSessionsEnded(ctx, [user.id]);
  return user;
}

/**
 * Sets a new password chosen by an administrator and ends the person's sessions, as deactivation
 * does. The administrator knows that password, so it is only good for choosing one's own: until
 * then the person may sign in but do nothing else. It also lifts every lock on the account.
 */
export async function resetUserPassword(ctx: ServiceContext, rawInput: unknown): Promise<UserRow> {
  const user = await audited(ctx, { action: 'resetUserPassword', targetType: 'User' }, async (tx) => {
    const input = parseInput(resetUserPasswordInput, rawInput);
    const userId = idFromInput(input.userId, 'User', 'userId');
    const existing = await findUserById(tx, userId, { lock: true });
    if (!existing) throw new NotFoundError('User');
    const passwordHash = await hashPassword(input.newPassword);
    const updated = (await updateUserRow(tx, userId, { passwordHash, mustChangePassword: true }))!;
    const endedSessions = await revokeSessionsOfUser(tx, userId, ctx.clock.now());
    // The person was likely locked out by failed attempts with the old password; the new one works
    // at once, at sign-in and when they give it as their current one to choose their own.
    await clearFailuresStartingWith(tx, accountFromKeyPrefix(existing.email));
    await clearFailures(tx, passwordCheckKey(userId));
    return { result: updated, targetId: userId, details: { endedSessions } };
  });
  announceSessionsEnded(ctx, [user.id]);
  return user;
}

/**
 * A user the viewer may see, or null: invisible and non-existent look the same, and cost the same
 * two queries (the second asks whether they share an operation, even for nobody).
 */
export async function findVisibleUser(ctx: ServiceContext, userId: string): Promise<UserRow | null> {
  if (!ctx.viewer) return null;
  const user = await findUserById(ctx.db, userId);
  if (user && canSeeUser(ctx.viewer, user, false)) return user;
  const shared = await shareAnOperation(ctx.db, ctx.viewer.userId, userId);
  return user && canSeeUser(ctx.viewer, user, shared) ? user : null;
}
