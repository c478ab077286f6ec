import { describe, expect, it } from 'vitest';
import { raiseAlertInput } from './alerts';
import { problemOf } from './problems';
import { seizureContentInput } from './seizures';
import { calendarDate, countryCode, dateTime, optionalText, requiredText } from './validation';

// Each kind of problem the shared schemas report has its key and bounds, so a client never parses the sentence.

const firstProblem = (schema: { safeParse: (value: unknown) => { error?: { issues: unknown[] } } }, value: unknown) =>
  problemOf(schema.safeParse(value).error!.issues[0] as Parameters<typeof problemOf>[0]);

describe('the problem of an issue', () => {
  it.each([
    ['a blank required text', requiredText(10), '  ', { key: 'REQUIRED' }],
    ['a missing required text', requiredText(10), undefined, { key: 'REQUIRED' }],
    ['a text too long', optionalText(5), 'abcdefg', { key: 'TOO_LONG', max: 5 }],
    ['a control character', requiredText(10), 'a\u0000b', { key: 'CONTROL_CHARACTER' }],
    ['a tab in a one-line text', requiredText(10), 'a\tb', { key: 'ONE_LINE' }],
    ['a country that is no code', countryCode, 'Malaysia', { key: 'NOT_A_COUNTRY' }],
    ['a code no country has', countryCode, 'XX', { key: 'NOT_A_COUNTRY' }],
  ])('%s', (_kind, schema, value, problem) => {
    expect(firstProblem(schema, value)).toEqual(problem);
  });

  it('of numbers and lists, with the bound', () => {
    expect(problemOf({ code: 'too_small', origin: 'number', minimum: 1, message: 'x' })).toEqual({ key: 'TOO_SMALL', min: 1 });
    expect(problemOf({ code: 'too_big', origin: 'number', maximum: 10080, message: 'x' })).toEqual({ key: 'TOO_LARGE', max: 10080 });
    expect(problemOf({ code: 'too_big', origin: 'array', maximum: 100, message: 'x' })).toEqual({ key: 'TOO_MANY', max: 100 });
    expect(problemOf({ code: 'invalid_format', message: 'Use a seven-digit IMO number' })).toEqual({ key: 'INVALID' });
    expect(problemOf({ code: 'custom', message: 'Give a bill of lading or an air waybill' })).toEqual({ key: 'OTHER' });
  });

  it('is kept when an alert’s subject moves the issue under typedSubject', () => {
    const parsed = raiseAlertInput.safeParse({
      operationId: 'T3BlcmF0aW9uOjE=',
      idempotencyKey: 'k',
      category: 'CONVEYANCE',
      severity: 'HIGH',
      title: 'Vessel',
      marking: 'AMBER',
      distribution: 'ALL_PARTICIPANTS',
      typedSubject: { conveyance: { vesselName: 'V'.repeat(201) } },
    });
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(['typedSubject', 'conveyance', 'vesselName']);
    expect(problemOf(issue as Parameters<typeof problemOf>[0])).toEqual({ key: 'TOO_LONG', max: 200 });
  });

  it('of a rule of its own is the key its refinement names, with its parameters', () => {
    const alert = {
      operationId: 'T3BlcmF0aW9uOjE=',
      idempotencyKey: 'k',
      category: 'SHIPMENT',
      severity: 'HIGH',
      title: 'Ammonium nitrate declared as fertiliser',
      marking: 'RED',
      distribution: 'ALL_PARTICIPANTS',
      typedSubject: {
        shipment: {
          containerNumber: 'MSKU1234565',
          hsCode: '3102',
          consignor: 'A',
          consignee: 'B',
          route: { origin: 'MY', destination: 'PH' },
        },
      },
    };
    expect(raiseAlertInput.safeParse(alert).error!.issues.map((issue) => problemOf(issue as Parameters<typeof problemOf>[0]))).toEqual([
      { key: 'RED_NEEDS_NAMED_RECIPIENTS' },
      { key: 'TRANSPORT_DOCUMENT_REQUIRED' },
    ]);
    expect(firstProblem(raiseAlertInput, { ...alert, marking: 'AMBER', category: 'PASSENGER' })).toEqual({
      key: 'SUBJECT_NOT_OF_CATEGORY',
      category: 'PASSENGER',
    });
    const seizure = {
      seizedAt: '2026-06-01T08:00:00Z',
      countryCode: 'MY',
      place: 'Port Klang',
      locationType: 'SEAPORT',
      commodityDescription: 'Ammonium nitrate',
      quantity: 20,
      unit: 'T',
      detectionMethod: 'RISK_PROFILING',
      transportMode: 'SEA',
      arrests: 4,
      arrestsByNationality: [
        { nationality: 'MY', count: 2 },
        { nationality: 'PH', count: 1 },
      ],
    };
    expect(firstProblem(seizureContentInput, seizure)).toEqual({ key: 'ARRESTS_NOT_SUM_OF_NATIONALITIES', expected: 3 });
  });

  it('of a day or an instant out of range names the year, not a count of milliseconds', () => {
    expect(firstProblem(dateTime, '1999-12-31T23:00:00Z')).toEqual({ key: 'DATE_TOO_EARLY', min: 2000 });
    expect(firstProblem(calendarDate, '2100-01-01')).toEqual({ key: 'DATE_TOO_LATE', max: 2100 });
  });
});
