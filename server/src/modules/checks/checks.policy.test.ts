import type { Phase } from '@jointops/shared/domain';
import { describe, expect, it } from 'vitest';
import { rowsFor } from '../operations/standings.testkit';
import { canRecordChecks, canSeeChecks, mayRecordChecksIn } from './checks.policy';

// The register of checks: every member reads it; an agency's figures are recorded by its contact
// points or its coordinators, while the operation runs and in the debriefing weeks after it.

describe('who reads the register', () => {
  it.each(rowsFor(['coordinator', 'reviewer', 'Malaysian contact point', 'Thai contact point', 'Malaysian observer']))(
    '$who: $granted',
    ({ standing, granted }) => {
      expect(canSeeChecks(standing)).toBe(granted);
    },
  );
});

describe('who records figures', () => {
  it.each(rowsFor(['coordinator', 'Malaysian contact point', 'Thai contact point']))('$who: $granted', ({ standing, granted }) => {
    expect(canRecordChecks(standing)).toBe(granted);
  });
});

describe('when figures are recorded', () => {
  it.each([
    { phase: 'PLANNING', allowed: false },
    { phase: 'PRE_OPERATIONAL', allowed: false },
    { phase: 'OPERATIONAL', allowed: true },
    { phase: 'POST_OPERATIONAL', allowed: true },
    { phase: 'CLOSED', allowed: false },
    { phase: 'CANCELLED', allowed: false },
  ] satisfies { phase: Phase; allowed: boolean }[])('in $phase: $allowed', ({ phase, allowed }) => {
    expect(mayRecordChecksIn(phase)).toBe(allowed);
  });
});
