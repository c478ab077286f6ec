import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import french from '../../../lang/fr/timeline.json';
import frenchCodes from '../../../lang/fr/codes.json';
import frenchOverview from '../../../lang/fr/overview.json';
import { describeEvent } from './describe-event';
import type { TimelineEvent } from './timeline-documents';

// Events as the API gives them, said in words in English and French.

const english = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB' });
const frenchIntl = createIntl({ locale: 'fr-FR', defaultLocale: 'en-GB', messages: { ...frenchCodes, ...frenchOverview, ...french } });

const wco = {
  __typename: 'Agency',
  id: 'QWdlbmN5OjE',
  name: 'World Customs Organization Secretariat',
  acronym: 'WCO',
  countryCode: null,
} as const;
const malaysia = {
  __typename: 'Agency',
  id: 'QWdlbmN5OjI',
  name: 'Royal Malaysian Customs Department',
  acronym: 'JKDM',
  countryCode: 'MY',
} as const;
const base = {
  cursor: 'ZXZlbnQ6MQ',
  occurredAt: '2026-06-01T08:00:00.000Z',
  actor: { __typename: 'User', id: 'VXNlcjox', displayName: 'Amélie Laurent', agency: wco },
} as const;
const event = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as unknown as TimelineEvent;

describe('an event in words', () => {
  it('says who advanced the operation, overriding which criteria, with the justification, and flags it', () => {
    const advanced = event({
      __typename: 'PhaseAdvancedEvent',
      type: 'PHASE_ADVANCED',
      from: 'PLANNING',
      to: 'PRE_OPERATIONAL',
      overridden: true,
      justification: 'Brazil confirmed by telephone.',
      overriddenCriteria: [
        { __typename: 'OverriddenCriterion', key: 'PARTICIPANTS_TWO_COUNTRIES' },
        { __typename: 'OverriddenCriterion', key: 'PLAN_PHASE_DATES' },
      ],
    });
    expect(describeEvent(english, advanced)).toEqual({
      sentence: 'Amélie Laurent (WCO) advanced the operation from Planning to Pre-operational, overriding 2 unmet criteria',
      details: [
        { label: 'Criteria not met', text: ['At least two agencies from two countries have accepted', 'Every phase has planned dates'] },
        { label: 'Justification', text: 'Brazil confirmed by telephone.' },
      ],
      tags: [{ text: 'Override', tone: 'warn' }],
      flagged: true,
    });
    expect(describeEvent(frenchIntl, advanced).sentence).toBe(
      'Amélie Laurent (WCO) a fait passer l’opération de la phase Planification à la phase Pré-opérationnelle en passant outre 2 critères non remplis',
    );
  });

  it('names the agency that accepted, and its status after the event', () => {
    const accepted = event({
      __typename: 'ParticipationChangedEvent',
      type: 'INVITATION_ACCEPTED',
      statusAfter: 'ACCEPTED',
      withdrawalReason: null,
      participation: { __typename: 'Participation', id: 'UDox', role: 'PARTICIPATING', agency: malaysia },
      actor: { __typename: 'User', id: 'VXNlcjoy', displayName: 'Nurul Aina binti Hassan', agency: malaysia },
    });
    expect(describeEvent(english, accepted)).toMatchObject({
      sentence: 'Nurul Aina binti Hassan (JKDM) accepted the invitation on behalf of Royal Malaysian Customs Department (JKDM, Malaysia)',
      tags: [{ text: 'Accepted', tone: 'ok' }],
    });
  });

  it('gives a seizure its quantity with the unit, in the reader’s number conventions', () => {
    const reported = event({
      __typename: 'SeizureReportedEvent',
      type: 'SEIZURE_REPORTED',
      seizure: {
        __typename: 'Seizure',
        id: 'U2Vpem',
        reference: 'PGS-X/S-0001',
        quantity: 1250.5,
        unit: 'KG',
        commodityDescription: null,
        commodity: { __typename: 'Commodity', id: 'Qzox', nameEn: 'Ammonium nitrate', nameFr: 'Nitrate d’ammonium' },
      },
    });
    expect(describeEvent(english, reported).sentence).toBe(
      'Amélie Laurent (WCO) reported seizure PGS-X/S-0001: 1,250.5\u00a0kg of Ammonium nitrate',
    );
    expect(describeEvent(frenchIntl, reported).sentence).toBe(
      'Amélie Laurent (WCO) a déclaré la saisie PGS-X/S-0001\u00a0: Nitrate d’ammonium, 1\u202f250,5\u00a0kg',
    );
  });

  it('shows an alert’s severity in words and its TLP label as the standard writes it', () => {
    const raised = event({
      __typename: 'AlertRaisedEvent',
      type: 'ALERT_RAISED',
      alert: {
        __typename: 'Alert',
        id: 'QWxlcnQ',
        reference: 'PGS-X/A-0002',
        title: 'Ammonium nitrate declared as fertiliser',
        severity: 'CRITICAL',
        marking: 'AMBER_STRICT',
      },
    });
    expect(describeEvent(english, raised)).toMatchObject({
      sentence: 'Amélie Laurent (WCO) raised alert PGS-X/A-0002: “Ammonium nitrate declared as fertiliser”',
      tags: [
        { text: 'Critical', tone: 'danger' },
        { text: 'TLP:AMBER+STRICT', tone: 'tlp', title: 'The recipient organisation only' },
      ],
    });
  });

  it('still says who and what kind for an event type added to the API later', () => {
    const future = event({ __typename: 'SomethingNewEvent', type: 'SOMETHING_NEW' });
    expect(describeEvent(english, future).sentence).toBe(
      'Amélie Laurent (WCO): an event this version of the app cannot describe (SOMETHING_NEW)',
    );
  });
});
