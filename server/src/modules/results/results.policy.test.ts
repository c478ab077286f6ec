import type { Marking } from '@jointops/shared/domain';
import { describe, expect, it } from 'vitest';
import { MEMBERS, rowsFor } from '../operations/standings.testkit';
import { canSeeResults, DEFAULT_EXPORT_MARKING, exportedMarkings } from './results.policy';

// The results are sums of what each member may already read: every member with standing sees
// them, anyone else is told the operation does not exist.

describe('who reads the results', () => {
  it.each(rowsFor(MEMBERS))('$who: $granted', ({ standing, granted }) => {
    expect(canSeeResults(standing)).toBe(granted);
  });
});

describe('the markings an export carries', () => {
  it.each([
    { max: 'CLEAR', carried: ['CLEAR'] },
    { max: 'GREEN', carried: ['CLEAR', 'GREEN'] },
    { max: 'AMBER', carried: ['CLEAR', 'GREEN', 'AMBER'] },
    { max: 'AMBER_STRICT', carried: ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT'] },
    { max: 'RED', carried: ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT'] },
  ] satisfies { max: Marking; carried: Marking[] }[])('up to $max: $carried', ({ max, carried }) => {
    expect(exportedMarkings(max)).toEqual(carried);
  });

  it('leaves AMBER_STRICT and RED alerts out unless asked', () => {
    expect(exportedMarkings(DEFAULT_EXPORT_MARKING)).not.toContain('AMBER_STRICT');
    expect(exportedMarkings(DEFAULT_EXPORT_MARKING)).not.toContain('RED');
  });
});
