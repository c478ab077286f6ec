import { describe, expect, it } from 'vitest';
import { commentOnAlertInput, raiseAlertInput } from './alerts';
import { recordLicitShipmentsCheckedInput } from './checks';
import { parseCsv } from './csv';
import { readHeader, rowFields } from './seizure-import';
import { reportSeizureInput } from './seizures';
import { createOperationInput } from './operations';
import {
  calendarDate,
  countryCode,
  dateTime,
  MIN_QUANTITY,
  MIN_QUANTITY_MESSAGE,
  optionalText,
  requiredText,
  timeZone,
} from './validation';

describe('a time zone', () => {
  it.each(['Asia/Kolkata', 'Asia/Calcutta', 'Asia/Ho_Chi_Minh', 'Europe/Brussels', 'UTC'])('accepts %s', (zone) => {
    expect(timeZone.safeParse(zone).success).toBe(true);
  });

  it.each(['Mars/Base', 'Kolkata', '', 'Europe/'])('refuses %j', (zone) => {
    expect(timeZone.safeParse(zone).success).toBe(false);
  });
});

const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('text', () => {
  const NUL = '\u0000';

  it.each([
    ['NUL', `Port${NUL}Klang`],
    ['a bell', 'Port\u0007Klang'],
    ['an escape', 'Port\u001B[31mKlang'],
    ['DEL', 'Port\u007FKlang'],
    ['a C1 control', 'Port\u0085Klang'],
    ['a C1 CSI', 'Port\u009BKlang'],
  ])('refuses %s in any field, one line or several', (_name, text) => {
    expect(messagesOf(requiredText(100).safeParse(text))).toEqual([': Must not contain control characters']);
    expect(messagesOf(optionalText(100, { multiline: true }).safeParse(text))).toEqual([': Must not contain control characters']);
  });

  it.each([
    ['a tab', 'Port\tKlang'],
    ['a line feed', 'Port\nKlang'],
    ['a carriage return', 'Port\rKlang'],
  ])('refuses %s inside a one-line field, accepts it where text runs over lines', (_name, text) => {
    expect(messagesOf(requiredText(100).safeParse(text))).toEqual([': Must fit on one line, without tabs']);
    expect(requiredText(100, { multiline: true }).parse(text)).toBe(text);
  });

  it('keeps the words of every script, emoji and the spaces a trim removes around them', () => {
    expect(requiredText(100).parse('  Nhơn Trạch — 仁泽 — نهون ✓ 🚢 ')).toBe('Nhơn Trạch — 仁泽 — نهون ✓ 🚢');
  });

  it('reports the field a control character is in, in each input', () => {
    const comment = commentOnAlertInput.safeParse({ alertId: 'QWxlcnQ6MQ==', body: `Seen at gate 4\u0000` });
    expect(messagesOf(comment)).toEqual(['body: Must not contain control characters']);
    const subject = raiseAlertInput.safeParse({
      operationId: 'x',
      idempotencyKey: 'k',
      category: 'INTELLIGENCE',
      severity: 'LOW',
      title: 'Tip-off',
      subject: { source: { notes: ['fine', 'bad\u0000'] } },
      marking: 'AMBER',
      distribution: 'ALL_PARTICIPANTS',
    });
    expect(messagesOf(subject)).toEqual(['subject.source.notes.1: Must not contain control characters']);
    const title = raiseAlertInput.safeParse({
      operationId: 'x',
      idempotencyKey: 'k',
      category: 'TEST',
      severity: 'LOW',
      title: 'Test\nmessage',
      marking: 'CLEAR',
      distribution: 'ALL_PARTICIPANTS',
    });
    expect(messagesOf(title)).toEqual(['title: Must fit on one line, without tabs']);
  });
});

const seizure = {
  operationId: 'T3BlcmF0aW9uOjE=',
  idempotencyKey: 'report-1',
  seizedAt: '2026-05-01T06:00:00Z',
  countryCode: 'MY',
  place: 'Port Klang',
  locationType: 'SEAPORT',
  commodityId: 'Q29tbW9kaXR5OjE=',
  quantity: 2.5,
  unit: 'KG',
  detectionMethod: 'X_RAY',
  transportMode: 'SEA',
};

