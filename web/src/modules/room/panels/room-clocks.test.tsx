import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomClocks } from './room-clocks';
import { OPERATION_CODE, OPERATION_ID, renderPanel } from './panels.test-support';
import { offsetMinutes } from './zone-clocks';

// The clocks read the agencies' time zones and the operation's reference zone, with a fixed clock
// a moment before a new minute, and move on when it comes.

const participation = (id: string, countryCode: string | null, timeZone: string | null, status = 'ACCEPTED') => ({
  __typename: 'Participation',
  id: `p-${id}`,
  status,
  agency: { __typename: 'Agency', id, name: `Agency ${id}`, acronym: null, countryCode, timeZone },
});

const answers = {
  queries: {
    RoomParticipations: {
      operationByCode: {
        __typename: 'Operation',
        id: OPERATION_ID,
        referenceTimeZone: 'Asia/Bangkok',
        participations: [
          participation('wco', null, 'Europe/Brussels'),
          participation('my', 'MY', 'Asia/Kuala_Lumpur'),
          participation('th', 'TH', 'Asia/Bangkok'),
          participation('id-jkt', 'ID', 'Asia/Jakarta'),
          participation('id-upg', 'ID', 'Asia/Makassar'),
          participation('id-bea', 'ID', 'Asia/Jakarta'),
          participation('lk', 'LK', null),
          participation('af', 'AF', 'Asia/Kabul', 'DECLINED'),
        ],
      },
    },
  },
};

const clocks = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => [
      item.querySelector('.room-clock-label')!.textContent,
      item.querySelector('time')!.textContent,
      item.querySelector('.room-clock-zone')!.textContent,
    ]);

describe('the clocks of the room', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date('2026-11-30T09:59:30Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the operation time, then each participating country in its agencies’ zones, west to east', () => {
    renderPanel(<RoomClocks operationCode={OPERATION_CODE} />, answers);
    expect(clocks()).toEqual([
      ['Operation time', '16:59', 'Mon 30 Nov · GMT+7'],
      ['Indonesia', '16:59', 'Mon 30 Nov · GMT+7'],
      ['Thailand', '16:59', 'Mon 30 Nov · GMT+7'],
      ['Indonesia', '17:59', 'Mon 30 Nov · GMT+8'],
      ['Malaysia', '17:59', 'Mon 30 Nov · GMT+8'],
    ]);
  });

  it('ticks at the next minute, and each minute after', () => {
    renderPanel(<RoomClocks operationCode={OPERATION_CODE} />, answers);
    act(() => vi.advanceTimersByTime(29_000));
    expect(clocks()[0]![1]).toBe('16:59');
    act(() => vi.advanceTimersByTime(1_000));
    expect(clocks()[0]![1]).toBe('17:00');
    act(() => vi.advanceTimersByTime(60_000));
    expect(clocks()[0]![1]).toBe('17:01');
  });

  it('writes the day and zone in French', () => {
    renderPanel(<RoomClocks operationCode={OPERATION_CODE} />, answers, 'fr');
    expect(clocks()[0]).toEqual(['Heure de l’opération', '16:59', 'lun. 30 nov. · UTC+7']);
    expect(clocks()[1]![0]).toBe('Indonésie');
  });

  it('reads a zone’s offset, half hours and the west included', () => {
    const now = new Date('2026-11-30T09:59:30Z');
    expect(offsetMinutes('Asia/Kolkata', now)).toBe(330);
    expect(offsetMinutes('America/Bogota', now)).toBe(-300);
    expect(offsetMinutes('UTC', now)).toBe(0);
  });
});
