import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionContext } from '../../shell/viewer-context';
import { setStreamCatchingUp } from '../live/live-state';
import type { OperationEvent } from '../live/operation-events-document';
import { ArrivalAnnouncer } from './arrival-announcer';
import { thaiContactPoint } from './contact-point.test-support';
import type { RoomAlert } from './room-alert-fields';

// Thailand's contact point reloads the room after a night with the laptop shut: the stream replays
// the alerts that came meanwhile. A screen reader hears one line about them, not each as news;
// an alert raised after the replay is announced as it arrives.

const heard = vi.hoisted(() => ({ listener: null as ((event: unknown) => void) | null }));
vi.mock('../live/use-operation-events', () => ({
  useOperationEvents: (_operationId: string, onEvent: (event: unknown) => void) => {
    heard.listener = onEvent;
  },
}));

const MALAYSIA = { id: 'MY', name: 'Royal Malaysian Customs', acronym: 'RMCD', countryCode: 'MY' };
const THAILAND = { id: 'TH', name: 'Thai Customs', acronym: 'TCD', countryCode: 'TH' };

const viewer = thaiContactPoint(THAILAND);

function raised(number: number, severity: RoomAlert['severity'] = 'MEDIUM'): OperationEvent {
  const alert: RoomAlert = {
    id: `alert-${number}`,
    reference: `OP-1/A-000${number}`,
    title: `Courier parcel number ${number}`,
    severity,
    category: 'SHIPMENT',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
    outcome: 'PENDING',
    raisedAt: '2026-11-30T02:00:00.000Z',
    withdrawnAt: null,
    raisedByAgency: MALAYSIA,
    recipients: [{ dueAt: '2026-11-30T03:00:00.000Z', acknowledgedAt: null, overdue: false, agency: THAILAND, feedback: null }],
  };
  return { __typename: 'AlertRaisedEvent', cursor: `cursor-${number}`, alert } as unknown as OperationEvent;
}

const hear = (event: OperationEvent) => act(() => heard.listener!(event));
const polite = () => screen.getByTestId('announce-polite');

function renderAnnouncer() {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IntlProvider locale="en-GB" defaultLocale="en-GB">
      <SessionContext value={{ viewer, timeZone: viewer.timeZone, endSession() {} }}>{children}</SessionContext>
    </IntlProvider>
  );
  render(<ArrivalAnnouncer operationId="op" sound={false} />, { wrapper });
}

describe('the announcement of arriving alerts', () => {
  beforeEach(() => setStreamCatchingUp('op', false));

  it('announces an alert that arrives live', () => {
    renderAnnouncer();
    hear(raised(1));
    expect(polite()).toHaveTextContent(
      'New medium alert for your agency from Royal Malaysian Customs (RMCD, Malaysia): OP-1/A-0001 Courier parcel number 1',
    );
  });

  it('says the replayed alerts in one line once caught up, then announces the live ones again', () => {
    renderAnnouncer();
    act(() => setStreamCatchingUp('op', true));
    for (const number of [1, 2, 3]) hear(raised(number));
    expect(polite()).toHaveTextContent('');
    expect(screen.getByTestId('announce-assertive')).toHaveTextContent('');

    act(() => setStreamCatchingUp('op', false));
    expect(polite()).toHaveTextContent('3 alerts for your agency arrived while the room was not connected: they are in the feed.');

    hear(raised(4));
    expect(polite()).toHaveTextContent(/^New medium alert .* OP-1\/A-0004 Courier parcel number 4$/);
  });

  it('names a critical alert of the replay at once and lists it until the reader hides the list', () => {
    renderAnnouncer();
    act(() => setStreamCatchingUp('op', true));
    hear(raised(1));
    hear(raised(2, 'CRITICAL'));
    hear(raised(3));
    act(() => setStreamCatchingUp('op', false));

    expect(screen.getByTestId('announce-assertive')).toHaveTextContent(
      'A critical alert for your agency arrived while the room was not connected: OP-1/A-0002 Courier parcel number 2 (Royal Malaysian Customs (RMCD, Malaysia))',
    );
    expect(polite()).toHaveTextContent('2 alerts for your agency arrived while the room was not connected: they are in the feed.');
    const list = screen.getByRole('region', { name: 'Critical alerts that arrived while the room was not connected' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['OP-1/A-0002 Courier parcel number 2 from Royal Malaysian Customs (RMCD, Malaysia)']);

    fireEvent.click(within(list).getByRole('button', { name: 'Hide this list' }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('says nothing after a replay that brought no alert for the agency', () => {
    renderAnnouncer();
    act(() => setStreamCatchingUp('op', true));
    act(() => setStreamCatchingUp('op', false));
    expect(polite()).toHaveTextContent('');
  });
});
