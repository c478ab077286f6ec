import { useId } from 'react';
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { say } from '../../i18n/problems';
import type { PreviewProblem, PreviewRow } from './import-preview';
import { importWords } from './import-words';

// The preview's two tables: the problems by row and column, and every row of the file as read.

/** The columns a reviewer of a file looks at first; the file keeps the others. */
const SHOWN_COLUMNS = [
  'seized_at',
  'country_code',
  'place',
  'commodity_code',
  'commodity_description',
  'quantity',
  'unit',
  'detection_method',
  'transport_mode',
];

function ScrollingTable({ caption, children }: { caption: MessageDescriptor; children: React.ReactNode }) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1).
    <div className="table-scroll import-table" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table>
        <caption id={captionId}>
          <FormattedMessage {...caption} />
        </caption>
        {children}
      </table>
    </div>
  );
}

export function ImportProblems({ caption, problems }: { caption: MessageDescriptor; problems: readonly PreviewProblem[] }) {
  const intl = useIntl();
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          {[importWords.row, importWords.column, importWords.problem].map((column) => (
            <th key={column.id} scope="col">
              <FormattedMessage {...column} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {problems.map(({ row, column, problem }, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several problems in one column; the list is never reordered.
          <tr key={index}>
            <td>{row === 0 ? intl.formatMessage(importWords.header) : row}</td>
            <td>{column ? <code>{column}</code> : intl.formatMessage(importWords.wholeRow)}</td>
            <td>{typeof problem === 'string' ? problem : say(intl, problem)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

export function ImportRows({ rows }: { rows: readonly PreviewRow[] }) {
  const intl = useIntl();
  return (
    <ScrollingTable caption={importWords.rowsCaption}>
      <thead>
        <tr>
          <th scope="col">
            <FormattedMessage {...importWords.row} />
          </th>
          {/* The check beside the row's number: at the end it was past the right edge of a laptop's screen. */}
          <th scope="col">
            <FormattedMessage {...importWords.state} />
          </th>
          {SHOWN_COLUMNS.map((column) => (
            <th key={column} scope="col">
              <code>{column}</code>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ row, cells, problems }) => (
          <tr key={row} className={problems ? 'import-row-bad' : undefined}>
            <th scope="row">{row}</th>
            <td>
              {problems ? (
                <span className="badge-danger">{intl.formatMessage(importWords.rowProblems, { count: problems })}</span>
              ) : (
                <span className="badge-ok">{intl.formatMessage(importWords.rowOk)}</span>
              )}
            </td>
            {SHOWN_COLUMNS.map((column) => (
              <td key={column} data-column={column}>
                {cells[column] ?? ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
