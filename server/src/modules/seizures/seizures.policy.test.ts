import type { SeizureStatus } from '@jointops/shared/domain';
import { describe, expect, it } from 'vitest';
import { CAST, MALAYSIA, MEMBERS, phaseRows, rowsFor, type Who } from '../operations/standings.testkit';
import { canAmendSeizure, canReportSeizure, canReviewSeizure, canSeeSeizure, mayReportIn, seizureEventAudience } from './seizures.policy';

// A submitted report is Malaysia's word to the whole operation; a DRAFT is still Malaysia's own
// work. Each rule is asked of the whole cast, the refusals as much as the grants.

const report = (status: SeizureStatus) => ({ status, reportingAgencyId: MALAYSIA, reportedBy: 'malaysia' });

describe.each([
  { rule: 'sees a DRAFT', predicate: canSeeSeizure, status: 'DRAFT', granted: ['Malaysian contact point', 'Malaysian observer'] },
  { rule: 'sees a SUBMITTED report', predicate: canSeeSeizure, status: 'SUBMITTED', granted: MEMBERS },
  { rule: 'sees a VERIFIED report', predicate: canSeeSeizure, status: 'VERIFIED', granted: MEMBERS },
  { rule: 'amends a DRAFT', predicate: canAmendSeizure, status: 'DRAFT', granted: ['Malaysian contact point'] },
  { rule: 'amends a REJECTED report', predicate: canAmendSeizure, status: 'REJECTED', granted: ['Malaysian contact point'] },
  { rule: 'reviews a SUBMITTED report', predicate: canReviewSeizure, status: 'SUBMITTED', granted: ['coordinator', 'reviewer'] },
  { rule: 'reviews a DRAFT', predicate: canReviewSeizure, status: 'DRAFT', granted: [] },
] satisfies { rule: string; predicate: typeof canReviewSeizure; status: SeizureStatus; granted: readonly Who[] }[])(
  'who $rule of Malaysia',
  ({ predicate, status, granted }) => {
    it.each(rowsFor(granted))('$who: $granted', ({ standing, granted: expected }) => {
      expect(predicate(standing, report(status))).toBe(expected);
    });
  },
);

describe('who reports a seizure', () => {
  it.each(rowsFor(['coordinator', 'Malaysian contact point', 'Thai contact point']))('$who: $granted', ({ standing, granted }) => {
    expect(canReportSeizure(standing)).toBe(granted);
  });
});

describe('a second pair of eyes', () => {
  it.each([
    { who: 'reviewer', reportedBy: 'reviewer', granted: false },
    { who: 'coordinator', reportedBy: 'planner', granted: false },
    { who: 'reviewer', reportedBy: 'malaysia', granted: true },
  ] satisfies { who: Who; reportedBy: string; granted: boolean }[])(
    '$who reviewing a report filed by $reportedBy: $granted',
    ({ who, reportedBy, granted }) => {
      expect(canReviewSeizure(CAST[who], { ...report('SUBMITTED'), reportedBy })).toBe(granted);
    },
  );
});

describe('the agencies told about a report', () => {
  it.each([
    { status: 'DRAFT', agencies: [MALAYSIA] },
    { status: 'SUBMITTED', agencies: null },
    { status: 'VERIFIED', agencies: null },
    { status: 'REJECTED', agencies: null },
  ] satisfies { status: SeizureStatus; agencies: string[] | null }[])('$status: $agencies', ({ status, agencies }) => {
    expect(seizureEventAudience(report(status))).toEqual(agencies);
  });
});

describe('when seizures are reported', () => {
  it.each(phaseRows(['OPERATIONAL', 'POST_OPERATIONAL']))('in $phase: $allowed', ({ phase, allowed }) => {
    expect(mayReportIn(phase)).toBe(allowed);
  });
});
