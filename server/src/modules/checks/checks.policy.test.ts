import { describe, expect, it } from 'vitest';
import { MEMBERS, phaseRows, rowsFor } from '../operations/standings.testkit';
import { canRecordChecks, canSeeChecks, mayRecordChecksIn } from './checks.policy';

// The register of checks: every member reads it; an agency's figures are recorded by its contact
// points or its coordinators, while the operation runs and in the debriefing weeks after it.

describe('who reads the register', () => {
  it.each(rowsFor(MEMBERS))('$who: $granted', ({ standing, granted }) => {
    expect(canSeeChecks(standing)).toBe(granted);
  });
});

describe('who records figures', () => {
  it.each(rowsFor(['coordinator', 'Malaysian contact point', 'Thai contact point']))('$who: $granted', ({ standing, granted }) => {
    expect(canRecordChecks(standing)).toBe(granted);
  });
});

describe('when figures are recorded', () => {
  it.each(phaseRows(['OPERATIONAL', 'POST_OPERATIONAL']))('in $phase: $allowed', ({ phase, allowed }) => {
    expect(mayRecordChecksIn(phase)).toBe(allowed);
  });
});
