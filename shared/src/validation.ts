import { z } from 'zod';
import { keyed } from './refusals';
import { isCountryCode } from './countries';

// Building blocks for input schemas. Server and web parse with the same schemas so both say the
// same thing about the same mistake.

// Characters no field keeps: the C0 controls but TAB, LF and CR, DEL, and the C1 controls. NUL
// above all: PostgreSQL cannot store it in text or JSON, so it would fail deep in the database,
// unexplained, instead of here against its field.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const TAB_OR_LINE_BREAK = /[\t\n\r]/;

export const CONTROL_CHARACTER_MESSAGE = 'Must not contain control characters';
export const ONE_LINE_MESSAGE = 'Must fit on one line, without tabs';

export interface TextOptions {
  /** Descriptions, notes, comments: TAB, LF and CR are part of the text. Names and titles are one line. */
  multiline?: boolean;
}

/** What makes `text` unfit for a field, or null. */
export function textProblem(text: string, { multiline = false }: TextOptions = {}): string | null {
  if (CONTROL_CHARACTER.test(text)) return CONTROL_CHARACTER_MESSAGE;
  if (!multiline && TAB_OR_LINE_BREAK.test(text)) return ONE_LINE_MESSAGE;
  return null;
}

/** A refinement for any string schema: refuses what `textProblem` refuses, with its words. */
export const withoutControlCharacters =
  (options: TextOptions = {}) =>
  (text: string, ctx: z.RefinementCtx): void => {
    const problem = textProblem(text, options);
    if (problem)
      ctx.addIssue({ code: 'custom', message: problem, ...keyed(problem === ONE_LINE_MESSAGE ? 'ONE_LINE' : 'CONTROL_CHARACTER') });
  };

const cleanText = (schema: z.ZodString, options: TextOptions) => schema.superRefine(withoutControlCharacters(options));

export const requiredText = (max: number, options: TextOptions = {}) =>
  cleanText(
    z
      .string()
      .trim()
      .min(1, { error: 'Required' })
      .max(max, { error: `At most ${max} characters` }),
    options,
  );

export const optionalText = (max: number, options: TextOptions = {}) =>
  cleanText(
    z
      .string()
      .trim()
      .max(max, { error: `At most ${max} characters` }),
    options,
  )
    .nullish()
    .transform((value) => (value ? value : null));

/**
 * Where a free JSON value (an intelligence alert's subject) holds a control character, in keys
 * or strings at any depth: the path of each such place. Line breaks and tabs are text there.
 */
export function controlCharacterPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return textProblem(value, { multiline: true }) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => controlCharacterPaths(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      textProblem(key, { multiline: true }) ? [[...path, nameable(key)]] : controlCharacterPaths(item, [...path, key]),
    );
  }
  return [];
}

/**
 * A refused key as its error names it: each control character as U+FFFD, since the path goes into
 * the answer and the audit row, and PostgreSQL stores no NUL.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: it replaces exactly the control characters.
const nameable = (key: string): string => key.replace(/[\u0000-\u001F\u007F-\u009F]/gu, '\uFFFD');

/** An opaque Relay id: the service decodes it and reports a bad one against the same field. */
export const globalId = cleanText(z.string().trim().min(1, { error: 'Required' }).max(200, { error: 'Not a valid id' }), {});

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'Use a two-letter ISO 3166-1 country code', abort: true })
  .refine(isCountryCode, { error: 'No country has this ISO 3166-1 code', ...keyed('NOT_A_COUNTRY') });

/**
 * Quantities are real amounts of a unit: a millionth (a milligram in kilograms) at least, which
 * also refuses the subnormal numbers a float can carry (5e-324), and 10^12 at most (a million
 * tonnes even in grams), which refuses typos, not real figures.
 */
export const MIN_QUANTITY = 1e-6;
export const MAX_QUANTITY = 1e12;
// Written out rather than built from MIN_QUANTITY, so that every language has it as one fixed
// sentence; validation.test.ts holds the two together.
export const MIN_QUANTITY_MESSAGE = 'At least 0.000001 of the unit';

// Every date the domain records falls in this window: a year 0001 or 20026 is a typo, not a plan.
const EARLIEST_INSTANT = new Date('2000-01-01T00:00:00Z');
const LATEST_INSTANT = new Date('2100-01-01T00:00:00Z');
export const EARLIEST_MESSAGE = 'Must be in 2000 or later';
export const LATEST_MESSAGE = 'Must be before 2100';

/** A date and time (an instant), within the window of the domain's dates. */
export const dateTime = z.coerce
  .date({ error: 'Not a valid date and time' })
  .min(EARLIEST_INSTANT, { error: EARLIEST_MESSAGE })
  .max(new Date(LATEST_INSTANT.getTime() - 1), { error: LATEST_MESSAGE });

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
  .refine((zone) => knownTimeZones.has(zone) || understoodZone(zone), { error: 'Unknown IANA time zone', ...keyed('UNKNOWN_TIME_ZONE') });

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Not a valid e-mail address' }).max(254));

/** A day on the calendar, `YYYY-MM-DD`, that exists (no 30 February). */
export const calendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date as YYYY-MM-DD' })
  .refine(
    (day) => {
      const midnight = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(day);
    },
    { error: 'No such day', abort: true, ...keyed('NO_SUCH_DAY') },
  )
  .refine((day) => new Date(`${day}T00:00:00Z`) >= EARLIEST_INSTANT, { error: EARLIEST_MESSAGE, ...keyed('DATE_TOO_EARLY', { min: 2000 }) })
  .refine((day) => new Date(`${day}T00:00:00Z`) < LATEST_INSTANT, { error: LATEST_MESSAGE, ...keyed('DATE_TOO_LATE', { max: 2100 }) });

/** The calendar day it is at `instant` in `zone`, as `YYYY-MM-DD`. */
export function calendarDateIn(zone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
