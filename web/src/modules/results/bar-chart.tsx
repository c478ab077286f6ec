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
const LABEL_WIDTH = 250;
const WIDTH = 640;
const MARGIN = { top: 8, right: 24, bottom: 32 };
/** What fits beside the bars at the labels' 13 px; a longer name goes on to another line. */
const LINE_CHARACTERS = 34;
const LINE_HEIGHT = 15;

/**
 * A bar's name in lines of at most `width` characters, broken between words: a name cut short with
 * "…" hid the very words that told two bars apart (Malaysia's two ammonium nitrates, a detonator
 * "or cap"). A single word longer than a line keeps its line to itself rather than being cut.
 */
export function labelLines(label: string, width = LINE_CHARACTERS): string[] {
  const lines: string[] = [];
  // Only at plain spaces: the no-break spaces inside a quantity ("24 500 kg") hold it together.
  for (const word of label.split(' ').filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

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
  const linesOf = new Map(bars.map((bar) => [bar.key, labelLines(bar.label)]));
  const mostLines = Math.max(...[...linesOf.values()].map((lines) => lines.length));
  // Every row as tall as the longest name needs, so that the bars stay evenly spaced.
  const rowHeight = Math.max(BAR_HEIGHT, mostLines * LINE_HEIGHT + 12);
  const innerHeight = bars.length * rowHeight;
  // The bars keep their thickness in taller rows: the padding takes the rest.
  const padding = 1 - (BAR_HEIGHT * 0.75) / rowHeight;
  const y = scaleBand({ domain: bars.map((bar) => bar.key), range: [0, innerHeight], padding });
  const x = scaleLinear({ domain: [0, Math.max(1, ...bars.map((bar) => bar.value))], range: [0, innerWidth], nice: true });
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
          hideTicks
          tickComponent={({ x: tickX, y: tickY, formattedValue }) => {
            const lines = linesOf.get(String(formattedValue)) ?? [String(formattedValue)];
            // The lines centred on the bar: the first moved up by half of those below it.
            const firstLine = 4 - ((lines.length - 1) * LINE_HEIGHT) / 2;
            return (
              <text className="results-axis-label" x={tickX - 4} y={tickY} textAnchor="end">
                {lines.map((line, index) => (
                  <tspan key={line} x={tickX - 4} dy={index === 0 ? firstLine : LINE_HEIGHT}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          }}
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
