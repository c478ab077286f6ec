import { parseCsv } from '@jointops/shared/csv';
import { columnOfField, isBlankRecord, readHeader, rowFields, type RowProblem } from '@jointops/shared/seizure-import';
import { seizureContentInput } from '@jointops/shared/seizures';
import { describeIssue, type Problem } from '../../i18n/problems';
import { translateServerText } from '../../i18n/server-texts';

// The preview of an import, read in the browser with the very code the server reads it with
// (shared/: the CSV reading, the header, the cells, the report's schema), so the reader sees
// every problem before anything is sent. What only the server knows (which alerts the importer
// may see, the directory's NCBs, duplicates of earlier imports) it says when the file is sent, in
// the same list.

export interface PreviewProblem {
  /** 0: the header; 1: the first row under it. */
  row: number;
  column: string | null;
  /** In the reader's words where the sentence is known; else as the server or schema wrote it. */
  problem: Problem | string;
}

export interface PreviewRow {
  row: number;
  /** The cells under the template's column names. */
  cells: Record<string, string>;
  problems: number;
}

export interface ImportPreview {
  rows: PreviewRow[];
  problems: PreviewProblem[];
}

/** A sentence of the server or the shared schemas, in the reader's words where it is known. */
export const rowProblem = ({ row, column, message }: RowProblem): PreviewProblem => ({
  row,
  column,
  problem: translateServerText(message) ?? message,
});

// Fields whose check needs the server's data: alerts by reference, the NCB by name.
const SERVER_RESOLVED = ['linkedAlertIds', 'interpolNcbAgencyId'] as const;

/**
 * Every row of `csv` with its cells, and every problem the browser can see, by row and column.
 * `catalogue` maps the operation's catalogue codes to their ids, as the server resolves them.
 */
export function previewImport(csv: string, catalogue: { version: string; ids: ReadonlyMap<string, string> }): ImportPreview {
  const { records, separator, problems: csvProblems } = parseCsv(csv);
  const [header = [], ...body] = records;
  const { columns, problems: headerProblems } = readHeader(header);
  const problems: PreviewProblem[] = [...csvProblems.map((problem) => ({ ...problem, column: null })), ...headerProblems].map(rowProblem);
  const rows: PreviewRow[] = [];
  body.forEach((cells, index) => {
    if (isBlankRecord(cells)) return;
    const row = index + 1;
    const named = Object.fromEntries(columns.flatMap((column, at) => (column ? [[column.name, cells[at]?.trim() ?? '']] : [])));
    if (headerProblems.length) {
      rows.push({ row, cells: named, problems: 0 });
      return;
    }
    const { fields, problems: cellProblems } = rowFields(row, cells, columns, separator);
    const rowProblems: PreviewProblem[] = cellProblems.map(rowProblem);
    if (typeof fields.commodityId === 'string') {
      const id = catalogue.ids.get(fields.commodityId.toUpperCase());
      if (id) fields.commodityId = id;
      else rowProblems.push(rowProblem({ row, column: 'commodity_code', message: `Not a code of the ${catalogue.version} catalogue` }));
    }
    for (const field of SERVER_RESOLVED) delete fields[field];
    const parsed = seizureContentInput.safeParse(fields);
    // A cell that could not be read is left out of the fields: its column is already named once.
    const unread = new Set(rowProblems.map((problem) => problem.column));
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const column = columnOfField(String(issue.path[0]));
        if (!unread.has(column)) rowProblems.push({ row, column, problem: describeIssue(issue) });
      }
    problems.push(...rowProblems);
    rows.push({ row, cells: named, problems: rowProblems.length });
  });
  if (!rows.length && !headerProblems.length)
    problems.push(rowProblem({ row: 1, column: null, message: 'No seizure under the header row' }));
  return { rows, problems: problems.sort((a, b) => a.row - b.row) };
}
