import { useId, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { BarChart, type ChartBar } from './bar-chart';
import { columnWords } from './result-words';

export interface Column {
  header: string;
  numeric?: boolean;
}

/** One line of a table: its first cell names it (a row header), the others are its figures. */
export interface TableLine {
  key: string;
  cells: string[];
}

export interface ResultsTableContent {
  columns: Column[];
  lines: TableLine[];
  bars?: ChartBar[];
}

interface ResultsSectionProps extends ResultsTableContent {
  title: string;
  /** What the section offers beside the table (its CSV), given the id of the heading naming it. */
  actions?: (headingId: string) => ReactNode;
  chart?: boolean;
  /** Where the section sits in its page's outline. */
  headingLevel?: 2 | 4;
}

/** A results table under its heading, its bar chart beside it where it has one. */
export function ResultsSection({ title, columns, lines, bars, actions, chart = true, headingLevel = 2 }: ResultsSectionProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const intl = useIntl();
  const headingId = useId();
  return (
    <section className="panel results-section" aria-labelledby={headingId}>
      <div className="results-section-head">
        <Heading id={headingId}>{title}</Heading>
        {actions?.(headingId)}
      </div>
      {lines.length === 0 ? (
        <p className="muted">{intl.formatMessage(columnWords.empty)}</p>
      ) : (
        <div className="results-body">
          <div className="results-table-wrap">
            <table className="results-table">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column.header} scope="col" className={column.numeric ? 'results-number' : undefined}>
                      {column.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.key}>
                    {line.cells.map((cell, index) =>
                      index === 0 ? (
                        <th key={columns[index]?.header} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={columns[index]?.header} className={columns[index]?.numeric ? 'results-number' : undefined}>
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {chart && bars && <BarChart bars={bars} />}
        </div>
      )}
    </section>
  );
}
