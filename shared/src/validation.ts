import { z } from 'zod';

// Building blocks for input schemas. Server and web parse with the same schemas so both say the
// same thing about the same mistake.

export const requiredText = (max: number) =>
  z.string().trim().min(1, { error: 'Required' }).max(max, { error: `At most ${max} characters` });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));

/** An opaque Relay id: the service decodes it and reports a bad one against the same field. */
export const globalId = z.string().trim().min(1, { error: 'Required' }).max(200, { error: 'Not a valid id' });

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'Use a two-letter ISO 3166-1 country code' });

const knownTimeZones = new Set<string>([...Intl.supportedValuesOf('timeZone'), 'UTC']);

// ICU lists the old name of some zones (Asia/Calcutta) and understands the current one
// (Asia/Kolkata) without listing it: both are accepted.
const understoodZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
};

export const timeZone = z
  .string()
  .trim()
  .refine((zone) => knownTimeZones.has(zone) || understoodZone(zone), { error: 'Unknown IANA time zone' });

export const email = z.string().trim().toLowerCase().pipe(z.email({ error: 'Not a valid e-mail address' }).max(254));

/** A day on the calendar, `YYYY-MM-DD`, that exists (no 30 February). */
export const calendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date as YYYY-MM-DD' })
  .refine((day) => {
    const midnight = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(day);
  }, { error: 'No such day' });

/** The calendar day it is at `instant` in `zone`, as `YYYY-MM-DD`. */
export function calendarDateIn(zone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
