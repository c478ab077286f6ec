import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useIntl } from 'react-intl';

export interface ChartBar {
  key: string;
  label: string;
  value: number;
}

const BAR_HEIGHT = 26;
const LABEL_WIDTH = 220;
const WIDTH = 640;
const MARGIN = { top: 8, right: 24, bottom: 32 };

/**
 * Counts as horizontal bars (long names read on the left, not slanted under the bars). Only
 * counts are drawn: quantities of unlike units on one axis would compare kilograms with pieces.
 * The chart repeats the table beside it, which is what assistive technologies read; where
 * every count is 0 there is nothing to draw.
 */
export function BarChart({ bars }: { bars: readonly ChartBar[] }) {
  const intl = useIntl();
  // Bars of nothing draw an empty frame that reads as a chart that failed: the table says 0.
  if (!bars.some((bar) => bar.value > 0)) return null;
  const innerWidth = WIDTH - LABEL_WIDTH - MARGIN.right;
  const innerHeight = bars.length * BAR_HEIGHT;
  const y = scaleBand({ domain: bars.map((bar) => bar.key), range: [0, innerHeight], padding: 0.25 });
  const x = scaleLinear({ domain: [0, Math.max(1, ...bars.map((bar) => bar.value))], range: [0, innerWidth], nice: true });
  const labelOf = new Map(bars.map((bar) => [bar.key, bar.label]));
  const integerTicks = x.ticks(4).filter(Number.isInteger);
  return (
    <svg
      className="results-chart"
      viewBox={`0 0 ${WIDTH} ${innerHeight + MARGIN.top + MARGIN.bottom}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
    >
      <Group left={LABEL_WIDTH} top={MARGIN.top}>
        {bars.map((bar) => (
          <Bar key={bar.key} className="results-bar" x={0} y={y(bar.key) ?? 0} width={x(bar.value)} height={y.bandwidth()} />
        ))}
        <AxisLeft
          scale={y}
          tickFormat={(key) => {
            const label = labelOf.get(key) ?? key;
            return label.length > 34 ? `${label.slice(0, 33)}…` : label;
          }}
          hideTicks
          tickLabelProps={{ className: 'results-axis-label', textAnchor: 'end', dx: -4, dy: 4 }}
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={integerTicks}
          tickFormat={(value) => intl.formatNumber(Number(value))}
          tickLabelProps={{ className: 'results-axis-label', textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );
}
