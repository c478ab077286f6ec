import { parseCsv } from '@jointops/shared/csv';
import { columnOfField, isBlankRecord, readHeader, rowFields, type RowProblem } from '@jointops/shared/seizure-import';
import { seizureContentInput } from '@jointops/shared/seizures';
import { contentDigest } from '../../content-digest';
import type { Db } from '../../db/client';
import { ImportRejectedError, ImportTooLargeError, ValidationError } from '../../domain-errors';
import { encodeGlobalId } from '../../global-id';
import type { ServiceContext, Viewer } from '../../service-context';
import { findCommoditiesOfOperation, findCommoditiesOfVersion } from '../catalogue/catalogue.repo';
import type { OperationInContext } from '../operations/operation-access';
import type { OperationRow } from '../operations/operations.repo';
import { contentChecker, NO_SUCH_ALERT, NOT_AN_NCB, reportDigest, type CheckedContent } from './seizure-content';
import { interpolNcbIdsByName, visibleAlertIdsByReference } from './seizures.repo';

// Reading an imported file into reports, row by row, with exactly the checks reportSeizure makes.
// Every problem of every row is collected before anything is refused, so a national team
// corrects its file in one pass.

export interface ImportedRow {
  row: number;
  checked: CheckedContent;
  contentHash: string;
  /** Derived from the content, the agency and the operation: the same row imported again is found again. */
  idempotencyKey: string;
}

type Fields = Record<string, unknown>;

const problemsOf = (row: number, error: { path: readonly PropertyKey[]; message: string }[]): RowProblem[] =>
  error.map(({ path, message }) => ({
    row,
    column: columnOfField(String(path[0])),
    message: path.length > 1 ? `Item ${Number(path[1]) + 1}: ${message}` : message,
  }));

/**
 * The catalogue codes, alert references and NCB names a file names, resolved in one query each; a
 * row's fields are rewritten in place to ids.
 */
async function resolver(tx: Db, viewer: Viewer, operation: OperationRow, rows: Fields[]) {
  // The reference list's codes and the operation's own: the catalogue keeps the two apart.
  const usable = [
    ...(await findCommoditiesOfVersion(tx, operation.catalogueVersion)),
    ...(await findCommoditiesOfOperation(tx, operation.id)),
  ];
  const commodities = new Map(usable.map((item) => [item.code, item.id]));
  const references = [...new Set(rows.flatMap((fields) => (fields.linkedAlertIds as string[] | undefined) ?? []))];
  const alerts = await visibleAlertIdsByReference(tx, viewer, operation.id, references);
  const ncbNames = rows.map((fields) => fields.interpolNcbAgencyId).filter((name): name is string => typeof name === 'string');
  const ncbs = await interpolNcbIdsByName(tx, ncbNames);
  return (row: number, fields: Fields): RowProblem[] => {
    const problems: RowProblem[] = [];
    if (typeof fields.interpolNcbAgencyId === 'string') {
      const id = ncbs.get(fields.interpolNcbAgencyId.toLowerCase());
      if (id) fields.interpolNcbAgencyId = encodeGlobalId('Agency', id);
      else problems.push({ row, column: 'interpol_ncb', message: NOT_AN_NCB });
    }
    if (typeof fields.commodityId === 'string') {
      const id = commodities.get(fields.commodityId.toUpperCase());
      if (id) fields.commodityId = encodeGlobalId('Commodity', id);
      else problems.push({ row, column: 'commodity_code', message: `Not a code of the ${operation.catalogueVersion} catalogue` });
    }
    if (Array.isArray(fields.linkedAlertIds)) {
      fields.linkedAlertIds = (fields.linkedAlertIds as string[]).map((reference) => {
        const id = alerts.get(reference);
        // An alert the importer may not see reads exactly as one that does not exist.
        if (!id) problems.push({ row, column: 'linked_alert_references', message: `${NO_SUCH_ALERT}: ${reference}` });
        return id ? encodeGlobalId('Alert', id) : reference;
      });
    }
    return problems;
  };
}

/** The file's rows as checked reports; throws ImportRejectedError listing every problem, or ImportTooLargeError. */
export async function readImportedRows(
  tx: Db,
  ctx: ServiceContext,
  { operation, viewer }: Pick<OperationInContext, 'operation' | 'viewer'>,
  csv: string,
): Promise<ImportedRow[]> {
  const { maxBytes, maxRows } = ctx.config.seizureImport;
  const { records, separator, problems: csvProblems } = parseCsv(csv);
  const [header = [], ...body] = records;
  const data = body.map((cells, index) => ({ row: index + 1, cells })).filter(({ cells }) => !isBlankRecord(cells));
  if (data.length > maxRows) throw new ImportTooLargeError(maxBytes, maxRows, `The file has ${data.length} rows`);

  const { columns, problems: headerProblems } = readHeader(header);
  const problems: RowProblem[] = [...csvProblems.map((problem) => ({ ...problem, column: null })), ...headerProblems];
  if (headerProblems.length) throw new ImportRejectedError(problems);
  if (!data.length) throw new ImportRejectedError([{ row: 1, column: null, message: 'No seizure under the header row' }]);

  const read = data.map(({ row, cells }) => ({ row, ...rowFields(row, cells, columns, separator) }));
  const resolve = await resolver(
    tx,
    viewer,
    operation,
    read.map((entry) => entry.fields),
  );
  const checkContent = contentChecker(tx, viewer, operation, ctx.clock.now());
  const imported: ImportedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { row, fields, problems: cellProblems } of read) {
    const rowProblems = [...cellProblems, ...resolve(row, fields)];
    const parsed = seizureContentInput.safeParse(fields);
    // A cell that could not be read is left out of the fields: its column is already named once.
    const unread = new Set(rowProblems.map((problem) => problem.column));
    if (!parsed.success) rowProblems.push(...problemsOf(row, parsed.error.issues).filter((problem) => !unread.has(problem.column)));
    if (!parsed.success || rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    try {
      const checked = await checkContent(parsed.data);
      const contentHash = reportDigest({ ...parsed.data, submit: true }, checked);
      const idempotencyKey = `import:${contentDigest({ operationId: operation.id, agencyId: viewer.agencyId, contentHash })}`;
      const first = firstRowOfKey.get(idempotencyKey);
      if (first) problems.push({ row, column: null, message: `The same seizure as row ${first}` });
      else firstRowOfKey.set(idempotencyKey, row);
      imported.push({ row, checked, contentHash, idempotencyKey });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...problemsOf(row, error.fieldErrors));
    }
  }
  if (problems.length) throw new ImportRejectedError(problems.sort((a, b) => a.row - b.row));
  return imported;
}
