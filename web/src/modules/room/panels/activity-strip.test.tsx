import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActivityStrip } from './activity-strip';
import { OPERATION_ID, renderPanel } from './panels.test-support';

// The strip says the newest events in the reader's words, as the timeline does.

const wco = { __typename: 'Agency', id: 'QWdlbmN5OjE', name: 'World Customs Organization Secretariat', acronym: 'WCO', countryCode: null };
const actor = { __typename: 'User', id: 'VXNlcjox', displayName: 'Amélie Laurent', agency: wco };
const edge = (cursor: string, node: Record<string, unknown>) => ({
  __typename: 'OperationEventEdge',
  cursor,
  node: { cursor, occurredAt: new Date().toISOString(), actor, ...node },
});

const activity = (edges: unknown[]) => ({
  RoomActivity: { operation: { __typename: 'Operation', id: OPERATION_ID, timeline: { __typename: 'OperationEventConnection', edges } } },
});

const EVENTS = [
  edge('e2', {
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
  }),
  edge('e1', {
    __typename: 'AlertRaisedEvent',
    type: 'ALERT_RAISED',
    alert: {
      __typename: 'Alert',
      id: 'QWxlcnQ',
      reference: 'PGS-X/A-0002',
      title: 'Ammonium nitrate declared as fertiliser',
      severity: 'CRITICAL',
      marking: 'AMBER',
    },
  }),
];

describe('the activity strip', () => {
  it('says the newest events first, in words, with how long ago', () => {
    renderPanel(<ActivityStrip operationId={OPERATION_ID} referenceZone="Asia/Bangkok" />, { queries: activity(EVENTS) });
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.activity-sentence')!.textContent)).toEqual([
      'Amélie Laurent (WCO) reported seizure PGS-X/S-0001: 1,250.5\u00a0kg of Ammonium nitrate',
      'Amélie Laurent (WCO) raised alert PGS-X/A-0002: “Ammonium nitrate declared as fertiliser”',
    ]);
    expect(items[0]!.querySelector('time')).toHaveTextContent('this minute');
  });

  it('says them in French for a French reader, the commodity named in French whatever the account’s language', () => {
    renderPanel(<ActivityStrip operationId={OPERATION_ID} referenceZone="Asia/Bangkok" />, { queries: activity(EVENTS) }, 'fr');
    expect(screen.getAllByRole('listitem')[0]!.querySelector('.activity-sentence')).toHaveTextContent(
      'Amélie Laurent (WCO) a déclaré la saisie PGS-X/S-0001 : Nitrate d’ammonium, 1 250,5 kg',
    );
  });

  it('says so when nothing happened yet', () => {
    renderPanel(<ActivityStrip operationId={OPERATION_ID} referenceZone="Asia/Bangkok" />, { queries: activity([]) });
    expect(screen.getByText('Nothing has happened in the operation yet.')).toBeInTheDocument();
  });
});
