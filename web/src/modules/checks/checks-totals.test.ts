import { describe, expect, it } from 'vitest';
import { dayWords, recordableDays } from './checks-totals';

// The days a register form offers are the operation's, in its reference zone, whatever the
// browser's zone and date; and they read day first in French.

describe('the days of the register', () => {
  const started = '2026-05-31T18:00:00Z'; // 1 June, 01:00 in Bangkok

  it('runs from the first operational day to today in the reference zone', () => {
    expect(recordableDays('Asia/Bangkok', started, null, new Date('2026-06-02T20:00:00Z'))).toEqual([
      '2026-06-01',
      '2026-06-02',
      '2026-06-03',
    ]);
  });

  it('stops at the last operational day once the phase has ended', () => {
    expect(recordableDays('Asia/Bangkok', started, '2026-06-02T03:00:00Z', new Date('2026-07-01T00:00:00Z'))).toEqual([
      '2026-06-01',
      '2026-06-02',
    ]);
  });

  it('offers the first day when the browser’s clock is behind the operation', () => {
    expect(recordableDays('Asia/Bangkok', started, null, new Date('2026-05-01T00:00:00Z'))).toEqual(['2026-06-01']);
  });

  it('names a day in the reader’s words, day first in French', () => {
    expect(dayWords('fr-FR', '2026-06-03', true)).toBe('mer. 3 juin 2026');
    expect(dayWords('en-GB', '2026-06-03')).toBe('3 Jun 2026');
  });
});
