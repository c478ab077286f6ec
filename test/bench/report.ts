// What every bench shares: the size it runs at, and the one table it prints. Each figure is ours
// beside a baseline measured in the same run (raw `ws`, direct SQL, PostGraphile, …) and their
// ratio, so that a slower or busier machine moves both sides and the ratio stays comparable.

export type Size = 'tiny' | 'small' | 'default';

/** `--size tiny|small|default` (or BENCH_SIZE): tiny proves the script works (CI), small is the 1,000-subscriber run. */
export function benchSize(argv = process.argv): Size {
  const flag = argv.indexOf('--size');
  const size = flag >= 0 ? argv[flag + 1] : (process.env.BENCH_SIZE ?? 'default');
  if (size !== 'tiny' && size !== 'small' && size !== 'default') throw new Error(`--size must be tiny, small or default, not ${size}`);
  return size;
}

export interface Figure {
  bench: string;
  figure: string;
  unit: string;
  ours: number | null;
  /** The same figure for the baseline, measured in the same run; null where there is none. */
  baseline?: number | null;
  baselineName?: string;
  /** The goal as a bound on the ratio ours ÷ baseline, or on ours alone when there is no baseline. */
  goal?: { max?: number; min?: number; on: 'ratio' | 'ours' };
}

/** Figures of one bench read from two measurements of the same shape: ours, and the baseline's. */
export function compared<M>(bench: string, baselineName: string, ours: M, baseline: M) {
  return (figure: string, unit: string, pick: (measured: M) => number | null, goal?: Figure['goal']): Figure => ({
    bench,
    figure,
    unit,
    ours: pick(ours),
    baseline: pick(baseline),
    baselineName,
    goal,
  });
}

/** The line the orchestrator (`all.ts`) picks out of a bench's output to build the one table. */
export const FIGURES_MARK = '@@bench-figures ';

export const ratioOf = (figure: Figure) =>
  figure.ours !== null && figure.baseline !== undefined && figure.baseline !== null && figure.baseline !== 0
    ? figure.ours / figure.baseline
    : null;

export function goalMet(figure: Figure): boolean | null {
  if (!figure.goal) return null;
  const value = figure.goal.on === 'ratio' ? ratioOf(figure) : figure.ours;
  if (value === null) return null;
  return (figure.goal.max === undefined || value <= figure.goal.max) && (figure.goal.min === undefined || value >= figure.goal.min);
}

const number = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '–'
    : Math.abs(value) >= 100
      ? Math.round(value).toLocaleString('en')
      : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);

function goalText(figure: Figure): string {
  if (!figure.goal) return '';
  const bound = [figure.goal.min !== undefined ? `≥ ${figure.goal.min}` : '', figure.goal.max !== undefined ? `≤ ${figure.goal.max}` : '']
    .filter(Boolean)
    .join(' ');
  const met = goalMet(figure);
  return `${bound}${figure.goal.on === 'ratio' ? '×' : ''} ${met === null ? '?' : met ? 'met' : 'MISSED'}`;
}

/** A Markdown table: it reads in a terminal and pastes into docs/BENCHMARKS.md as it is. */
export function table(figures: Figure[]): string {
  const rows = [
    ['bench', 'figure', 'unit', 'ours', 'baseline', 'baseline is', 'ratio', 'goal'],
    ...figures.map((figure) => {
      const ratio = ratioOf(figure);
      return [
        figure.bench,
        figure.figure,
        figure.unit,
        number(figure.ours),
        number(figure.baseline),
        figure.baselineName ?? '',
        ratio === null ? '' : `${ratio.toFixed(2)}×`,
        goalText(figure),
      ];
    }),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** Prints the bench's table, then the same figures on one line for the orchestrator. */
export function emit(figures: Figure[]): void {
  process.stdout.write(`\n${table(figures)}\n${FIGURES_MARK}${JSON.stringify(figures)}\n`);
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;

export const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);

/** A bench that needs PostgreSQL says so and exits 0 without DATABASE_URL: the PGlite pass of CI runs it too. */
export function postgresOrSkip(bench: string): string | null {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stdout.write(`${bench}: skipped, it needs PostgreSQL (set DATABASE_URL; a scratch database is made beside it)\n`);
    emit([]);
  }
  return url ?? null;
}
