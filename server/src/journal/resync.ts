import type { StoredEvent } from './event-catalogue';

export const RESYNC_REQUIRED = 'RESYNC_REQUIRED' satisfies StoredEvent['type'];

export const RESYNC_REASONS = {
  invalid: 'The cursor is not valid.',
  ahead: 'The cursor is ahead of this operation’s events.',
  expired: 'Events after the cursor have passed the retention period.',
} as const;

/**
 * What a stream says instead of skipping: the subscriber must reload the operation's state. Its
 * cursor is the head it continues from, so what the reload missed still arrives, once.
 */
export const resyncRequired = (
  operationId: string,
  headSeq: number,
  at: Date,
  reason: keyof typeof RESYNC_REASONS,
): StoredEvent<typeof RESYNC_REQUIRED> => ({
  operationId,
  seq: headSeq,
  type: RESYNC_REQUIRED,
  occurredAt: at,
  actorUserId: null,
  audienceAgencyIds: null,
  data: { reason: RESYNC_REASONS[reason] },
});
