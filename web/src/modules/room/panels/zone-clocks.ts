import { countryName } from '../../../ui/agency';

export interface ZoneClock {
  timeZone: string;
  /** The country the clock is for; none for the operation's reference time. */
  countryCode?: string;
  reference?: true;
}

interface ParticipationZone {
  status: string;
  agency: { countryCode: string | null; timeZone: string | null };
}

/** Minutes east of UTC in `timeZone` at `now`, from the zone's own offset as Intl writes it ("GMT+5:30"). */
export function offsetMinutes(timeZone: string, now: Date): number {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-−])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '+' ? minutes : -minutes;
}

/**
 * The operation's reference clock first, then one per participating country and zone (a country
 * whose agencies work in two zones gets two), west to east, then by the country's name.
 * An agency without a zone, or without a country (an international organisation), has no clock.
 */
export function zoneClocks(
  referenceTimeZone: string,
  participations: readonly ParticipationZone[],
  now: Date,
  locale: string,
): ZoneClock[] {
  const seen = new Set<string>();
  const clocks: ZoneClock[] = [];
  for (const { status, agency } of participations) {
    if (status !== 'ACCEPTED' || !agency.countryCode || !agency.timeZone) continue;
    const key = `${agency.countryCode}|${agency.timeZone}`;
    if (seen.has(key)) continue;
    seen.add(key);
    clocks.push({ timeZone: agency.timeZone, countryCode: agency.countryCode });
  }
  const collator = new Intl.Collator(locale);
  clocks.sort(
    (a, b) =>
      offsetMinutes(a.timeZone, now) - offsetMinutes(b.timeZone, now) ||
      collator.compare(countryName(locale, a.countryCode!), countryName(locale, b.countryCode!)),
  );
  return [{ timeZone: referenceTimeZone, reference: true }, ...clocks];
}
