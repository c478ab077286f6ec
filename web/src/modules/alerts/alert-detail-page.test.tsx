import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALERT_ID, MALAYSIA, NURUL, operation, renderAlertScreens, shipmentAlert, SOMCHAI, THAILAND, viewerOf } from './alert-test-support';

// One alert's page, for a recipient (acknowledges, answers, comments) and for its originator
// (withdraws): every write is checked in the browser first, and a refusal is said in words with
// what the person typed kept.

const answered = (alert = shipmentAlert()) => ({ queries: { AlertDetail: { node: alert } } });
const thai = viewerOf(SOMCHAI);
/** Any draft's key: 32 hexadecimal digits. */
const draftKey = expect.stringMatching(/^[0-9a-f]{32}$/);
const malaysian = viewerOf(NURUL);

describe('an alert’s page', () => {
  it('shows the alert, its subject, its marking in words and each recipient’s acknowledgement', async () => {
    renderAlertScreens({ viewer: thai, answers: answered() });

    expect(await screen.findByRole('heading', { level: 2, name: /Ammonium nitrate declared as fertiliser/ })).toBeInTheDocument();
    expect(screen.getByText('PGS-TEST-2026-01/A-0007')).toBeInTheDocument();
    expect(screen.getByText('TLP:AMBER')).toBeInTheDocument();
    expect(screen.getByText("The recipients' organisations, on a need-to-know basis")).toBeInTheDocument();
    expect(screen.getByText('MSCU1234567')).toBeInTheDocument();
    expect(screen.getByText(/Malaysia \(MY\) → Thailand \(TH\)/)).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Thai Customs Department/ });
    expect(row).toHaveTextContent('Not acknowledged yet');
    expect(row).toHaveTextContent(/due in/);
  });

  it('names the commodities in the language the screen is read in, not the account’s', async () => {
    renderAlertScreens({ viewer: { ...thai, locale: 'fr' }, answers: answered() });
    const commodities = await screen.findByText(/Ammonium nitrate$/);
    expect(commodities.tagName).toBe('DD');
    expect(screen.queryByText(/Nitrate d’ammonium/)).toBeNull();
  });

  it('lets a recipient acknowledge for its agency', async () => {
    const acknowledged = shipmentAlert({
      recipients: [{ ...shipmentAlert().recipients[0]!, acknowledgedAt: '2026-11-30T02:05:00Z', acknowledgedBy: SOMCHAI }],
    });
    const { user, sentInputs } = renderAlertScreens({
      viewer: thai,
      answers: { ...answered(), mutations: [{ acknowledgeAlert: acknowledged }] },
    });

    await user.click(await screen.findByRole('button', { name: 'Acknowledge for my agency' }));
    expect(sentInputs()).toEqual([{ alertId: ALERT_ID }]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows who acknowledged, and asks nothing more of an agency that did', async () => {
    const acknowledged = shipmentAlert({
      recipients: [{ ...shipmentAlert().recipients[0]!, acknowledgedAt: '2026-11-30T02:05:00Z', acknowledgedBy: SOMCHAI }],
    });
    renderAlertScreens({ viewer: thai, answers: answered(acknowledged) });

    expect(await screen.findByText('Acknowledged by Somchai Wongsawat')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge for my agency' })).not.toBeInTheDocument();
  });

  it('says why an acknowledgement was refused', async () => {
    const { user } = renderAlertScreens({
      viewer: thai,
      answers: {
        ...answered(),
        mutations: [
          {
            acknowledgeAlert: {
              __typename: 'PhaseRuleError',
              code: 'PHASE_RULE',
              message: 'Acknowledging an alert is not allowed in phase CLOSED',
              phase: 'CLOSED',
            },
          },
        ],
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Acknowledge for my agency' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Closed/);
  });

  it('checks feedback in the browser, then keeps what was typed when the server refuses it', async () => {
    const { user, sentInputs } = renderAlertScreens({
      viewer: thai,
      answers: {
        ...answered(),
        mutations: [
          {
            giveAlertFeedback: {
              __typename: 'ConflictError',
              code: 'CONFLICT',
              message: 'This alert was withdrawn: it can no longer be acknowledged, answered or amended.',
            },
          },
        ],
      },
    });
    const form = within((await screen.findByRole('heading', { name: 'Your agency’s feedback' })).closest('section')!);
    await user.type(form.getByLabelText('Note'), 'Container examined at Laem Chabang, 24 t seized.');
    await user.click(form.getByRole('button', { name: 'Give the feedback' }));
    expect(form.getByLabelText('Outcome')).toHaveAccessibleDescription('Required');
    expect(sentInputs()).toEqual([]);

    await user.selectOptions(form.getByLabelText('Outcome'), 'Seized');
    await user.click(form.getByRole('button', { name: 'Give the feedback' }));
    expect(sentInputs()).toEqual([
      { alertId: ALERT_ID, outcome: 'SEIZED', note: 'Container examined at Laem Chabang, 24 t seized.', idempotencyKey: draftKey },
    ]);
    expect(await form.findByRole('alert')).toHaveTextContent('This alert was withdrawn');
    expect(form.getByLabelText('Note')).toHaveValue('Container examined at Laem Chabang, 24 t seized.');
    expect(form.getByLabelText('Outcome')).toHaveValue('SEIZED');
  });

  it('shows each recipient’s current feedback with its earlier ones, and offers to amend it', async () => {
    const earlier = {
      outcome: 'NOT_CONTROLLED',
      note: 'Vessel not yet berthed.',
      givenAt: '2026-11-30T03:00:00Z',
      supersededAt: '2026-11-30T05:00:00Z',
      givenBy: SOMCHAI,
    };
    const current = { outcome: 'SEIZED', note: '24 t seized.', givenAt: '2026-11-30T05:00:00Z', supersededAt: null, givenBy: SOMCHAI };
    const alert = shipmentAlert({
      outcome: 'SEIZED',
      recipients: [
        {
          ...shipmentAlert().recipients[0]!,
          acknowledgedAt: '2026-11-30T02:05:00Z',
          acknowledgedBy: SOMCHAI,
          feedback: current,
          feedbackHistory: [current, earlier],
        },
      ] as never,
    });
    renderAlertScreens({ viewer: thai, answers: answered(alert) });

    const row = await screen.findByRole('row', { name: /Thai Customs Department/ });
    expect(row).toHaveTextContent('Seized');
    expect(row).toHaveTextContent('24 t seized.');
    expect(within(row).getByText('1 earlier feedback')).toBeInTheDocument();
    expect(row).toHaveTextContent('Vessel not yet berthed.');
    expect(screen.getByLabelText('Outcome')).toHaveValue('SEIZED');
    expect(screen.getByRole('button', { name: 'Amend the feedback' })).toBeInTheDocument();
  });

  it('posts a comment, and keeps it at its field when the server refuses it', async () => {
    const tooLong = {
      commentOnAlert: {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: [{ path: ['input', 'body'], message: 'At most 4000 characters', key: 'TOO_LONG', min: null, max: 4000 }],
      },
    };
    const { user, sentInputs } = renderAlertScreens({ viewer: thai, answers: { ...answered(), mutations: [tooLong] } });

    await user.click(await screen.findByRole('button', { name: 'Post the comment' }));
    expect(screen.getByLabelText('Your comment')).toHaveAccessibleDescription(/Required/);
    expect(sentInputs()).toEqual([]);

    await user.type(screen.getByLabelText('Your comment'), 'Berth 4, ETA 14:00 local.');
    await user.click(screen.getByRole('button', { name: 'Post the comment' }));
    expect(sentInputs()).toEqual([{ alertId: ALERT_ID, body: 'Berth 4, ETA 14:00 local.', idempotencyKey: draftKey }]);
    // The refusal comes back through the mutation's promise: on a loaded machine, after the click.
    await waitFor(() => expect(screen.getByLabelText('Your comment')).toHaveAccessibleDescription(/At most 4,000 characters/));
    expect(screen.getByLabelText('Your comment')).toHaveValue('Berth 4, ETA 14:00 local.');
  });

  it('offers the originator no acknowledgement, and withdraws only once a reason is confirmed', async () => {
    const { user, sentInputs } = renderAlertScreens({
      viewer: malaysian,
      answers: { ...answered(), mutations: [{ withdrawAlert: shipmentAlert({ withdrawnAt: '2026-11-30T04:00:00Z' }) }] },
    });

    await user.click(await screen.findByRole('button', { name: 'Withdraw the alert' }));
    expect(screen.queryByRole('button', { name: 'Acknowledge for my agency' })).not.toBeInTheDocument();
    const dialog = screen.getByRole('dialog', { name: 'Withdraw alert PGS-TEST-2026-01/A-0007?' });
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw the alert' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription(/Required/);
    expect(sentInputs()).toEqual([]);

    await user.type(within(dialog).getByLabelText('Reason'), 'The container was re-exported before arrival.');
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw the alert' }));
    expect(sentInputs()).toEqual([{ alertId: ALERT_ID, reason: 'The container was re-exported before arrival.' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('keeps the dialog and the reason open when the withdrawal is refused', async () => {
    const conflict = {
      __typename: 'ConflictError',
      code: 'CONFLICT',
      message: 'This alert was withdrawn: it can no longer be acknowledged, answered or amended.',
    };
    const { user } = renderAlertScreens({ viewer: malaysian, answers: { ...answered(), mutations: [{ withdrawAlert: conflict }] } });

    await user.click(await screen.findByRole('button', { name: 'Withdraw the alert' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Reason'), 'Duplicate of A-0006.');
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw the alert' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This alert was withdrawn');
    expect(within(dialog).getByLabelText('Reason')).toHaveValue('Duplicate of A-0006.');
  });

  it('shows a withdrawn alert with its reason, and offers no action on it', async () => {
    const withdrawn = shipmentAlert({
      withdrawnAt: '2026-11-30T04:00:00Z',
      withdrawnBy: NURUL,
      withdrawalReason: 'The container was re-exported before arrival.',
    });
    renderAlertScreens({ viewer: thai, answers: answered(withdrawn) });

    expect(await screen.findByText('Withdrawn by Nurul Aina binti Hassan')).toBeInTheDocument();
    expect(screen.getByText('Reason: The container was re-exported before arrival.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge for my agency' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your agency’s feedback' })).not.toBeInTheDocument();
  });

  it('tells what each amendment changed', async () => {
    const alert = shipmentAlert({
      version: 2,
      severity: 'CRITICAL',
      amendedAt: '2026-11-30T03:00:00Z',
      amendedBy: NURUL,
      versions: [
        {
          version: 1,
          title: shipmentAlert().title,
          description: 'Consignee unknown.',
          language: 'en',
          severity: 'HIGH',
          madeAt: '2026-11-30T02:00:00Z',
          supersededAt: '2026-11-30T03:00:00Z',
          madeBy: NURUL,
          subject: shipmentAlert().subject,
          commodities: shipmentAlert().commodities,
          clearedAcknowledgements: [{ acknowledgedAt: '2026-11-30T02:05:00Z', agency: THAILAND }],
        },
      ] as never,
    });
    renderAlertScreens({ viewer: thai, answers: answered(alert) });

    const versions = within((await screen.findByRole('heading', { name: 'Earlier versions' })).closest('section')!);
    expect(versions.getByText('Severity: High → Critical')).toBeInTheDocument();
    expect(versions.getByText('the description')).toBeInTheDocument();
    expect(versions.queryByText('the subject')).not.toBeInTheDocument();
    expect(versions.getByText(/Acknowledgements taken back by the graver severity: Thai Customs Department/)).toBeInTheDocument();
  });

  it('answers not found for an alert the viewer may not see, and for one of another operation', async () => {
    renderAlertScreens({ viewer: viewerOf({ ...SOMCHAI, agency: MALAYSIA }), answers: { queries: { AlertDetail: { node: null } } } });
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(screen.queryByText(/Ammonium nitrate/)).not.toBeInTheDocument();
  });

  it('answers not found for an alert of another operation at this operation’s address', async () => {
    renderAlertScreens({ viewer: thai, answers: answered(shipmentAlert({ reference: 'PGS-OTHER-2026-09/A-0001' })) });
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(operation.code).not.toBe('PGS-OTHER-2026-09');
  });
});
