import type { AlertCategory, Phase } from '@jointops/shared/domain';
import { describe, expect, it } from 'vitest';
import { MALAYSIA, MEMBERS, rowsFor, THAILAND, WCO, type Who } from '../operations/standings.testkit';
import {
  type AlertAudience,
  canAnswerAlert,
  canCommentOnAlert,
  canRaiseAlert,
  canSeeAlert,
  eventAudience,
  mayRaiseIn,
} from './alerts.policy';

// Need-to-know for alerts, asked of the whole cast: an alert to all participants is for every
// member; a RESTRICTED one exists only for the originator's agency and the agencies it names, and
// the coordinators' agency gets no exception.

const toAll: AlertAudience = { distribution: 'ALL_PARTICIPANTS', raisedByAgencyId: MALAYSIA, recipientAgencyIds: [WCO, THAILAND] };
/** Raised by Malaysia for Thailand only. */
const restricted: AlertAudience = { distribution: 'RESTRICTED', raisedByAgencyId: MALAYSIA, recipientAgencyIds: [THAILAND] };

const MALAYSIA_AND_THAILAND: Who[] = ['Malaysian contact point', 'Thai contact point', 'Malaysian observer'];

describe.each([
  { rule: 'sees an alert to all participants', predicate: canSeeAlert, alert: toAll, granted: MEMBERS },
  { rule: 'sees a RESTRICTED alert', predicate: canSeeAlert, alert: restricted, granted: MALAYSIA_AND_THAILAND },
  { rule: 'comments on an alert to all participants', predicate: canCommentOnAlert, alert: toAll, granted: MEMBERS },
  { rule: 'comments on a RESTRICTED alert', predicate: canCommentOnAlert, alert: restricted, granted: MALAYSIA_AND_THAILAND },
  { rule: 'answers an alert to all participants', predicate: canAnswerAlert, alert: toAll, granted: ['coordinator', 'Thai contact point'] },
  { rule: 'answers a RESTRICTED alert', predicate: canAnswerAlert, alert: restricted, granted: ['Thai contact point'] },
] satisfies { rule: string; predicate: typeof canSeeAlert; alert: AlertAudience; granted: readonly Who[] }[])(
  'who $rule',
  ({ predicate, alert, granted }) => {
    it.each(rowsFor(granted))('$who: $granted', ({ standing, granted: expected }) => {
      expect(predicate(standing, alert)).toBe(expected);
    });
  },
);

describe('who raises an alert', () => {
  it.each(rowsFor(['coordinator', 'Malaysian contact point', 'Thai contact point']))('$who: $granted', ({ standing, granted }) => {
    expect(canRaiseAlert(standing)).toBe(granted);
  });
});

describe('the agencies told about an alert', () => {
  it.each([
    { alert: 'to all participants', audience: toAll, agencies: null },
    { alert: 'RESTRICTED to Thailand', audience: restricted, agencies: [MALAYSIA, THAILAND] },
    {
      alert: 'RESTRICTED and naming its own originator',
      audience: { ...restricted, recipientAgencyIds: [MALAYSIA, THAILAND] },
      agencies: [MALAYSIA, THAILAND],
    },
  ])('$alert: $agencies', ({ audience, agencies }) => {
    expect(eventAudience(audience)).toEqual(agencies);
  });
});

describe('when an alert may be raised', () => {
  it.each([
    { phase: 'PLANNING', category: 'TEST', allowed: false },
    { phase: 'PLANNING', category: 'SHIPMENT', allowed: false },
    { phase: 'PRE_OPERATIONAL', category: 'TEST', allowed: true },
    { phase: 'PRE_OPERATIONAL', category: 'INTELLIGENCE', allowed: false },
    { phase: 'OPERATIONAL', category: 'SHIPMENT', allowed: true },
    { phase: 'OPERATIONAL', category: 'TEST', allowed: true },
    { phase: 'POST_OPERATIONAL', category: 'SHIPMENT', allowed: false },
    { phase: 'CLOSED', category: 'TEST', allowed: false },
    { phase: 'CANCELLED', category: 'CONVEYANCE', allowed: false },
  ] satisfies { phase: Phase; category: AlertCategory; allowed: boolean }[])(
    '$category in $phase: $allowed',
    ({ phase, category, allowed }) => {
      expect(mayRaiseIn(phase, category)).toBe(allowed);
    },
  );
});
