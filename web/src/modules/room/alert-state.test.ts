import { describe, expect, it } from 'vitest';
import { awaitsAcknowledgementBy, awaitsFeedbackFrom, countdownTo, feedAlerts, matchesSearch } from './alert-state';
import type { RoomAlert } from './room-alert-fields';
import { validateRoomSearch } from './room-search';

const agency = (id: string) => ({ id, name: `Agency ${id}`, acronym: id, countryCode: 'MY' });

const alert = (change: Partial<RoomAlert> = {}): RoomAlert => ({
  id: 'a1',
  reference: 'PGS-2026-01/A-0001',
  title: 'Detonators in a reefer container',
  severity: 'HIGH',
  category: 'SHIPMENT',
  marking: 'AMBER',
  distribution: 'RESTRICTED',
  outcome: 'PENDING',
  raisedAt: '2026-11-30T08:00:00.000Z',
  withdrawnAt: null,
  raisedByAgency: agency('A'),
  recipients: [
    { dueAt: '2026-11-30T08:30:00.000Z', acknowledgedAt: null, overdue: false, agency: agency('B'), feedback: null },
    { dueAt: '2026-11-30T08:30:00.000Z', acknowledgedAt: '2026-11-30T08:05:00.000Z', overdue: false, agency: agency('C'), feedback: null },
  ],
  ...change,
});

describe('where an alert stands for the viewer’s agency', () => {
  it('awaits the acknowledgement of a recipient that has not given it', () => {
    expect(awaitsAcknowledgementBy(alert(), 'B')).toBe(true);
    expect(awaitsAcknowledgementBy(alert(), 'C')).toBe(false);
  });

  it('asks nothing of the agency that raised it, or of one it was not sent to', () => {
    expect(awaitsAcknowledgementBy(alert(), 'A')).toBe(false);
    expect(awaitsAcknowledgementBy(alert(), 'D')).toBe(false);
  });

  it('asks nothing more once withdrawn', () => {
    expect(awaitsAcknowledgementBy(alert({ withdrawnAt: '2026-11-30T08:10:00.000Z' }), 'B')).toBe(false);
  });
});

describe('the acknowledgement countdown', () => {
  const due = '2026-11-30T08:30:00.000Z';
  const at = (time: string) => new Date(`2026-11-30T${time}Z`).getTime();

  it('counts whole minutes to the deadline, never "due in 0 min"', () => {
    expect(countdownTo(due, at('08:18:00'))).toEqual({ overdue: false, amount: 12, unit: 'minute' });
    expect(countdownTo(due, at('08:17:30'))).toEqual({ overdue: false, amount: 13, unit: 'minute' });
    expect(countdownTo(due, at('08:29:59'))).toEqual({ overdue: false, amount: 1, unit: 'minute' });
  });

  it('turns overdue at the deadline and counts the minutes past it', () => {
    expect(countdownTo(due, at('08:30:00'))).toEqual({ overdue: true, amount: 0, unit: 'minute' });
    expect(countdownTo(due, at('08:33:30'))).toEqual({ overdue: true, amount: 3, unit: 'minute' });
  });

  it('says hours, then days, for a deadline far off or long past', () => {
    expect(countdownTo(due, at('05:00:00'))).toEqual({ overdue: false, amount: 4, unit: 'hour' });
    expect(countdownTo(due, new Date('2026-12-03T09:00:00Z').getTime())).toEqual({ overdue: true, amount: 3, unit: 'day' });
    expect(countdownTo(due, at('10:29:00'))).toEqual({ overdue: true, amount: 119, unit: 'minute' });
  });
});

describe('the room’s address', () => {
  it('keeps the filters it knows and drops the rest', () => {
    expect(validateRoomSearch({ severity: 'CRITICAL', category: 'SHIPMENT', agency: 'QWdlbmN5OjE', awaiting: 'feedback' })).toEqual({
      severity: 'CRITICAL',
      category: 'SHIPMENT',
      agency: 'QWdlbmN5OjE',
      awaiting: 'feedback',
    });
    expect(validateRoomSearch({ severity: 'URGENT', category: 3, agency: '<script>', awaiting: 'everything' })).toEqual({
      severity: undefined,
      category: undefined,
      agency: undefined,
      awaiting: undefined,
    });
  });
});

