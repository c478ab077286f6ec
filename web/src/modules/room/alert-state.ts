import type { RoomAlert } from './room-alert-fields';

// Where an alert stands for the viewer's agency, worked out from what the feed holds: pure, so
// the row, the count and the announcements agree, and the tests read them as rules.

export type Recipient = RoomAlert['recipients'][number];

/** The viewer's agency among the alert's recipients, if the alert was sent to it. */
export const recipientFor = (alert: RoomAlert, agencyId: string): Recipient | undefined =>
  alert.recipients.find((recipient) => recipient.agency.id === agencyId);

/** Sent to the agency, not acknowledged by it, and not withdrawn: its Acknowledge button shows. */
export function awaitsAcknowledgementBy(alert: RoomAlert, agencyId: string): boolean {
  const recipient = recipientFor(alert, agencyId);
  return !!recipient && !recipient.acknowledgedAt && !alert.withdrawnAt;
}

export interface Countdown {
  overdue: boolean;
  /** Whole minutes to the deadline, or past it when overdue; at least 1 before it. */
  minutes: number;
}

/** "due in 12 min" until the deadline, then "overdue by 3 min"; to the minute, rounded towards the deadline. */
export function countdownTo(dueAt: string, now: number): Countdown {
  const left = new Date(dueAt).getTime() - now;
  if (left > 0) return { overdue: false, minutes: Math.max(1, Math.ceil(left / 60_000)) };
  return { overdue: true, minutes: Math.floor(Math.abs(left) / 60_000) };
}

/** The alert belongs to the operation: its reference starts with the operation's code. */
export const inOperation = (alert: Pick<RoomAlert, 'reference'>, operationCode: string): boolean =>
  alert.reference.startsWith(`${operationCode}/`);
