import Papa from 'papaparse';

// Reading the CSV files spreadsheets write (RFC 4180): quoted fields may hold separators, quotes
// and line breaks. European Excel writes `;` because the comma is its decimal mark, so the
// separator is taken from the header line rather than assumed.

export type CsvSeparator = ',' | ';';

export interface ParsedCsv {
  /** Every record in file order, the header first; a record's index is its row number (header = 0). */
  records: string[][];
  separator: CsvSeparator;
  /** Malformed quoting, by record index. */
  problems: { row: number; message: string }[];
}

/** The byte order mark: Excel writes it before UTF-8, and reads a file without it in the machine's code page. */
export const BOM = '\uFEFF';

/** The separator of a header line: whichever of `;` and `,` it holds more of (header names hold neither). */
function separatorOf(text: string): CsvSeparator {
  const headerLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (character: string) => headerLine.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(text: string): ParsedCsv {
  // Excel prefixes UTF-8 files with a byte order mark; it is not part of the first header name.
  const content = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const separator = separatorOf(content);
  const parsed = Papa.parse<string[]>(content, { delimiter: separator, header: false, skipEmptyLines: false, dynamicTyping: false });
  return {
    records: parsed.data,
    separator,
    problems: parsed.errors.map((error) => ({
      row: error.row ?? 0,
      message: error.code === 'MissingQuotes' ? 'A quoted cell is never closed' : error.message,
    })),
  };
}

/** One CSV record: cells quoted when they hold a separator, a quote or a line break. */
export function csvRecord(cells: readonly string[], separator: CsvSeparator = ','): string {
  return Papa.unparse([cells as string[]], { delimiter: separator, newline: '\r\n' });
}
