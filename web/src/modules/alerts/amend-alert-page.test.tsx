import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALERT_ID, NURUL, operation, raiseOptions, renderAlertScreens, shipmentAlert, SOMCHAI, viewerOf } from './alert-test-support';

// The originator corrects its alert: the form starts from the alert as it stands, sends only what
// changed against the version read, and says so when someone amended it meanwhile.

const AMEND = `/operations/${operation.code}/alerts/${ALERT_ID}/amend`;
const answers = (mutations: unknown[] = []) => ({
  queries: { AlertDetail: { node: shipmentAlert({ version: 2 }) }, ...raiseOptions },
  mutations,
});

describe('amending an alert', () => {
  it('starts from the alert as it stands and sends only what changed, against the version read', async () => {
    const conflict = {
      amendAlert: {
        __typename: 'ConflictError',
        code: 'CONFLICT',
        message: 'This alert was amended since you read it: read its current version before correcting it.',
      },
    };
    const { user, sentInputs } = renderAlertScreens({ viewer: viewerOf(NURUL), path: AMEND, answers: answers([conflict]) });

    expect(await screen.findByLabelText('Title')).toHaveValue(shipmentAlert().title);
    expect(screen.getByLabelText('Container number')).toHaveValue('MSCU1234567');
    expect(screen.getByLabelText('Severity')).toHaveValue('HIGH');
    expect(screen.queryByRole('radio', { name: 'All participants' })).not.toBeInTheDocument();
    expect(screen.getByText(/The marking and the recipients stay as they are/)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Severity'), 'Critical');
    await user.clear(screen.getByLabelText('Consignee'));
    await user.type(screen.getByLabelText('Consignee'), 'Golden Field Trading Co., Ltd');
    await user.click(screen.getByRole('button', { name: 'Save the new version' }));

    const [sent] = sentInputs() as Record<string, unknown>[];
    expect(sent).toEqual({
      alertId: ALERT_ID,
      expectedVersion: 2,
      severity: 'CRITICAL',
      typedSubject: {
        shipment: {
          containerNumber: 'MSCU1234567',
          billOfLading: 'MYPKG-778812',
          airWaybill: null,
          hsCode: '3102.30',
          consignor: 'Agro Supplies Sdn Bhd',
          consignee: 'Golden Field Trading Co., Ltd',
          route: { origin: 'MY', transit: [], destination: 'TH' },
        },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('This alert was amended since you read it');
    expect(screen.getByLabelText('Severity')).toHaveValue('CRITICAL');
  });

  it('checks the correction in the browser first', async () => {
    const { user, sentInputs } = renderAlertScreens({ viewer: viewerOf(NURUL), path: AMEND, answers: answers() });
    await user.clear(await screen.findByLabelText('Title'));
    await user.click(screen.getByRole('button', { name: 'Save the new version' }));
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Required');
    expect(sentInputs()).toEqual([]);
  });

  it('is only for the agency that raised the alert', async () => {
    renderAlertScreens({ viewer: viewerOf(SOMCHAI), path: AMEND, answers: answers() });
    expect(
      await screen.findByText(/Only the contact points and coordinators of the agency that raised an alert amend it/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the new version' })).not.toBeInTheDocument();
  });

  it('is offered on the alert’s page to its originator only', async () => {
    renderAlertScreens({ viewer: viewerOf(NURUL), answers: answers() });
    const link = await screen.findByRole('link', { name: 'Amend the alert' });
    expect(link).toHaveAttribute('href', AMEND);
    expect(within(link.parentElement!).getByRole('button', { name: 'Withdraw the alert' })).toBeInTheDocument();
  });
});
