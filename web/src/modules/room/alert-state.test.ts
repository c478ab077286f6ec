import { describe, expect, it } from 'vitest';
import { awaitsAcknowledgementBy, countdownTo, inOperation } from './alert-state';
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

  it('belongs to the operation whose code starts its reference', () => {
    expect(inOperation(alert(), 'PGS-2026-01')).toBe(true);
    expect(inOperation(alert(), 'PGS-2026')).toBe(false);
  });
});

describe('the acknowledgement countdown', () => {
  const due = '2026-11-30T08:30:00.000Z';
  const at = (time: string) => new Date(`2026-11-30T${time}Z`).getTime();

  it('counts whole minutes to the deadline, never "due in 0 min"', () => {
    expect(countdownTo(due, at('08:18:00'))).toEqual({ overdue: false, minutes: 12 });
    expect(countdownTo(due, at('08:17:30'))).toEqual({ overdue: false, minutes: 13 });
    expect(countdownTo(due, at('08:29:59'))).toEqual({ overdue: false, minutes: 1 });
  });

  it('turns overdue at the deadline and counts the minutes past it', () => {
    expect(countdownTo(due, at('08:30:00'))).toEqual({ overdue: true, minutes: 0 });
    expect(countdownTo(due, at('08:33:30'))).toEqual({ overdue: true, minutes: 3 });
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
