import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../service-context';
import { MALAYSIA, THAILAND, viewerOf } from '../operations/standings.testkit';
import { canManageAccounts, canSeeUser } from './accounts.policy';

// Accounts: administrators manage them; a person is visible to themselves, their colleagues,
// administrators and fellow members of an operation, and to nobody else, signed out least of all.

const officer = { id: 'user-of-agency-malaysia', agencyId: MALAYSIA };

describe('who manages accounts', () => {
  it.each([
    { who: 'an administrator', viewer: viewerOf(THAILAND, { isAdmin: true }), granted: true },
    { who: 'an officer', viewer: viewerOf(MALAYSIA), granted: false },
    { who: 'nobody signed in', viewer: null, granted: false },
  ])('$who: $granted', ({ viewer, granted }) => {
    expect(canManageAccounts(viewer)).toBe(granted);
  });
});

describe('who sees a Malaysian officer', () => {
  it.each([
    { who: 'the officer', viewer: viewerOf(MALAYSIA), sharesAnOperation: false, granted: true },
    { who: 'a colleague', viewer: viewerOf(MALAYSIA, { userId: 'colleague' }), sharesAnOperation: false, granted: true },
    { who: 'an administrator elsewhere', viewer: viewerOf(THAILAND, { isAdmin: true }), sharesAnOperation: false, granted: true },
    { who: 'a Thai fellow member of an operation', viewer: viewerOf(THAILAND), sharesAnOperation: true, granted: true },
    { who: 'a Thai officer sharing no operation', viewer: viewerOf(THAILAND), sharesAnOperation: false, granted: false },
    { who: 'nobody signed in', viewer: null, sharesAnOperation: true, granted: false },
  ] satisfies { who: string; viewer: Viewer | null; sharesAnOperation: boolean; granted: boolean }[])(
    '$who: $granted',
    ({ viewer, sharesAnOperation, granted }) => {
      expect(canSeeUser(viewer, officer, sharesAnOperation)).toBe(granted);
    },
  );
});
