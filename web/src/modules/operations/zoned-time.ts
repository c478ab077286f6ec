// A planner types a phase's dates as the wall-clock time of the operation's reference zone
// (`datetime-local`, which has no zone of its own); the API stores instants in UTC. These two
// conversions use only Intl, whose zone data the browser keeps up to date.

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(zone, format);
  }
  return format;
}

function wallClockParts(instant: number, zone: string): Record<string, number> {
  const parts = wallClock(zone).formatToParts(new Date(instant));
  return Object.fromEntries(parts.filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
}

/** How far ahead of UTC the zone's clocks are at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const p = wallClockParts(instant, zone);
  const asIfUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asIfUtc - (instant - (instant % 1000));
}

/**
 * The UTC instant (ISO 8601) at which clocks in `zone` show `local` (`YYYY-MM-DDTHH:mm`); null for
 * text that is not such a time. A time skipped when clocks go forward is read with the offset
 * before the change (02:30 becomes 03:30); a time that happens twice is the first of the two.
 */
export function zonedLocalToUtc(local: string, zone: string): string | null {
  const match = LOCAL_PATTERN.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asIfUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset is that of the instant itself, which depends on the answer: try the offset a few
  // hours either side and keep the earliest instant whose wall clock matches.
  const candidates = [offsetAt(asIfUtc - 86_400_000, zone), offsetAt(asIfUtc, zone), offsetAt(asIfUtc + 86_400_000, zone)]
    .map((offset) => asIfUtc - offset)
    .filter((instant) => asIfUtc - offsetAt(instant, zone) === instant)
    .sort((a, b) => a - b);
  const instant = candidates[0] ?? asIfUtc - offsetAt(asIfUtc - 86_400_000, zone);
  return new Date(instant).toISOString();
}

/** What clocks in `zone` show at `instant`, as a `datetime-local` value (`YYYY-MM-DDTHH:mm`). */
export function utcToZonedLocal(instant: string | Date, zone: string): string {
  const p = wallClockParts(new Date(instant).getTime(), zone);
  const two = (value: number | undefined) => String(value ?? 0).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
