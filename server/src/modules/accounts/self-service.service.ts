import { changeMyPasswordInput, updateMyPreferencesInput } from '@jointops/shared/accounts';
import type { ServiceContext, SignedIn } from '../../service-context';
import { TooManyAttemptsError, ValidationError } from '../../domain-errors';
import { parseInput } from '../../validate';
import { audited } from '../../journal/audited';
import { clearFailures, lockedUntil, recordFailure } from './login-throttle.repo';
import { hashPassword, verifyPassword } from './passwords';
import { revokeOtherSessionsOfUser } from './sessions.repo';
import { findUserById, updateUserRow, type UserRow } from './users.repo';

// What a signed-in person changes on their own account, whoever they are: their password and
// their preferences. Each acts on the caller's account only; there is no user id to name another.

export const NOT_YOUR_PASSWORD = 'This is not your current password';
export const CHOOSE_YOUR_OWN = 'Choose a password of your own, not the one you were given';

/**
 * The throttle of one account's password checks. Only someone holding one of the account's
 * sessions can fail it, so keying it by the account alone locks out no one but that holder: a
 * stolen session cannot be used to guess the password at sign-in speed or faster.
 */
export const passwordCheckKey = (userId: string) => `password-check:user:${userId}`;

/**
 * Sets a new password once the current one is given, and ends every other session of the person
 * (their sockets and streams too, in every process): whoever else held one is out. The session
 * that asked goes on.
 */
export async function changeMyPassword(ctx: SignedIn<ServiceContext>, rawInput: unknown): Promise<UserRow> {
  const { userId, sessionId } = ctx.viewer;
  const key = passwordCheckKey(userId);
  let wrongPassword = false;
  try {
    const { user, endedSessionIds } = await audited(
      ctx,
      { action: 'changeMyPassword', targetType: 'User', targetId: userId },
      async (tx) => {
        const input = parseInput(changeMyPasswordInput, rawInput);
        const now = ctx.clock.now();
        // Locked before the password is checked, as at sign-in: the right guess does not help once locked.
        const until = await lockedUntil(tx, [key], now);
        if (until) throw new TooManyAttemptsError(Math.ceil((until.getTime() - now.getTime()) / 1000));
        const existing = (await findUserById(tx, userId, { lock: true }))!;
        if (!(await verifyPassword(existing.passwordHash, input.currentPassword))) {
          wrongPassword = true;
          throw ValidationError.field('currentPassword', 'NOT_CURRENT_PASSWORD', NOT_YOUR_PASSWORD);
        }
        // The administrator knows the password they gave: keeping it would keep it known.
        if (existing.mustChangePassword && input.newPassword === input.currentPassword) {
          throw ValidationError.field('newPassword', 'PASSWORD_NOT_OWN', CHOOSE_YOUR_OWN);
        }
        const passwordHash = await hashPassword(input.newPassword);
        // Their own choice now: whatever an administrator had set is no longer required to change.
        const updated = (await updateUserRow(tx, userId, { passwordHash, mustChangePassword: false }))!;
        const ended = await revokeOtherSessionsOfUser(tx, userId, sessionId, now);
        await clearFailures(tx, key);
        return { result: { user: updated, endedSessionIds: ended }, details: { endedSessions: ended.length } };
      },
    );
    // After the commit, one revocation per session ended: the caller's own channels stay open.
    for (const ended of endedSessionIds) ctx.pubSub.publish('sessions:revoked', { userId, sessionId: ended });
    return user;
  } finally {
    // Outside the transaction that rolled back, so the failure counts; the refusal row is audited's.
    if (wrongPassword) {
      const { maxFailuresPerAccount, maxFailuresPerAddress: _perAddress, ...delays } = ctx.config.loginThrottle;
      await recordFailure(ctx.db, key, ctx.clock.now(), { freeFailures: maxFailuresPerAccount, ...delays });
    }
  }
}

/** The caller's language (server texts, commodity names, CSV headers) and time zone; fields left out stay as they are. */
export async function updateMyPreferences(ctx: SignedIn<ServiceContext>, rawInput: unknown): Promise<UserRow> {
  const { userId } = ctx.viewer;
  return audited(ctx, { action: 'updateMyPreferences', targetType: 'User', targetId: userId }, async (tx) => {
    const input = parseInput(updateMyPreferencesInput, rawInput);
    const existing = (await findUserById(tx, userId, { lock: true }))!;
    const changes = Object.fromEntries(
      Object.entries(input).filter(([field, value]) => value !== undefined && value !== existing[field as keyof UserRow]),
    );
    const updated = Object.keys(changes).length ? (await updateUserRow(tx, userId, changes))! : existing;
    return { result: updated, details: { changed: Object.keys(changes), ...changes } };
  });
}
