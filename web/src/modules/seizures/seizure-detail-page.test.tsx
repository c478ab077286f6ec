import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { operation } from '../alerts/alert-test-support';
import { history, malaysian, renderSeizureScreens, SEIZURE_ID, seizure, thai } from './seizure-test-support';

// One report's page: what it says in the reader's units, its history in order (the rejection's
// reason included, which the report itself no longer holds once corrected), its linked alert, and
// what the viewer may do with it: the reporter corrects a rejected report, others only read it.

const PAGE = `/operations/${operation.code}/seizures/${SEIZURE_ID}`;
const answersFor = (changes: Parameters<typeof seizure>[0]) => ({
  queries: { ...history, Seizure: { node: { __typename: 'Seizure', ...seizure(changes) } } },
});

describe('a seizure report’s page', () => {
  it('shows the quantity with its unit, the history in order with the rejection’s reason, and the linked alert', async () => {
    renderSeizureScreens({ viewer: thai, path: PAGE, answers: answersFor({}) });
    await screen.findByRole('heading', { name: `Seizure report ${operation.code}/S-0001` });
    expect(document.body).toHaveTextContent(/Quantity\s*24\s+t/);
    const steps = within(screen.getByRole('region', { name: 'History' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent?.replace(/^.*? — /, ''))).toEqual([
      'Reported by Nurul Aina binti Hassan (JKDM)',
      'Rejected by Priya Raman (WCO): The quantity is the gross weight.',
      'Corrected by Nurul Aina binti Hassan (JKDM) and sent back for verification',
    ]);
    expect(within(screen.getByRole('region', { name: 'Linked alerts' })).getByRole('link')).toHaveTextContent(`${operation.code}/A-0001`);
    // Thailand did not report it: nothing to submit or correct.
    expect(screen.queryByRole('button', { name: /Correct|Submit/ })).not.toBeInTheDocument();
  });

  it('reads the report back under what each value is, not the form’s words to the person filling it in', async () => {
    renderSeizureScreens({
      viewer: thai,
      path: PAGE,
      answers: answersFor({ arrestsByNationality: [{ nationality: 'MY', count: 2 }] }),
    });
    const facts = within(await screen.findByRole('region', { name: 'What was seized' }));
    const terms = facts.getAllByRole('term').map((term) => term.textContent);
    expect(terms).toEqual(expect.arrayContaining(['Seized at', 'Position']));
    expect(terms.join()).not.toMatch(/your time|optional/);
    expect(facts.getByText('Malaysia: 2')).toBeInTheDocument();
  });

  it('lets the reporting agency correct a rejected report, starting from what it says', async () => {
    const { user } = renderSeizureScreens({
      viewer: malaysian,
      path: PAGE,
      answers: answersFor({ status: 'REJECTED', rejectionReason: 'The quantity is the gross weight.', rejectedAt: '2026-06-02T04:00:00Z' }),
    });
    expect(await screen.findByRole('note')).toHaveTextContent('Sent back for correction: The quantity is the gross weight.');
    await user.click(screen.getByRole('button', { name: 'Correct the report' }));
    expect(await screen.findByLabelText('Quantity')).toHaveValue('24');
    expect(screen.getByLabelText('Unit')).toHaveValue('T');
    expect(screen.getByRole('button', { name: 'Correct and send back for verification' })).toBeInTheDocument();
  });

  it('offers its agency files to add while the report is its own, and none once the reviewers have it', async () => {
    renderSeizureScreens({ viewer: malaysian, path: PAGE, answers: answersFor({ status: 'DRAFT' }) });
    const files = await screen.findByRole('region', { name: 'Files' });
    expect(files).toHaveTextContent('No file added.');
    expect(within(files).getByLabelText('Add files')).toHaveAttribute('type', 'file');
    cleanup();

    for (const status of ['SUBMITTED', 'VERIFIED'] as const) {
      renderSeizureScreens({ viewer: malaysian, path: PAGE, answers: answersFor({ status }) });
      const region = await screen.findByRole('region', { name: 'Files' });
      expect(region).toHaveTextContent('No file added.');
      expect(within(region).queryByLabelText('Add files')).not.toBeInTheDocument();
      cleanup();
    }
  });

  it('shows a report of another operation as not found: the address tells nothing', async () => {
    renderSeizureScreens({ viewer: malaysian, path: PAGE, answers: answersFor({ reference: 'PGS-OTHER-2026-02/S-0001' }) });
    await screen.findByRole('heading', { name: 'Not found' });
    expect(document.body).not.toHaveTextContent('Port Klang');
  });
});
