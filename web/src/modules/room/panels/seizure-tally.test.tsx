import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HeadlineFigures } from './headline-figures';
import { SeizureTally } from './seizure-tally';
import { tallyByCommodity } from './seizure-tally-rows';
import { AMMONIUM_NITRATE, DETONATOR, OPERATION_ID, renderPanel, results, row } from './panels.test-support';

// The seizure tally shows the results per commodity, a commodity's units on one line, and never
// adds one unit to another; the headline figures are the results' totals, large.

describe('the tally per commodity', () => {
  it('gathers a commodity’s units into one line, and never adds unlike units', () => {
    const tally = tallyByCommodity([
      row(AMMONIUM_NITRATE, 3003.5, 'KG', 4),
      row(DETONATOR, 3, 'PIECES', 1),
      row(AMMONIUM_NITRATE, 40, 'PIECES', 1),
      row(null, 1.5, 'KG', 1),
      row(null, 200, 'L', 1),
    ]);
    expect(
      tally.map((item) => [item.commodity?.code ?? 'OTHER', item.seizures, item.quantities.map((q) => `${q.quantity} ${q.unit}`)]),
    ).toEqual([
      ['AMMONIUM_NITRATE', 5, ['3003.5 KG', '40 PIECES']],
      ['DETONATOR', 1, ['3 PIECES']],
      ['OTHER', 2, ['1.5 KG', '200 L']],
    ]);
  });

  it('adds up rows of one commodity and unit, as the final report’s rows per country come', () => {
    const tally = tallyByCommodity([row(AMMONIUM_NITRATE, 2003.5, 'KG', 3), row(AMMONIUM_NITRATE, 1000, 'KG', 1)]);
    expect(tally.map((item) => [item.seizures, item.quantities])).toEqual([[4, [{ unit: 'KG', quantity: 3003.5 }]]]);
  });

  it('shows each commodity with its quantities in their units and its count of seizures', () => {
    renderPanel(<SeizureTally operationId={OPERATION_ID} />, { queries: { RoomResults: results() } });

    const table = screen.getByRole('table');
    const [, ...rows] = within(table).getAllByRole('row');
    expect(
      rows.map((tableRow) =>
        within(tableRow)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['3,003.5\u00a0kg', '4'],
      ['40\u00a0pieces', '1'],
      ['1.5\u00a0kg3\u00a0pieces', '2'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Ammonium nitrate' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Other commodities' })).toBeInTheDocument();
    expect(screen.getByText('Verified reports and those awaiting verification.')).toBeInTheDocument();
  });

  it('writes quantities the French way: decimal comma, narrow no-break space between thousands', () => {
    renderPanel(<SeizureTally operationId={OPERATION_ID} />, { queries: { RoomResults: results() } }, 'fr');
    expect(screen.getByRole('rowheader', { name: 'Nitrate d’ammonium' })).toBeInTheDocument();
    const quantities = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(quantities).toEqual(['3\u202f003,5\u00a0kg', '40\u00a0pièces', '1,5\u00a0kg', '3\u00a0pièces']);
  });

  it('says when nothing was seized yet', () => {
    renderPanel(<SeizureTally operationId={OPERATION_ID} />, { queries: { RoomResults: results({ byCommodity: [] }) } });
    expect(screen.getByText('No seizure reported yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the headline figures', () => {
  const figure = (label: string) => screen.getByText(label).closest('div')!.querySelector('dd')!.textContent;

  it('shows the totals in large figures, in the reader’s number format', () => {
    renderPanel(<HeadlineFigures operationId={OPERATION_ID} />, { queries: { RoomResults: results() } });
    expect(screen.getByRole('heading', { name: 'The operation so far' })).toBeInTheDocument();
    expect(figure('Alerts raised')).toBe('1,250');
    expect(figure('Acknowledged')).toBe('1,180');
    expect(figure('With a deadline missed')).toBe('3');
    expect(figure('Median time to acknowledge')).toBe('12 mins');
    expect(figure('Seizures')).toBe('71 bonus seizure');
    expect(figure('Arrests')).toBe('5');
  });

  it('in French, with a narrow no-break space between thousands, and no median before any acknowledgement', () => {
    const none = results();
    none.operationResults.totals.medianMinutesToAcknowledge = null;
    renderPanel(<HeadlineFigures operationId={OPERATION_ID} />, { queries: { RoomResults: none } }, 'fr');
    expect(figure('Alertes émises')).toBe('1\u202f250');
    expect(figure('Délai médian d’accusé de réception')).toBe('pas encore');
  });
});
