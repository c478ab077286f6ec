import { useCallback, useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';
import { useSession } from '../shell/viewer-context';

// Times are stored in UTC; a screen shows them in the viewer's zone, labelled, with the
// operation's reference zone and UTC a hover away (or beside, where the day matters).

// Making a formatter costs far more than formatting with it (the locale's data is loaded and
// resolved each time), and a feed or a form renders many times: one per locale and options is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function cachedFormatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formatters.get(key);
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

function formatter(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  return cachedFormatter(
    `${locale}|${timeZone}|${withTime}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        ...(withTime ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
      }),
  );
}

export function formatInstant(locale: string, value: string | Date, timeZone: string, withTime = true): string {
  return formatter(locale, timeZone, withTime).format(new Date(value));
}

interface DateTimeProps {
  value: string;
  /** The operation's reference zone, shown in the hover text (or beside the time with `showReference`). */
  referenceZone?: string | undefined;
  showReference?: boolean;
  /** Only the day, for planned dates. */
  dateOnly?: boolean;
}

export function DateTime({ value, referenceZone, showReference = false, dateOnly = false }: DateTimeProps) {
  const { locale } = useIntl();
  const { timeZone } = useSession();
  const zones = [referenceZone, 'UTC'].filter((zone): zone is string => !!zone && zone !== timeZone);
  const others = [...new Set(zones)].map((zone) => formatInstant(locale, value, zone, !dateOnly));
  const reference = referenceZone && referenceZone !== timeZone ? formatInstant(locale, value, referenceZone, !dateOnly) : null;
  return (
    <time dateTime={value} title={others.join(' · ') || undefined}>
      {formatInstant(locale, value, timeZone, !dateOnly)}
      {showReference && reference && <span className="reference-time"> ({reference})</span>}
    </time>
  );
}

const TICK_MS = 30_000;

/**
 * One clock per interval, shared by every component reading it: a feed of a hundred rows, each
 * with its age, keeps one timer rather than a hundred, and its rows change in the same tick.
 */
interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

const tickers = new Map<number, Ticker>();

function tickerOf(intervalMs: number): Ticker {
  let ticker = tickers.get(intervalMs);
  if (!ticker) {
    ticker = { now: Date.now(), listeners: new Set(), timer: null };
    tickers.set(intervalMs, ticker);
  }
  return ticker;
}

/** The ticker's time; one left idle (nobody on screen reads it) is set again when read once it is out of date. */
function tickerNow(intervalMs: number): number {
  const ticker = tickerOf(intervalMs);
  if (ticker.timer === null && Math.abs(Date.now() - ticker.now) >= intervalMs) ticker.now = Date.now();
  return ticker.now;
}

function subscribeTicker(intervalMs: number, listener: () => void): () => void {
  const ticker = tickerOf(intervalMs);
  ticker.listeners.add(listener);
  ticker.timer ??= setInterval(() => {
    ticker.now = Date.now();
    for (const each of ticker.listeners) each();
  }, intervalMs);
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0 && ticker.timer !== null) {
      clearInterval(ticker.timer);
      ticker.timer = null;
    }
  };
}

/** The current time, refreshed every 30 s (or `intervalMs`), for relative ages that stay true on an open screen. */
export function useNow(intervalMs = TICK_MS): number {
  const subscribe = useCallback((listener: () => void) => subscribeTicker(intervalMs, listener), [intervalMs]);
  return useSyncExternalStore(subscribe, () => tickerNow(intervalMs));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "12 min ago", "in 3 h": the coarsest unit that fits, updating while on screen; the instant on hover. */
export function RelativeTime({ value, referenceZone }: { value: string; referenceZone?: string | undefined }) {
  const intl = useIntl();
  const { timeZone } = useSession();
  const now = useNow();
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ['minute', 60];
  const amount = Math.abs(seconds) < 60 ? 0 : Math.trunc(seconds / size);
  const words = intl.formatRelativeTime(amount, unit, { numeric: 'auto', style: 'short' });
  const exact = [timeZone, referenceZone, 'UTC']
    .filter((zone, index, all): zone is string => !!zone && all.indexOf(zone) === index)
    .map((zone) => formatInstant(intl.locale, value, zone))
    .join(' · ');
  return (
    <time dateTime={value} title={exact}>
      {words}
    </time>
  );
}

/** A `datetime-local` value: a wall-clock time, with no zone. */
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A `datetime-local` field shows its value in the browser's own format, not in the page's language:
 * an American English browser shows 12/01/2026 for 1 December to a reader who chose French, who
 * reads 12 January. Spelled out under the field in the page's language, with the weekday, the
 * typed value cannot be misread. The value is a wall-clock time: formatted as UTC so that no zone
 * moves it.
 */
export function spellWallClock(locale: string, value: string): string | undefined {
  if (!WALL_CLOCK.test(value)) return undefined;
  const at = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  const spelled = cachedFormatter(
    `${locale}|wall clock`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }),
  );
  return spelled.format(at);
}
