import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider, useParams } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { SessionContext, type Session } from '../../shell/viewer-context';
import { CreateOperationPage } from './operation-form-page';

// The planner's form as a person uses it: fields found by their labels, the request the server
// would receive read from the urql client, and the server's answers given by hand.

const AMMONIUM_NITRATE = 'Q29tbW9kaXR5OmFtbW9uaXVt';

const catalogue = {
  commodityCatalogue: {
    __typename: 'CommodityCatalogue',
    version: 'PGS-2023',
    items: [
      {
        __typename: 'Commodity',
        id: AMMONIUM_NITRATE,
        code: 'AMMONIUM_NITRATE',
        category: 'PRECURSOR_CHEMICAL',
        hsCode: '3102.30',
        nameEn: 'Ammonium nitrate',
        nameFr: 'Nitrate d’ammonium',
      },
      {
        __typename: 'Commodity',
        id: 'Q29tbW9kaXR5OnVhdg==',
        code: 'UAV',
        category: 'UAV',
        hsCode: '8806.21',
        nameEn: 'Unmanned aerial vehicle (drone)',
        nameFr: 'Aéronef sans pilote (drone)',
      },
    ],
  },
};

const session: Session = {
  viewer: {
    id: 'VXNlcjox',
    email: 'planner@wco.demo',
    displayName: 'Amélie Laurent',
    isAdmin: false,
    mustChangePassword: false,
    locale: 'en',
    timeZone: 'Europe/Brussels',
    agency: {
      id: 'QWdlbmN5OjE=',
      name: 'World Customs Organization Secretariat',
      acronym: 'WCO',
      countryCode: null,
      kind: 'INTERNATIONAL_ORGANIZATION',
    },
  },
  timeZone: 'Europe/Brussels',
  endSession() {},
};

type MutationAnswer = Record<string, unknown>;

