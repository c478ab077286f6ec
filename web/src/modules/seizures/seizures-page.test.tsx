import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MALAYSIA, operation, THAILAND } from '../alerts/alert-test-support';
import { AMMONIUM_NITRATE, malaysian, renderSeizureScreens, seizure } from './seizure-test-support';

// The list of reports: each quantity in its own unit (never added across units), the filters
// read from the address and sent to the API, and the API's cursor to read further back.

const row = (id: string, changes: Parameters<typeof seizure>[0]) => {
  const { reference, status, seizedAt, countryCode, commodity, commodityDescription, quantity, unit, detectionMethod, reportingAgency } =
    seizure({ id, ...changes });
  return {
    cursor: id,
    node: {
      id,
      reference,
      status,
      seizedAt,
      countryCode,
      commodity,
      commodityDescription,
      quantity,
      unit,
      detectionMethod,
      reportingAgency,
    },
  };
};

const seizures = {
  OperationSeizures: {
    operation: {
      id: operation.id,
      seizures: {
        totalCount: 1_204,
        edges: [
          row('s2', {
            reference: `${operation.code}/S-0002`,
            countryCode: 'TH',
            reportingAgency: THAILAND,
            commodity: null,
            commodityDescription: 'Detonating cord',
            quantity: 1250,
            unit: 'M',
            detectionMethod: 'CANINE',
          }),
          row('s1', { reference: `${operation.code}/S-0001`, reportingAgency: MALAYSIA, commodity: AMMONIUM_NITRATE }),
        ],
        pageInfo: { hasNextPage: true, endCursor: 's1' },
      },
    },
  },
  RaiseAlertOptions: {
    operation: {
      id: operation.id,
      commodities: [AMMONIUM_NITRATE],
      participations: [
        { id: 'p1', status: 'ACCEPTED', agency: MALAYSIA },
        { id: 'p2', status: 'ACCEPTED', agency: THAILAND },
      ],
    },
  },
};

describe('the seizures list', () => {
  it('shows each report with its quantity in its own unit, how many there are in all, and offers older pages', async () => {
    renderSeizureScreens({ viewer: malaysian, path: `/operations/${operation.code}/seizures`, answers: { queries: seizures } });
    const table = await screen.findByRole('table', { name: 'Seizure reports' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((tableRow) => within(tableRow).getAllByRole('cell')[3]?.textContent)).toEqual(['1,250\u00a0m', '24\u00a0t']);
    expect(screen.getByText('2 of 1,204 reports shown, newest first')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show older reports' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Report a seizure' })).toBeInTheDocument();
  });

  it('asks the API for the reports of the country and detection method in the address', async () => {
    const { user, router, queriedWith } = renderSeizureScreens({
      viewer: malaysian,
      path: `/operations/${operation.code}/seizures?country=TH`,
      answers: { queries: seizures },
    });
    await screen.findByRole('table', { name: 'Seizure reports' });
    expect(queriedWith('OperationSeizures').at(-1)).toMatchObject({ countryCode: 'TH', detectionMethod: null, status: null });
    await user.selectOptions(screen.getByLabelText('Detection method'), 'X-ray');
    expect(router.state.location.search).toEqual({ country: 'TH', method: 'X_RAY' });
    await waitFor(() =>
      expect(queriedWith('OperationSeizures').at(-1)).toMatchObject({ countryCode: 'TH', detectionMethod: 'X_RAY', after: null }),
    );
  });

  it('says when no report matches the filters, and clears them', async () => {
    const { user, router } = renderSeizureScreens({
      viewer: malaysian,
      path: `/operations/${operation.code}/seizures?method=X_RAY`,
      answers: {
        queries: {
          ...seizures,
          OperationSeizures: {
            operation: { id: operation.id, seizures: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
          },
        },
      },
    });
    await screen.findByText('No report matches these filters.');
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(router.state.location.search).toEqual({});
  });
});