describe('the feed’s filters in the browser', () => {
  it('keeps an alert to the agency while it awaits acknowledgement, then while it awaits feedback', () => {
    const acknowledgedByB = alert({
      recipients: [{ ...alert().recipients[0]!, acknowledgedAt: '2026-11-30T08:10:00.000Z' }],
    });
    expect(matchesSearch(alert(), { awaiting: 'acknowledgement' }, 'B')).toBe(true);
    expect(matchesSearch(acknowledgedByB, { awaiting: 'acknowledgement' }, 'B')).toBe(false);
    expect(matchesSearch(acknowledgedByB, { awaiting: 'feedback' }, 'B')).toBe(true);
    expect(awaitsFeedbackFrom(alert({ ...acknowledgedByB, category: 'TEST' }), 'B')).toBe(false);
    const answered = alert({ recipients: [{ ...acknowledgedByB.recipients[0]!, feedback: { outcome: 'NOTHING_FOUND' } }] });
    expect(matchesSearch(answered, { awaiting: 'feedback' }, 'B')).toBe(false);
  });

  it('narrows by severity, category and originating agency, all given holding', () => {
    expect(matchesSearch(alert(), { severity: 'HIGH', category: 'SHIPMENT', agency: 'A' }, 'B')).toBe(true);
    expect(matchesSearch(alert(), { severity: 'CRITICAL' }, 'B')).toBe(false);
    expect(matchesSearch(alert(), { category: 'PASSENGER' }, 'B')).toBe(false);
    expect(matchesSearch(alert(), { agency: 'C' }, 'B')).toBe(false);
  });

  it("narrows by the originating agency's country, as chosen on the room's map", () => {
    expect(matchesSearch(alert(), { country: 'MY' }, 'B')).toBe(true);
    expect(matchesSearch(alert(), { country: 'TH' }, 'B')).toBe(false);
    expect(validateRoomSearch({ country: 'TH' }).country).toBe('TH');
    expect(validateRoomSearch({ country: 'Thailand' }).country).toBeUndefined();
  });
});

describe('what the feed shows', () => {
  const at = (id: string, raisedAt: string, change: Partial<RoomAlert> = {}) => alert({ id, raisedAt, ...change });
  const loaded = [at('a2', '2026-11-30T08:02:00.000Z'), at('a1', '2026-11-30T08:01:00.000Z')];

  it('puts alerts that arrived on the stream above the pages, newest first, each once', () => {
    const patches = new Map([
      ['a4', at('a4', '2026-11-30T08:04:00.000Z')],
      ['a3', at('a3', '2026-11-30T08:03:00.000Z')],
      ['a2', at('a2', '2026-11-30T08:02:00.000Z', { outcome: 'SEIZED' })],
    ]);
    const shown = feedAlerts(loaded, patches, () => true);
    expect(shown.map((a) => a.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(shown[2]!.outcome).toBe('SEIZED');
  });

  it('puts the alert told last first among alerts raised at the same instant', () => {
    const patches = new Map([
      ['a3', at('a3', '2026-11-30T08:03:00.000Z')],
      ['a4', at('a4', '2026-11-30T08:03:00.000Z')],
    ]);
    expect(feedAlerts(loaded, patches, () => true).map((a) => a.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
  });

  it('leaves an older alert the stream told of to its own page, further down', () => {
    const patches = new Map([['a0', at('a0', '2026-11-30T07:00:00.000Z')]]);
    expect(feedAlerts(loaded, patches, () => true).map((a) => a.id)).toEqual(['a2', 'a1']);
  });

  it('drops what the filter refuses, arrived or loaded', () => {
    const patches = new Map([['a3', at('a3', '2026-11-30T08:03:00.000Z', { severity: 'LOW' })]]);
    expect(feedAlerts(loaded, patches, (a) => a.severity === 'HIGH').map((a) => a.id)).toEqual(['a2', 'a1']);
  });
});
