import { createMemoryHistory, createRootRoute, createRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { GateChecklist } from './gate-checklist';
import type { OperationHeader } from './operation-context';

// The gate as a coordinator, a reviewer and a contact point see it, from a mocked phaseGate: which
// criteria read as met, how the unmet ones say what they wait for, and when the operation may move.

const planning: OperationHeader = {
  id: 'T3BlcmF0aW9uOjE',
  code: 'PGS-TEST-2026-01',
  name: 'Test operation',
  phase: 'PLANNING',
  programme: 'PROGRAMME_GLOBAL_SHIELD',
  exercise: false,
  myRole: 'COORDINATOR',
  referenceTimeZone: 'Asia/Bangkok',
};

interface Criterion {
  key: string;
  agencies?: string[];
  phases?: string[];
  count?: number | null;
}

const criterion = ({ key, agencies = [], phases = [], count = null }: Criterion) => ({
  __typename: 'GateCriterion',
  key,
  agencies,
  phases,
  count,
});

/** The gate on its own, or (`atItsAddress`) inside a router, for the parts that link elsewhere. */
function renderGate(options: {
  operation?: Partial<OperationHeader>;
  unmet?: Criterion[];
  advanceResult?: unknown;
  atItsAddress?: boolean;
}) {
  const operation = { ...planning, ...options.operation };
  const executeQuery = vi.fn(() =>
    fromValue({ data: { operation: { __typename: 'Operation', id: operation.id, phaseGate: (options.unmet ?? []).map(criterion) } } }),
  );
  const executeMutation = vi.fn(() =>
    fromValue({ data: { advancePhase: options.advanceResult ?? { __typename: 'Operation', id: operation.id, phase: 'PRE_OPERATIONAL' } } }),
  );
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn(() => never) } as unknown as Client;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IntlProvider locale="en-GB" defaultLocale="en-GB">
      <Provider value={client}>{children}</Provider>
    </IntlProvider>
  );
  if (options.atItsAddress) {
    const root = createRootRoute({ component: () => <GateChecklist operation={operation} /> });
    const router = createRouter({
      routeTree: root.addChildren([createRoute({ getParentRoute: () => root, path: '/operations/$code/report' })]),
      history: createMemoryHistory({ initialEntries: [`/operations/${operation.code}`] }),
    });
    render(<RouterProvider router={router as never} />, { wrapper });
  } else {
    render(<GateChecklist operation={operation} />, { wrapper });
  }
  const sentInputs = () =>
    executeMutation.mock.calls.map((call) => (call as unknown as [{ variables: { input: unknown } }])[0].variables.input);
  return { user: userEvent.setup(), sentInputs };
}

const criterionItem = (statement: string) => screen.getByText(statement).closest('li')!;

