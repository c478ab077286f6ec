import { ConflictError } from '../../domain-errors';

/**
 * A withdrawn alert is kept as it was, for the record: nothing more is asked of or said about it.
 * A conflict, as for a seizure report no longer in the status an action needs: the operation's
 * phase allows the action, this alert's state does not.
 */
export function requireNotWithdrawn(alert: { withdrawnAt: Date | null }): void {
  if (alert.withdrawnAt) throw new ConflictError('This alert was withdrawn: it can no longer be acknowledged, answered or amended.');
}
