import type { MemberRole } from '@jointops/shared/domain';
import { describe, expect, it } from 'vitest';
import {
  canActForOwnAgency,
  canAssign,
  canAssignSomeRole,
  canPlan,
  canReadAuditTrail,
  canRecordFinalReport,
  canRemove,
  canRespondToInvitation,
  canSeeOperation,
  canWithdraw,
  isCoordinator,
  mayCreateOperations,
} from './operations.policy';
import { CAST, MALAYSIA, MEMBERS, rowsFor, THAILAND, viewerOf, type Who } from './standings.testkit';

// An operation exists only for the members of its accepted agencies; each rule below is asked of
// the whole cast, so a refusal is as much a row as a grant.

describe.each([
  { rule: 'sees the operation', predicate: canSeeOperation, granted: MEMBERS },
  { rule: 'is a coordinator', predicate: isCoordinator, granted: ['coordinator'] },
  { rule: 'plans', predicate: canPlan, granted: ['coordinator'] },
  {
    rule: 'acts for their own agency',
    predicate: canActForOwnAgency,
    granted: ['coordinator', 'Malaysian contact point', 'Thai contact point'],
  },
  { rule: 'reads the audit trail', predicate: canReadAuditTrail, granted: ['coordinator', 'reviewer'] },
  { rule: 'records the final report', predicate: canRecordFinalReport, granted: ['coordinator', 'reviewer'] },
  {
    rule: 'answers an invitation',
    predicate: canRespondToInvitation,
    granted: ['contact point of an invited agency', 'user of an invited agency, without a role'],
  },
] satisfies { rule: string; predicate: (standing: (typeof CAST)[Who]) => boolean; granted: readonly Who[] }[])(
  'who $rule',
  ({ predicate, granted }) => {
    it.each(rowsFor(granted))('$who: $granted', ({ standing, granted: expected }) => {
      expect(predicate(standing)).toBe(expected);
    });
  },
);

describe('who withdraws an agency', () => {
  it.each([
    { who: 'coordinator', agency: THAILAND, granted: true },
    { who: 'Malaysian contact point', agency: MALAYSIA, granted: true },
    { who: 'Malaysian contact point', agency: THAILAND, granted: false },
    { who: 'Malaysian observer', agency: MALAYSIA, granted: false },
    { who: 'reviewer', agency: THAILAND, granted: false },
    { who: 'contact point of a withdrawn agency', agency: 'agency-vietnam', granted: false },
    { who: 'outsider', agency: 'agency-vietnam', granted: false },
  ] satisfies { who: Who; agency: string; granted: boolean }[])('$who withdrawing $agency: $granted', ({ who, agency, granted }) => {
    expect(canWithdraw(CAST[who], agency)).toBe(granted);
  });
});

type Assignee = { agencyId: string; currentRole: MemberRole | null };
const colleague = (currentRole: MemberRole | null): Assignee => ({ agencyId: MALAYSIA, currentRole });
const thai = (currentRole: MemberRole | null): Assignee => ({ agencyId: THAILAND, currentRole });

describe('who gives a role', () => {
  it.each([
    { who: 'coordinator', role: 'COORDINATOR', assignee: thai(null), granted: true },
    { who: 'coordinator', role: 'REVIEWER', assignee: thai('CONTACT_POINT'), granted: true },
    { who: 'Malaysian contact point', role: 'CONTACT_POINT', assignee: colleague(null), granted: true },
    { who: 'Malaysian contact point', role: 'OBSERVER', assignee: colleague('CONTACT_POINT'), granted: true },
    { who: 'Malaysian contact point', role: 'CONTACT_POINT', assignee: colleague('OBSERVER'), granted: true },
    { who: 'Malaysian contact point', role: 'REVIEWER', assignee: colleague(null), granted: false },
    { who: 'Malaysian contact point', role: 'COORDINATOR', assignee: colleague(null), granted: false },
    { who: 'Malaysian contact point', role: 'OBSERVER', assignee: colleague('COORDINATOR'), granted: false },
    { who: 'Malaysian contact point', role: 'OBSERVER', assignee: colleague('REVIEWER'), granted: false },
    { who: 'Malaysian contact point', role: 'CONTACT_POINT', assignee: thai(null), granted: false },
    { who: 'Malaysian observer', role: 'OBSERVER', assignee: colleague(null), granted: false },
    { who: 'reviewer', role: 'OBSERVER', assignee: colleague(null), granted: false },
    {
      who: 'contact point of a withdrawn agency',
      role: 'CONTACT_POINT',
      assignee: { agencyId: 'agency-vietnam', currentRole: null },
      granted: false,
    },
    { who: 'administrator', role: 'COORDINATOR', assignee: thai(null), granted: false },
  ] satisfies { who: Who; role: MemberRole; assignee: Assignee; granted: boolean }[])(
    '$who making $assignee.agencyId ($assignee.currentRole) $role: $granted',
    ({ who, role, assignee, granted }) => {
      expect(canAssign(CAST[who], role, assignee)).toBe(granted);
    },
  );

  it.each([
    { who: 'coordinator', assignee: thai('REVIEWER'), granted: true },
    { who: 'Malaysian contact point', assignee: colleague(null), granted: true },
    { who: 'Malaysian contact point', assignee: colleague('REVIEWER'), granted: false },
    { who: 'Malaysian contact point', assignee: thai(null), granted: false },
    { who: 'Thai contact point', assignee: colleague(null), granted: false },
    { who: 'outsider', assignee: colleague(null), granted: false },
  ] satisfies { who: Who; assignee: Assignee; granted: boolean }[])(
    '$who is offered $assignee.agencyId ($assignee.currentRole) in the member picker: $granted',
    ({ who, assignee, granted }) => {
      expect(canAssignSomeRole(CAST[who], assignee)).toBe(granted);
    },
  );
});

describe('who ends a membership', () => {
  it.each([
    { who: 'coordinator', member: { agencyId: THAILAND, role: 'COORDINATOR' }, granted: true },
    { who: 'Malaysian contact point', member: { agencyId: MALAYSIA, role: 'OBSERVER' }, granted: true },
    { who: 'Malaysian contact point', member: { agencyId: MALAYSIA, role: 'CONTACT_POINT' }, granted: true },
    { who: 'Malaysian contact point', member: { agencyId: MALAYSIA, role: 'REVIEWER' }, granted: false },
    { who: 'Malaysian contact point', member: { agencyId: MALAYSIA, role: 'COORDINATOR' }, granted: false },
    { who: 'Malaysian contact point', member: { agencyId: THAILAND, role: 'OBSERVER' }, granted: false },
    { who: 'Malaysian observer', member: { agencyId: MALAYSIA, role: 'OBSERVER' }, granted: false },
    { who: 'reviewer', member: { agencyId: MALAYSIA, role: 'OBSERVER' }, granted: false },
    { who: 'outsider', member: { agencyId: MALAYSIA, role: 'OBSERVER' }, granted: false },
  ] satisfies { who: Who; member: { agencyId: string; role: MemberRole }; granted: boolean }[])(
    '$who removing a $member.role of $member.agencyId: $granted',
    ({ who, member, granted }) => {
      expect(canRemove(CAST[who], member)).toBe(granted);
    },
  );
});

describe('who creates operations', () => {
  it.each([
    { who: 'a planner', viewer: viewerOf('agency-wco'), granted: true },
    { who: 'an administrator', viewer: viewerOf('agency-wco', { isAdmin: true }), granted: false },
  ])('$who: $granted', ({ viewer, granted }) => {
    expect(mayCreateOperations(viewer)).toBe(granted);
  });
});
