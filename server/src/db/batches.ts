import { getTableColumns, type Table } from 'drizzle-orm';

/** PostgreSQL's most bind parameters in one statement (the wire protocol counts them in 16 bits). */
const MOST_PARAMETERS = 65_535;

/** Rows per multi-row insert when nothing narrower applies: fewer round trips without one huge statement. */
const MOST_ROWS = 500;

/**
 * `rows` cut into multi-row inserts into `table`: 500 rows a statement, or fewer when the table is
 * so wide that 500 rows would pass the bind-parameter limit (a multi-row insert names every column).
 */
export function insertBatches<T>(table: Table, rows: readonly T[]): T[][] {
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.min(MOST_ROWS, Math.floor(MOST_PARAMETERS / columns)));
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}