describe('the gate checklist', () => {
  it('shows every criterion of the gate, met or not met in words, with what the unmet ones wait for', () => {
    renderGate({
      unmet: [
        { key: 'PARTICIPANTS_CONTACT_POINTS', agencies: ['Royal Malaysian Customs Department', 'Thai Customs Department'] },
        { key: 'PLAN_PHASE_DATES', phases: ['OPERATIONAL', 'POST_OPERATIONAL'] },
      ],
    });

    expect(screen.getByRole('heading', { level: 2, name: 'Next phase: Pre-operational' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Criteria for moving to Pre-operational' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByText('2 criteria for moving to Pre-operational are not met.')).toBeInTheDocument();

    expect(within(criterionItem('At least two agencies from two countries have accepted')).getByText('Met')).toBeInTheDocument();
    expect(within(criterionItem('The target commodities are chosen')).getByText('Met')).toBeInTheDocument();

    const contactPoints = criterionItem('Every participating agency that accepted has a contact point');
    expect(within(contactPoints).getByText('Not met')).toBeInTheDocument();
    expect(contactPoints).toHaveTextContent('Without a contact point: Royal Malaysian Customs Department and Thai Customs Department');

    const dates = criterionItem('Every phase has planned dates');
    expect(within(dates).getByText('Not met')).toBeInTheDocument();
    expect(dates).toHaveTextContent('No planned dates yet: Operational and Post-operational');
  });

  it('counts the seizure reports left before closing, and offers reviewers the final report', async () => {
    renderGate({
      operation: { phase: 'POST_OPERATIONAL', myRole: 'REVIEWER' },
      unmet: [{ key: 'SEIZURES_SETTLED', count: 3 }, { key: 'REPORT_RECORDED' }],
      atItsAddress: true,
    });
    expect(await screen.findByRole('link', { name: 'See the results release it completes, ready to print' })).toHaveAttribute(
      'href',
      '/operations/PGS-TEST-2026-01/report?lang=en',
    );

    expect(criterionItem('No seizure report is left in draft or awaiting verification')).toHaveTextContent(
      '3 seizure reports are still in draft or awaiting verification',
    );
    expect(screen.getByRole('textbox', { name: 'Final report' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record the final report' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Advance/ })).not.toBeInTheDocument();
  });

  it('keeps Advance disabled while a criterion is unmet', () => {
    renderGate({ unmet: [{ key: 'PLAN_TARGET_COMMODITIES' }] });

    const advance = screen.getByRole('button', { name: 'Advance to Pre-operational' });
    expect(advance).toBeDisabled();
    expect(advance).toHaveAccessibleDescription(/Advancing needs every criterion met/);
  });

  it('advances without a justification once every criterion is met, and says where the operation is now', async () => {
    const { user, sentInputs } = renderGate({ unmet: [] });

    expect(screen.getByText('Every criterion for moving to Pre-operational is met.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Override…' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Advance to Pre-operational' }));

    expect(sentInputs()).toEqual([{ operationId: planning.id, to: 'PRE_OPERATIONAL', overrideJustification: null }]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Phase changed: Pre-operational.'));
  });

  it('counts the justification as it is typed and refuses one under 20 characters without sending it', async () => {
    const { user, sentInputs } = renderGate({ unmet: [{ key: 'PLAN_TARGET_COMMODITIES' }] });

    await user.click(screen.getByRole('button', { name: 'Override…' }));
    const justification = screen.getByRole('textbox', { name: 'Justification' });
    expect(justification).toHaveFocus();
    expect(justification).toHaveAccessibleDescription('0 of at least 20 characters');

    await user.type(justification, '  Agreed by phone  ');
    expect(justification).toHaveAccessibleDescription('15 of at least 20 characters');
    expect(screen.getByText('15 of at least 20 characters')).toHaveAttribute('aria-live', 'polite');
    await user.click(screen.getByRole('button', { name: 'Override and advance to Pre-operational' }));

    expect(sentInputs()).toEqual([]);
    expect(justification).toHaveAttribute('aria-invalid', 'true');
    expect(justification).toHaveAccessibleDescription(/At least 20 characters/);
    expect(justification).toHaveValue('  Agreed by phone  ');
  });

  it('sends a proper justification as the override', async () => {
    const { user, sentInputs } = renderGate({ unmet: [{ key: 'PLAN_TARGET_COMMODITIES' }] });

    await user.click(screen.getByRole('button', { name: 'Override…' }));
    await user.type(screen.getByRole('textbox', { name: 'Justification' }), ' Commodities agreed at the planning meeting ');
    await user.click(screen.getByRole('button', { name: 'Override and advance to Pre-operational' }));

    expect(sentInputs()).toEqual([
      { operationId: planning.id, to: 'PRE_OPERATIONAL', overrideJustification: 'Commodities agreed at the planning meeting' },
    ]);
  });

  it('says in words which criteria the server found unmet when it refuses the move', async () => {
    const { user } = renderGate({
      unmet: [],
      advanceResult: {
        __typename: 'PhaseGateError',
        code: 'PHASE_GATE',
        message: 'unmet',
        unmetCriteria: [criterion({ key: 'PARTICIPANTS_CONTACT_POINTS', agencies: ['Thai Customs Department'] })],
      },
    });

    await user.click(screen.getByRole('button', { name: 'Advance to Pre-operational' }));

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The operation did not move: these criteria are not met now.');
    expect(alert).toHaveTextContent(
      'Every participating agency that accepted has a contact point — Without a contact point: Thai Customs Department',
    );
  });

  it('shows contact points the checklist only, with who may advance', () => {
    renderGate({ operation: { myRole: 'CONTACT_POINT' }, unmet: [{ key: 'PLAN_TARGET_COMMODITIES' }] });

    expect(screen.getByRole('list', { name: 'Criteria for moving to Pre-operational' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText(/coordinators move it to the next phase\. Your role in this operation: Contact point\./)).toBeInTheDocument();
  });

  it('asks for the reason and a confirmation before cancelling', async () => {
    const { user, sentInputs } = renderGate({
      unmet: [],
      advanceResult: { __typename: 'Operation', id: planning.id, phase: 'CANCELLED' },
    });

    await user.click(screen.getByRole('button', { name: 'Cancel the operation…' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel the operation?' });
    expect(dialog).toHaveAccessibleDescription(/cannot be undone/);

    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel the operation' }));
    expect(sentInputs()).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason for cancelling' }), 'The host country withdrew its support');
    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel the operation' }));
    expect(sentInputs()).toEqual([
      { operationId: planning.id, to: 'CANCELLED', overrideJustification: 'The host country withdrew its support' },
    ]);
  });
});
