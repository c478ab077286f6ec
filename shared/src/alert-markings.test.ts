import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_KINDS, MARKINGS } from './domain';
import { markingAllows, raiseAlertInput } from './alerts';

// TLP:RED is for named recipients only: the one marking that limits who an alert may go to.

const alert = {
  operationId: 'T3BlcmF0aW9uOjE=',
  idempotencyKey: 'k',
  category: 'INTELLIGENCE',
  severity: 'HIGH',
  title: 'Diversion to a named buyer',
};
const NAMED = { distribution: 'RESTRICTED', recipientAgencyIds: ['QWdlbmN5OjE='] };

const problems = (input: Record<string, unknown>) =>
  raiseAlertInput.safeParse({ ...alert, ...input }).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('the marking of an alert and its distribution', () => {
  it('refuses a RED alert to every participant, at its distribution', () => {
    expect(problems({ marking: 'RED', distribution: 'ALL_PARTICIPANTS' })).toEqual([
      'distribution: A TLP:RED alert goes to named agencies only: make it RESTRICTED',
    ]);
  });

  it('takes a RED alert to named agencies', () => {
    expect(problems({ marking: 'RED', ...NAMED })).toEqual([]);
  });

  it.each(MARKINGS.filter((marking) => marking !== 'RED'))('takes a %s alert either way', (marking) => {
    expect(problems({ marking, distribution: 'ALL_PARTICIPANTS' })).toEqual([]);
    expect(problems({ marking, ...NAMED })).toEqual([]);
  });
});

describe('the distributions each marking allows', () => {
  it.each(MARKINGS.flatMap((marking) => DISTRIBUTION_KINDS.map((distribution) => ({ marking, distribution }))))(
    '$marking to $distribution',
    ({ marking, distribution }) => {
      expect(markingAllows(marking, distribution)).toBe(`${marking} to ${distribution}` !== 'RED to ALL_PARTICIPANTS');
    },
  );
});
