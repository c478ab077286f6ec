import { render } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart';

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
});