function renderCreateForm(answers: MutationAnswer[] = []) {
  const executeMutation = vi.fn(() => fromValue({ data: answers.shift(), hasNext: false, stale: false }));
  const client = {
    executeQuery: vi.fn(() => fromValue({ data: catalogue, hasNext: false, stale: false })),
    executeMutation,
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;

  const rootRoute = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({ getParentRoute: () => rootRoute, path: '/operations', component: () => null }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/new', component: CreateOperationPage }),
    createRoute({ getParentRoute: () => rootRoute, path: '/operations/$code', component: Overview }),
  ];
  const router = createRouter({
    routeTree: rootRoute.addChildren(routes),
    history: createMemoryHistory({ initialEntries: ['/operations/new'] }),
  });
  render(
    <IntlProvider locale="en-GB" defaultLocale="en-GB">
      <Provider value={client}>
        <SessionContext value={session}>
          <RouterProvider router={router as never} />
        </SessionContext>
      </Provider>
    </IntlProvider>,
  );
  const sent = () =>
    executeMutation.mock.calls.map((call: unknown[]) => (call[0] as { variables: { input: Record<string, unknown> } }).variables.input);
  return { sent };
}

function Overview() {
  const { code } = useParams({ strict: false });
  return <p>Overview of {code}</p>;
}

const phase = (name: string) => within(screen.getByRole('group', { name }));

async function fillTheEssentials() {
  const user = userEvent.setup({ delay: null });
  await user.type(await screen.findByLabelText('Code'), 'PGS-SA-2027-01');
  await user.type(screen.getByLabelText('Name'), 'Programme Global Shield — South Asia 2027');
  await user.click(screen.getByRole('checkbox', { name: /Ammonium nitrate/ }));
  return user;
}

// A form of some 450 controls (every time zone, every commodity) in happy-dom: slower than the default allows on a busy machine.
describe('the operation form', { timeout: 20_000 }, () => {
  it('shows the browser’s problems at their fields, focuses the first, and sends nothing', async () => {
    const { sent } = renderCreateForm();
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('Code'), 'x');
    fireEvent.change(phase('Operational').getByLabelText('Starts'), { target: { value: '2027-03-02T08:00' } });
    await user.clear(screen.getByLabelText('Critical'));
    await user.type(screen.getByLabelText('Critical'), '90');

    await user.click(screen.getByRole('button', { name: 'Create the operation' }));

    const code = screen.getByLabelText('Code');
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Use 3 to 40 letters, digits and hyphens'));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(code).toHaveFocus());
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Required');
    expect(phase('Operational').getByLabelText('Ends')).toHaveAccessibleDescription(expect.stringContaining('Required'));
    expect(phase('Operational').getByLabelText('Starts')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText('A more severe alert cannot be given longer to acknowledge than a less severe one.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Some values were refused: see the fields marked.');
    expect(sent()).toEqual([]);
  });

  it('shows the server’s refusals at their fields and keeps everything typed', async () => {
    const { sent } = renderCreateForm([
      {
        createOperation: {
          __typename: 'ValidationError',
          code: 'VALIDATION',
          message: 'Invalid input',
          fieldErrors: [
            { __typename: 'FieldError', path: ['code'], message: 'An operation with this code already exists' },
            { __typename: 'FieldError', path: ['plannedPhases', '1', 'endsAt'], message: 'Must be after the start' },
          ],
        },
      },
    ]);
    const user = await fillTheEssentials();
    fireEvent.change(phase('Pre-operational').getByLabelText('Starts'), { target: { value: '2027-02-01T08:00' } });
    fireEvent.change(phase('Pre-operational').getByLabelText('Ends'), { target: { value: '2027-03-01T08:00' } });
    fireEvent.change(phase('Operational').getByLabelText('Starts'), { target: { value: '2027-03-02T08:00' } });
    fireEvent.change(phase('Operational').getByLabelText('Ends'), { target: { value: '2027-03-16T20:00' } });

    await user.click(screen.getByRole('button', { name: 'Create the operation' }));

    expect(await screen.findByText('An operation with this code already exists')).toBeInTheDocument();
    expect(sent()).toHaveLength(1);
    const code = screen.getByLabelText('Code');
    expect(code).toHaveAccessibleDescription(expect.stringContaining('An operation with this code already exists'));
    await waitFor(() => expect(code).toHaveFocus());
    // Index 1 of the phases sent is the operational phase: the first one sent was pre-operational.
    expect(phase('Operational').getByLabelText('Ends')).toHaveAccessibleDescription(expect.stringContaining('Must be after the start'));
    expect(phase('Pre-operational').getByLabelText('Ends')).not.toHaveAttribute('aria-invalid');
    expect(code).toHaveValue('PGS-SA-2027-01');
    expect(screen.getByLabelText('Name')).toHaveValue('Programme Global Shield — South Asia 2027');
    expect(screen.getByRole('checkbox', { name: /Ammonium nitrate/ })).toBeChecked();
    expect(phase('Operational').getByLabelText('Ends')).toHaveValue('2027-03-16T20:00');
  });

  it('sends the phase dates typed in the reference zone as UTC instants, then opens the operation', async () => {
    const { sent } = renderCreateForm([{ createOperation: { __typename: 'Operation', id: 'T3BlcmF0aW9uOjE=', code: 'PGS-SA-2027-01' } }]);
    const user = await fillTheEssentials();
    expect(screen.getByLabelText('Reference time zone')).toHaveValue('Europe/Brussels');
    await user.selectOptions(screen.getByLabelText('Reference time zone'), 'Asia/Kabul');
    expect(screen.getByText(/as the clocks show them in/)).toHaveTextContent('Asia/Kabul');
    fireEvent.change(phase('Operational').getByLabelText('Starts'), { target: { value: '2027-03-02T08:00' } });
    fireEvent.change(phase('Operational').getByLabelText('Ends'), { target: { value: '2027-03-16T20:00' } });
    fireEvent.change(phase('Post-operational').getByLabelText('Starts'), { target: { value: '2027-03-17T00:00' } });
    fireEvent.change(phase('Post-operational').getByLabelText('Ends'), { target: { value: '2027-04-30T18:00' } });

    await user.click(screen.getByRole('button', { name: 'Create the operation' }));

    expect(await screen.findByText('Overview of PGS-SA-2027-01')).toBeInTheDocument();
    expect(sent()).toEqual([
      {
        code: 'PGS-SA-2027-01',
        name: 'Programme Global Shield — South Asia 2027',
        programme: 'PROGRAMME_GLOBAL_SHIELD',
        exercise: false,
        objectives: '',
        region: '',
        referenceTimeZone: 'Asia/Kabul',
        targetCommodityIds: [AMMONIUM_NITRATE],
        plannedPhases: [
          { phase: 'OPERATIONAL', startsAt: '2027-03-02T03:30:00.000Z', endsAt: '2027-03-16T15:30:00.000Z' },
          { phase: 'POST_OPERATIONAL', startsAt: '2027-03-16T19:30:00.000Z', endsAt: '2027-04-30T13:30:00.000Z' },
        ],
        acknowledgementDeadlines: [
          { severity: 'CRITICAL', minutes: 15 },
          { severity: 'HIGH', minutes: 60 },
          { severity: 'MEDIUM', minutes: 240 },
          { severity: 'LOW', minutes: 1440 },
        ],
      },
    ]);
  });
});
