import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { INDONESIA, NURUL, operation, raiseOptions, renderAlertScreens, THAILAND, viewerOf } from './alert-test-support';

// The raise form as a Malaysian contact point uses it: the shared schema checks the draft in the
// browser, the server's refusals land at their fields with everything typed kept, TLP:RED can only
// go to named agencies, and one draft is raised under one idempotency key however often it is sent.

const NEW = `/operations/${operation.code}/alerts/new`;
const malaysian = viewerOf(NURUL);

type Sent = Record<string, unknown> & { typedSubject?: { shipment?: Record<string, unknown> } };

async function fillAShipment(user: ReturnType<typeof renderAlertScreens>['user']) {
  await user.type(await screen.findByLabelText('Title'), 'Ammonium nitrate declared as fertiliser');
  await user.selectOptions(screen.getByLabelText('Severity'), 'High');
  await user.type(screen.getByLabelText('Container number'), 'MSCU1234567');
  await user.type(screen.getByLabelText('HS code'), '3102.30');
  await user.type(screen.getByLabelText('Bill of lading'), 'MYPKG-778812');
  await user.type(screen.getByLabelText('Consignor'), 'Agro Supplies Sdn Bhd');
  await user.type(screen.getByLabelText('Consignee'), 'Golden Field Trading');
  await user.selectOptions(screen.getByLabelText('Country of origin'), 'Malaysia');
  await user.type(screen.getByLabelText('Transit countries'), 'sg');
  await user.selectOptions(screen.getByLabelText('Country of destination'), 'Thailand');
  await user.click(screen.getByRole('checkbox', { name: /Ammonium nitrate/ }));
}

