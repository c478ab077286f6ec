import { describe, expect, it } from 'vitest';
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-time';

describe('phase dates typed in the operation’s reference zone', () => {
  it('reads a wall-clock time in zones with whole, half and quarter hours', () => {
    expect(zonedLocalToUtc('2026-03-02T08:00', 'UTC')).toBe('2026-03-02T08:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-02T08:00', 'Asia/Kuala_Lumpur')).toBe('2026-03-02T00:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-02T08:00', 'Asia/Kolkata')).toBe('2026-03-02T02:30:00.000Z');
    expect(zonedLocalToUtc('2026-03-02T08:00', 'Asia/Kathmandu')).toBe('2026-03-02T02:15:00.000Z');
    expect(zonedLocalToUtc('2026-03-02T00:30', 'Asia/Manila')).toBe('2026-03-01T16:30:00.000Z');
    expect(zonedLocalToUtc('2026-03-02T08:00', 'America/New_York')).toBe('2026-03-02T13:00:00.000Z');
  });

  it('follows daylight saving time in Brussels, winter and summer', () => {
    expect(zonedLocalToUtc('2026-01-15T09:00', 'Europe/Brussels')).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedLocalToUtc('2026-07-15T09:00', 'Europe/Brussels')).toBe('2026-07-15T07:00:00.000Z');
  });

  it('reads a time skipped when clocks go forward as the time after the change', () => {
    // 29 March 2026: Brussels goes from 02:00 CET straight to 03:00 CEST.
    const instant = zonedLocalToUtc('2026-03-29T02:30', 'Europe/Brussels');
    expect(instant).toBe('2026-03-29T01:30:00.000Z');
    expect(utcToZonedLocal(instant!, 'Europe/Brussels')).toBe('2026-03-29T03:30');
  });

  it('takes the first of a time that happens twice when clocks go back', () => {
    // 25 October 2026: 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    expect(zonedLocalToUtc('2026-10-25T02:30', 'Europe/Brussels')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses text that is not a date and time, and days that do not exist', () => {
    expect(zonedLocalToUtc('', 'UTC')).toBeNull();
    expect(zonedLocalToUtc('2026-03-02', 'UTC')).toBeNull();
    expect(zonedLocalToUtc('2026-02-30T08:00', 'UTC')).toBeNull();
    expect(zonedLocalToUtc('2026-03-02T24:00', 'UTC')).toBeNull();
  });

  it('shows a stored instant as the reference zone’s wall clock, and back again', () => {
    expect(utcToZonedLocal('2026-03-01T16:30:00.000Z', 'Asia/Manila')).toBe('2026-03-02T00:30');
    expect(utcToZonedLocal('2026-03-02T02:15:00Z', 'Asia/Kathmandu')).toBe('2026-03-02T08:00');
    for (const zone of ['Asia/Kabul', 'Asia/Dhaka', 'Europe/Brussels', 'Pacific/Chatham', 'UTC']) {
      const local = '2026-06-30T23:45';
      expect(utcToZonedLocal(zonedLocalToUtc(local, zone)!, zone)).toBe(local);
    }
  });
});
