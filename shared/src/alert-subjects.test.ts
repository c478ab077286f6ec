import { describe, expect, it } from 'vitest';
import { raiseAlertInput } from './alerts';

// The typed subject goes through the same rules as the deprecated JSON one. GraphQL's @oneOf refuses
// two kinds at once before the server parses; the web, and any caller of the schema, learn it here.

const alert = {
  operationId: 'T3BlcmF0aW9uOjE=',
  idempotencyKey: 'k',
  category: 'CONVEYANCE',
  severity: 'HIGH',
  title: 'Vessel under watch',
  marking: 'AMBER',
  distribution: 'ALL_PARTICIPANTS',
};

const parse = (input: Record<string, unknown>) => raiseAlertInput.safeParse({ ...alert, ...input });
const problems = (input: Record<string, unknown>) =>
  parse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('a typed subject', () => {
  it('is kept as the category’s subject, as the JSON one would be', () => {
    const typed = parse({ typedSubject: { conveyance: { imo: 'IMO9412337' } } });
    const json = parse({ subject: { imo: 'IMO9412337' } });
    expect(typed.data?.subject).toEqual({ vesselName: null, imo: 'IMO9412337', flightNumber: null, vehicleRegistration: null });
    expect(typed.data?.subject).toEqual(json.data?.subject);
    expect(typed.data).not.toHaveProperty('typedSubject');
  });

  it('refuses two kinds at once, at typedSubject', () => {
    expect(problems({ typedSubject: { conveyance: { imo: '9412337' }, free: {} } })).toEqual([
      'typedSubject: Give one kind of subject, not several',
    ]);
  });

  it('refuses a kind another category takes, at that kind', () => {
    expect(problems({ typedSubject: { free: { note: 'x' } } })).toEqual(['typedSubject.free: Not the subject of a CONVEYANCE alert']);
  });

  it('refuses its category’s rules broken, at the field within the kind', () => {
    expect(problems({ typedSubject: { conveyance: { imo: '12' } } })).toEqual([
      'typedSubject.conveyance.imo: Use a seven-digit IMO number',
    ]);
  });

  it('refuses being given alongside the deprecated subject', () => {
    expect(problems({ subject: { imo: '9412337' }, typedSubject: { conveyance: { imo: '9412337' } } })).toEqual([
      'typedSubject: Give the subject once: typedSubject, or the deprecated subject',
    ]);
  });
});
