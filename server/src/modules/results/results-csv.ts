// CSV as RFC 4180 has it: comma-separated, CRLF line ends, a field quoted when it holds a comma,
// a quote or a line break, quotes doubled; and when it holds a `;` (a list), so that a spreadsheet
// set to read `;`-separated files keeps the list in one cell. A cell that a spreadsheet would read as a formula
// (starting with = + - @, or a tab or carriage return before one) is prefixed with an apostrophe:
// report text comes from many agencies, and an export must not run anything where it is opened.

export type Cell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are figures, not formulas: -3 stays a number a spreadsheet can add.
  const safe = typeof value !== 'number' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row, then one line per record, in the header's order. */
export function toCsv(header: readonly string[], records: readonly (readonly Cell[])[]): string {
  return `${[header, ...records].map((record) => record.map(cell).join(',')).join('\r\n')}\r\n`;
}
