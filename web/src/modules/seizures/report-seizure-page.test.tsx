import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LinkSignal } from '../outbox/outbox';
import { operation } from '../alerts/alert-test-support';
import { formOptions, history, malaysian, renderSeizureScreens, seizure } from './seizure-test-support';

// The report form as a Malaysian contact point uses it: the shared schema checks the report in
// the browser, units follow the commodity's dimension, the server's refusals land at their fields,
// and a report is sent under one idempotency key however often it is sent.

const NEW = `/operations/${operation.code}/seizures/new`;
const linkDown: LinkSignal = { isUp: () => false, onChange: () => () => {} };

describe('reporting a seizure', () => {
  it('shows the browser’s problems at their fields, focuses the first, and sends nothing', async () => {
    const { user, sentInputs } = renderSeizureScreens({ viewer: malaysian, path: NEW, answers: { queries: formOptions } });
    await user.click(await screen.findByRole('button', { name: 'Save as draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Some values were refused: see the fields marked.');
    expect(screen.getByLabelText('Place')).toHaveAccessibleDescription(/Required/);
    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription('Required');
    await waitFor(() => expect(screen.getByLabelText('Place')).toHaveFocus());
    expect(sentInputs()).toEqual([]);
  });

  it('offers only the units of the commodity’s dimension', async () => {
    const { user } = renderSeizureScreens({ viewer: malaysian, path: NEW, answers: { queries: formOptions } });
    const unit = await screen.findByLabelText('Unit');
    expect([...unit.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['kg', 'g', 't', 'L', 'mL', 'pieces', 'm']);
    await user.selectOptions(screen.getByLabelText('Commodity'), 'Nitric acid (NITRIC_ACID)');
    expect([...unit.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['L', 'mL']);
    expect(unit).toHaveValue('L');
    await user.selectOptions(screen.getByLabelText('Commodity'), 'Ammonium nitrate (AMMONIUM_NITRATE)');
    expect([...unit.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['kg', 'g', 't']);
  });

  it('sends a draft in tonnes linked to the alert, with its key, and shows the server’s refusal at its field', async () => {
    const refused = {
      reportSeizure: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [{ path: ['place'], message: 'At most 300 characters', key: 'TOO_LONG', min: null, max: 300 }],
      },
    };
    const { user, sentInputs } = renderSeizureScreens({
      viewer: malaysian,
      path: NEW,
      answers: {
        queries: { ...formOptions, ...history, Seizure: { node: { __typename: 'Seizure', ...seizure({ status: 'DRAFT' }) } } },
        mutations: [refused, { reportSeizure: { __typename: 'Seizure', ...seizure({ status: 'DRAFT' }) } }],
      },
    });
    // Typed as the clock of the viewer's profile zone (Kuala Lumpur, UTC+8), whatever the browser's zone.
    fireEvent.change(await screen.findByLabelText('Seized at (your time)'), { target: { value: '2026-06-01T09:30' } });
    await user.type(screen.getByLabelText('Place'), 'Port Klang, Westport');
    await user.selectOptions(screen.getByLabelText('Commodity'), 'Ammonium nitrate (AMMONIUM_NITRATE)');
    await user.type(screen.getByLabelText('Quantity'), '24,5');
    await user.selectOptions(screen.getByLabelText('Unit'), 't');
    await user.click(screen.getByRole('checkbox', { name: /Ammonium nitrate declared as fertiliser/ }));
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    expect(await screen.findByText('At most 300 characters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    await screen.findByRole('heading', { name: `Seizure report ${operation.code}/S-0001` });
    const [first, second] = sentInputs() as Record<string, unknown>[];
    expect(first).toMatchObject({
      submit: false,
      seizedAt: '2026-06-01T01:30:00.000Z',
      quantity: 24.5,
      unit: 'T',
      countryCode: 'MY',
      linkedAlertIds: ['QWxlcnQ6MQ'],
    });
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  }, 60_000);

  it('still queues a report made offline whose files this device cannot keep, and names the files to attach again', async () => {
    const { user, sentInputs } = renderSeizureScreens({ viewer: malaysian, path: NEW, answers: { queries: formOptions }, link: linkDown });
    const photograph = new File(['jpeg'], 'wagon-12.jpg', { type: 'image/jpeg' });
    const form = new File(['%PDF'], 'customs-k1.pdf', { type: 'application/pdf' });
    // What a full disk answers when the browser is asked to hold the bytes.
    form.arrayBuffer = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    fireEvent.change(await screen.findByLabelText('Seized at (your time)'), { target: { value: '2026-06-01T09:30' } });
    await user.type(screen.getByLabelText('Place'), 'Padang Besar rail border');
    await user.selectOptions(screen.getByLabelText('Commodity'), 'Ammonium nitrate (AMMONIUM_NITRATE)');
    await user.type(screen.getByLabelText('Quantity'), '24');
    await user.upload(screen.getByLabelText('Files', { selector: 'input' }), [photograph, form]);
    await user.click(screen.getByRole('button', { name: 'Submit for verification' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The report waits in the outbox for the link, but this device could not keep its 2 files (wagon-12.jpg and customs-k1.pdf): its storage may be full. Once the report is sent, attach them again from its page, then submit it.',
    );
    expect(screen.getByRole('list', { name: 'Your writes not sent yet' })).toHaveTextContent('Padang Besar rail border');
    // The form starts the next report afresh.
    expect(screen.getByLabelText('Place')).toHaveValue('');
    expect(sentInputs()).toEqual([]);
  }, 60_000);
});