describe('quantities', () => {
  it.each([
    [5e-324, 'quantity: At least 0.000001 of the unit'],
    [1e-7, 'quantity: At least 0.000001 of the unit'],
    [0, 'quantity: Must be more than zero'],
    [-1, 'quantity: Must be more than zero'],
    [1e13, 'quantity: Too large'],
  ])('refuses %d in a seizure', (quantity, message) => {
    expect(messagesOf(reportSeizureInput.safeParse({ ...seizure, quantity }))).toEqual([message]);
  });

  it('names the least quantity it takes', () => {
    expect(MIN_QUANTITY_MESSAGE).toContain(String(MIN_QUANTITY));
  });

  it.each([1e-6, 0.25, 1e12])('accepts %d in a seizure', (quantity) => {
    expect(reportSeizureInput.safeParse({ ...seizure, quantity }).success).toBe(true);
  });

  it('takes no quantity, or a real one, in the register of checks', () => {
    const input = { operationId: 'x', checkedOn: '2026-05-01', commodityId: 'y', shipments: 3, unit: 'KG' };
    expect(recordLicitShipmentsCheckedInput.safeParse({ ...input, shipments: 0, quantity: 0 }).success).toBe(true);
    expect(messagesOf(recordLicitShipmentsCheckedInput.safeParse({ ...input, quantity: 5e-324 }))).toEqual([
      'quantity: At least 0.000001 of the unit',
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['0001-01-01T00:00:00Z', 'Must be in 2000 or later'],
    ['1999-12-31T23:59:59Z', 'Must be in 2000 or later'],
    ['2100-01-01T00:00:00Z', 'Must be before 2100'],
    ['20026-05-01T06:00:00Z', 'Not a valid date and time'],
  ])('refuses the instant %s', (instant, message) => {
    expect(messagesOf(dateTime.safeParse(instant))).toEqual([`: ${message}`]);
  });

  it('refuses a seizure in year 0001 against its field', () => {
    expect(messagesOf(reportSeizureInput.safeParse({ ...seizure, seizedAt: '0001-01-01T00:00:00Z' }))).toEqual([
      'seizedAt: Must be in 2000 or later',
    ]);
  });

  it('refuses a planned phase outside the window', () => {
    const input = { code: 'PGS-2026-01', name: 'Shield', programme: 'OTHER', targetCommodityIds: [], referenceTimeZone: 'UTC' };
    const plannedPhases = [{ phase: 'PLANNING', startsAt: '0001-01-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' }];
    expect(messagesOf(createOperationInput.safeParse({ ...input, plannedPhases }))).toEqual([
      'plannedPhases.0.startsAt: Must be in 2000 or later',
    ]);
  });

  it.each([
    ['0001-01-01', 'Must be in 2000 or later'],
    ['2100-01-01', 'Must be before 2100'],
    ['2026-02-30', 'No such day'],
  ])('refuses the day %s', (day, message) => {
    expect(messagesOf(calendarDate.safeParse(day))).toEqual([`: ${message}`]);
  });
});

describe('country codes', () => {
  it.each(['MY', 'th', ' ph ', 'GB', 'CI'])('accepts %j', (code) => {
    expect(countryCode.safeParse(code).success).toBe(true);
  });

  it.each([
    ['ZZ', 'No country has this ISO 3166-1 code'],
    ['XK', 'No country has this ISO 3166-1 code'],
    ['EU', 'No country has this ISO 3166-1 code'],
    ['UK', 'No country has this ISO 3166-1 code'],
    ['MYS', 'Use a two-letter ISO 3166-1 country code'],
    ['M\u0000', 'Use a two-letter ISO 3166-1 country code'],
  ])('refuses %j', (code, message) => {
    expect(messagesOf(countryCode.safeParse(code))).toEqual([`: ${message}`]);
  });
});

describe('an imported file', () => {
  const HEADER = 'seized_at,country_code,place,location_type,commodity_code,quantity,unit,detection_method,transport_mode,concealment';

  const rowOf = (line: string) => {
    const { records, separator } = parseCsv(`${HEADER}\r\n${line}\r\n`);
    const { columns } = readHeader(records[0]!);
    return rowFields(1, records[1]!, columns, separator);
  };

  it.each([
    ['place', '2026-05-01T06:00Z,MY,Port\u0000Klang,SEAPORT,UREA,2,KG,X_RAY,SEA,'],
    ['quantity', '2026-05-01T06:00Z,MY,Port Klang,SEAPORT,UREA,2\u0000,KG,X_RAY,SEA,'],
    ['commodity_code', '2026-05-01T06:00Z,MY,Port Klang,SEAPORT,UR\u0007EA,2,KG,X_RAY,SEA,'],
    ['concealment', '2026-05-01T06:00Z,MY,Port Klang,SEAPORT,UREA,2,KG,X_RAY,SEA,"false floor\u009B"'],
  ])('refuses a control character in the %s cell, at its row and column', (column, line) => {
    expect(rowOf(line).problems).toEqual([{ row: 1, column, message: 'Must not contain control characters' }]);
  });

  it('keeps a line break inside a quoted cell', () => {
    expect(rowOf('2026-05-01T06:00Z,MY,Port Klang,SEAPORT,UREA,2,KG,X_RAY,SEA,"in the false floor\nof the container"')).toMatchObject({
      problems: [],
      fields: { concealment: 'in the false floor\nof the container' },
    });
  });

  it('never echoes a control character of an unknown header', () => {
    expect(readHeader(['seized_at', 'bad\u0000name']).problems[0]).toEqual({
      row: 0,
      column: 'bad\uFFFDname',
      message: 'Not a column of the seizure template',
    });
  });
});
