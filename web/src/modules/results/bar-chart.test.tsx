import { render } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { BarChart, labelLines } from './bar-chart';

// The chart beside a results table: bars where there are counts, nothing where every count is 0
// (an alert's outcomes before any feedback), rather than an empty frame.

const outcomes = (seized: number) => [
  { key: 'PENDING', label: 'Pending', value: 0 },
  { key: 'SEIZED', label: 'Seized', value: seized },
];

const chartOf = (seized: number) =>
  render(
    <IntlProvider locale="en">
      <BarChart bars={outcomes(seized)} />
    </IntlProvider>,
  ).container;

describe('a results chart', () => {
  it('draws a bar for each count', () => {
    expect(chartOf(2).querySelectorAll('svg.results-chart rect')).toHaveLength(2);
  });

  it('draws nothing when every count is 0', () => {
    expect(chartOf(0)).toBeEmptyDOMElement();
  });

  it('puts a long name on more lines, whole, rather than cutting it', () => {
    const name = 'Thaïlande · Détonateur (amorce ou capsule détonante)';
    const lines = labelLines(name);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.length <= 34)).toBe(true);
    expect(lines.join(' ')).toBe(name);
    const drawn = render(
      <IntlProvider locale="fr">
        <BarChart bars={[{ key: 'TH', label: name, value: 1 }]} />
      </IntlProvider>,
    ).container;
    expect(drawn.querySelector('.results-axis-label')?.textContent).toBe(lines.join(''));
    expect(drawn.textContent).not.toContain('…');
  });

  it('keeps a short name on one line', () => {
    expect(labelLines('Maritime (24 500 kg)')).toEqual(['Maritime (24 500 kg)']);
  });

  it('never breaks a quantity between its no-break spaces', () => {
    const quantity = '(24\u202f500\u00a0kg)';
    expect(labelLines(`Malaisie · Nitrate d’ammonium ${quantity}`)).toEqual(['Malaisie · Nitrate d’ammonium', quantity]);
  });
});
