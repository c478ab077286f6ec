import type { CheckedDatabase } from '@jointops/shared/domain';
import type { DatabaseCheckEntry, LicitShipmentEntry } from './checks-documents';

// The totals so far of the register, as the results count them: shipments and checks are added
// up across days and agencies; quantities only within one unit, never across units.

export interface RegisterTotals {
  shipments: number;
  checks: number;
  hits: number;
  /** Per database checked, in the order they were first recorded. */
  byDatabase: { database: CheckedDatabase; checks: number; hits: number }[];
}

export function registerTotals(licit: readonly LicitShipmentEntry[], databases: readonly DatabaseCheckEntry[]): RegisterTotals {
  const byDatabase = new Map<CheckedDatabase, { database: CheckedDatabase; checks: number; hits: number }>();
  for (const entry of databases) {
    const total = byDatabase.get(entry.database) ?? { database: entry.database, checks: 0, hits: 0 };
    total.checks += entry.checks;
    total.hits += entry.hits;
    byDatabase.set(entry.database, total);
  }
  return {
    shipments: licit.reduce((sum, entry) => sum + entry.shipments, 0),
    checks: databases.reduce((sum, entry) => sum + entry.checks, 0),
    hits: databases.reduce((sum, entry) => sum + entry.hits, 0),
    byDatabase: [...byDatabase.values()],
  };
}

/** Today in the operation's reference zone, as the register names days (YYYY-MM-DD). */
export const todayIn = (timeZone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** Newest day first; within a day, as recorded. */
export const newestDayFirst = <T extends { checkedOn: string }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => b.checkedOn.localeCompare(a.checkedOn));

/** A register day (YYYY-MM-DD, in the operation's zone) in the reader's words, without shifting it to another zone. */
export const dayWords = (locale: string, day: string, withWeekday = false): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withWeekday ? { weekday: 'short' } : {}),
  }).format(new Date(`${day}T00:00:00Z`));

const DAY_MS = 86_400_000;

/**
 * The days of the operation that may be recorded, oldest first, in its reference zone: from the
 * day its operational phase began to today there, or to its last operational day once that phase
 * has ended. The server refuses a day before the phase began or not yet come.
 */
export function recordableDays(zone: string, started: string | null, ended: string | null, now = new Date()): string[] {
  const today = todayIn(zone, now);
  const endDay = ended ? todayIn(zone, new Date(ended)) : today;
  const last = [endDay, today].sort()[0]!;
  const first = started ? todayIn(zone, new Date(started)) : last;
  // A browser clock behind the server's may put today before the first day: the first day it is.
  if (first >= last) return [first];
  const days: string[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += DAY_MS)
    days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}
