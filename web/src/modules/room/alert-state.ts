import type { RoomAlert } from './room-alert-fields';
import type { RoomSearch } from './room-search';

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
  /** Whole units to the deadline (at least 1 before it), or past it when overdue. */
  amount: number;
  /** Minutes up to two hours, hours up to two days, then days: "overdue by 3 d", not "by 4,320 min". */
  unit: 'minute' | 'hour' | 'day';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "due in 12 min" until the deadline, then "overdue by 3 min"; rounded towards the deadline. */
export function countdownTo(dueAt: string, now: number): Countdown {
  const left = new Date(dueAt).getTime() - now;
  const overdue = left <= 0;
  const span = Math.abs(left);
  const [unit, size] =
    span >= 2 * DAY ? (['day', DAY] as const) : span >= 2 * HOUR ? (['hour', HOUR] as const) : (['minute', MINUTE] as const);
  return overdue ? { overdue, amount: Math.floor(span / size), unit } : { overdue, amount: Math.max(1, Math.ceil(span / size)), unit };
}

/** Acknowledged by the agency, still without its feedback: what awaitingMyFeedback lists (TEST and withdrawn alerts aside). */
export function awaitsFeedbackFrom(alert: RoomAlert, agencyId: string): boolean {
  const recipient = recipientFor(alert, agencyId);
  return !!recipient?.acknowledgedAt && !recipient.feedback && !alert.withdrawnAt && alert.category !== 'TEST';
}

/**
 * The feed's filters applied in the browser, to what the stream brought since the pages were
 * read (the pages themselves come filtered by the server, with the same rules).
 */
export function matchesSearch(alert: RoomAlert, search: RoomSearch, agencyId: string): boolean {
  if (search.severity && alert.severity !== search.severity) return false;
  if (search.category && alert.category !== search.category) return false;
  if (search.agency && alert.raisedByAgency.id !== search.agency) return false;
  if (search.country && alert.raisedByAgency.countryCode !== search.country) return false;
  if (search.awaiting === 'acknowledgement') return awaitsAcknowledgementBy(alert, agencyId);
  if (search.awaiting === 'feedback') return awaitsFeedbackFrom(alert, agencyId);
  return true;
}

/**
 * What the feed shows: the alerts the stream brought that are newer than every page loaded (the
 * newest first), then the pages, each alert as last told, all through the filters.
 */
export function feedAlerts(
  loaded: readonly RoomAlert[],
  patches: ReadonlyMap<string, RoomAlert>,
  keep: (alert: RoomAlert) => boolean,
): RoomAlert[] {
  const loadedIds = new Set(loaded.map((alert) => alert.id));
  const newest = loaded[0]?.raisedAt;
  // The map keeps the order alerts were first told of: among alerts raised at the same instant,
  // the one told last is the newest.
  const arrived = [...patches.values()]
    .filter((alert) => !loadedIds.has(alert.id) && (!newest || alert.raisedAt >= newest))
    .reverse()
    .sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0));
  return [...arrived, ...loaded.map((alert) => patches.get(alert.id) ?? alert)].filter(keep);
}
