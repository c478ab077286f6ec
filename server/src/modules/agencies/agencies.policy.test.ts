import { describe, expect, it } from 'vitest';
import { MALAYSIA, viewerOf } from '../operations/standings.testkit';
import { canSeeAgencyDirectory } from './agencies.policy';

// The directory is reference data every signed-in user needs (planners invite from it); it is
// closed to anyone not signed in.

describe('who reads the agency directory', () => {
  it.each([
    { who: 'an officer', viewer: viewerOf(MALAYSIA), granted: true },
    { who: 'an administrator', viewer: viewerOf(MALAYSIA, { isAdmin: true }), granted: true },
    { who: 'nobody signed in', viewer: null, granted: false },
  ])('$who: $granted', ({ viewer, granted }) => {
    expect(canSeeAgencyDirectory(viewer)).toBe(granted);
  });
});