describe('raising an alert', () => {
  it('shows the browser’s problems at their fields, focuses the first, and sends nothing', async () => {
    const { user, sentInputs } = renderAlertScreens({ viewer: malaysian, path: NEW, answers: { queries: raiseOptions } });

    await user.click(await screen.findByRole('button', { name: 'Raise the alert' }));
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Required');
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveFocus());
    expect(screen.getByLabelText('Container number')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('HS code')).toHaveAccessibleDescription(/Use a Harmonized System code of 4 to 10 digits/);
    expect(screen.getByLabelText('Consignor')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Country of origin')).toHaveAccessibleDescription(/two-letter ISO 3166-1 country code/);
    expect(screen.getByRole('alert')).toHaveTextContent('Some values were refused: see the fields marked.');
    expect(sentInputs()).toEqual([]);

    // A field's problem goes once it is changed; the others stay until the next sending.
    await user.type(screen.getByLabelText('Title'), 'Ammonium nitrate declared as fertiliser');
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Container number')).toHaveAccessibleDescription('Required');
  });

  it('offers each category its own subject, keeping what was typed for the others', async () => {
    const { user } = renderAlertScreens({ viewer: malaysian, path: NEW, answers: { queries: raiseOptions } });
    await user.type(await screen.findByLabelText('Container number'), 'MSCU1234567');

    await user.click(screen.getByRole('radio', { name: 'Passenger' }));
    expect(screen.queryByLabelText('Container number')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Flight number')).toBeInTheDocument();
    expect(screen.getByText('Personal data: never exported above TLP:AMBER.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Conveyance' }));
    expect(screen.getByLabelText('IMO number')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Intelligence' }));
    expect(screen.getByLabelText('Details')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Shipment' }));
    expect(screen.getByLabelText('Container number')).toHaveValue('MSCU1234567');
  });

  it('makes TLP:RED go to named agencies only, says why, and offers only accepted agencies', async () => {
    const { user } = renderAlertScreens({ viewer: malaysian, path: NEW, answers: { queries: raiseOptions } });
    const all = await screen.findByRole('radio', { name: 'All participants' });
    expect(all).toBeChecked();

    await user.click(screen.getByRole('radio', { name: /TLP:RED/ }));
    expect(all).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Named agencies only' })).toBeChecked();
    expect(screen.getByText(/A TLP:RED alert goes to named agencies only/)).toBeInTheDocument();
    expect(screen.getByText(/For the named recipients only: no further sharing/)).toBeInTheDocument();
    const recipients = within(screen.getByRole('group', { name: 'Recipient agencies' }));
    expect(recipients.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual([
      'Thai Customs Department (TCD, Thailand)',
      'Directorate General of Customs and Excise (DJBC, Indonesia)',
    ]);

    await user.click(screen.getByRole('radio', { name: /TLP:GREEN/ }));
    expect(all).toBeEnabled();
  });

  it('sends the draft once under one key, and keeps it all with the server’s refusals at their fields', async () => {
    const refused = {
      raiseAlert: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [
          {
            path: ['input', 'recipientAgencyIds', '1'],
            message: 'Not an agency taking part in this operation',
            key: 'OTHER',
            min: null,
            max: null,
          },
          {
            path: ['input', 'typedSubject', 'shipment', 'route', 'transit', '0'],
            message: 'No country has this ISO 3166-1 code',
            key: 'NOT_A_COUNTRY',
            min: null,
            max: null,
          },
        ],
      },
    };
    const raised = { raiseAlert: { __typename: 'Alert', id: 'QWxlcnQ6OQ' } };
    const { user, sentInputs } = renderAlertScreens({
      viewer: malaysian,
      path: NEW,
      answers: { queries: raiseOptions, mutations: [refused, raised] },
    });
    await fillAShipment(user);
    await user.click(screen.getByRole('radio', { name: 'Named agencies only' }));
    await user.click(screen.getByRole('checkbox', { name: /Thai Customs Department/ }));
    await user.click(screen.getByRole('checkbox', { name: /Directorate General of Customs and Excise/ }));
    await user.click(screen.getByRole('button', { name: 'Raise the alert' }));

    const [first] = sentInputs() as Sent[];
    expect(first).toMatchObject({
      operationId: operation.id,
      category: 'SHIPMENT',
      severity: 'HIGH',
      marking: 'AMBER',
      distribution: 'RESTRICTED',
      recipientAgencyIds: [THAILAND.id, INDONESIA.id],
      commodityIds: ['Q29tbW9kaXR5OjE'],
      typedSubject: {
        shipment: {
          containerNumber: 'MSCU1234567',
          billOfLading: 'MYPKG-778812',
          airWaybill: null,
          route: { origin: 'MY', transit: ['sg'], destination: 'TH' },
        },
      },
    });
    expect(first!.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await screen.findByText('This agency is not taking part in this operation')).toBeInTheDocument();
    expect(screen.getByLabelText('Transit countries')).toHaveAccessibleDescription(/Use a two-letter ISO 3166-1 country code/);
    expect(screen.getByLabelText('Title')).toHaveValue('Ammonium nitrate declared as fertiliser');
    expect(screen.getByRole('checkbox', { name: /Directorate General/ })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Raise the alert' }));
    await waitFor(() => expect(sentInputs()).toHaveLength(2));
    const [, second] = sentInputs() as Sent[];
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
  });

  it('explains, instead of a form, why an observer may not raise one', async () => {
    renderAlertScreens({ viewer: malaysian, role: 'OBSERVER', path: NEW, answers: { queries: raiseOptions } });
    expect(await screen.findByText(/Only the contact points and coordinators of an agency raise alerts for it/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Raise the alert' })).not.toBeInTheDocument();
  });

  it('offers only the readiness test before the operational phase, and nothing while planning', async () => {
    renderAlertScreens({ viewer: malaysian, phase: 'PRE_OPERATIONAL', path: NEW, answers: { queries: raiseOptions } });
    expect(await screen.findByRole('radio', { name: 'Test' })).toBeChecked();
    expect(screen.getAllByRole('radio', { name: /^(Shipment|Passenger|Conveyance|Intelligence|Test)$/ })).toHaveLength(1);
  });

  it('says the phase when no alert may be raised in it', async () => {
    renderAlertScreens({ viewer: malaysian, phase: 'PLANNING', path: NEW, answers: { queries: raiseOptions } });
    expect(await screen.findByText(/The operation is now in the Planning phase/)).toBeInTheDocument();
  });
});
