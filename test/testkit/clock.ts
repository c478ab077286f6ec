import type { Clock } from '@jointops/server/clock';

/** A clock the test moves: session expiry and lockouts are tested without sleeping. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start = new Date('2026-06-01T08:00:00Z')) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(by: { seconds?: number; minutes?: number; hours?: number; days?: number }): void {
    this.current += ((by.seconds ?? 0) + (by.minutes ?? 0) * 60 + (by.hours ?? 0) * 3600 + (by.days ?? 0) * 86_400) * 1000;
  }
}
