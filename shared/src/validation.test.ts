import { describe, expect, it } from 'vitest';
import { timeZone } from './validation';

describe('a time zone', () => {
  it.each(['Asia/Kolkata', 'Asia/Calcutta', 'Asia/Ho_Chi_Minh', 'Europe/Brussels', 'UTC'])('accepts %s', (zone) => {
    expect(timeZone.safeParse(zone).success).toBe(true);
  });

  it.each(['Mars/Base', 'Kolkata', '', 'Europe/'])('refuses %j', (zone) => {
    expect(timeZone.safeParse(zone).success).toBe(false);
  });
});
