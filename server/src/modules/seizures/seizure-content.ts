import { catalogueItems } from '@jointops/shared/catalogue';
import {
  CLOCK_SKEW_MS,
  SEIZURE_LEAD_DAYS,
  seizureTooEarlyMessage,
  unitFitsCommodity,
  unitMismatchMessage,
  type SeizureContent,
} from '@jointops/shared/seizures';
import { contentDigest } from '../../content-digest';
import { ValidationError, type FieldError } from '../../domain-errors';
import type { Db } from '../../db/client';
import type { Viewer } from '../../service-context';
import { uuidFromGlobalId } from '../../global-id';
import { findCommodityById } from '../catalogue/catalogue.repo';
import { findPhases, type OperationRow } from '../operations/operations.repo';
import { visibleAlertIdsAmong } from './seizures.repo';

// What a report says, checked against what only the server knows: the catalogue, the alerts the
// reporter may see, the clock. Reporting and correcting share it.

export interface CheckedContent {
  /** The report's columns, the commodity id decoded. */
  columns: Omit<SeizureContent, 'linkedAlertIds'>;
  alertIds: string[];
}

type Problems = FieldError[];

/** A catalogue item of the operation's catalogue version, measured in a unit of its dimension. */
async function commodityOf(tx: Db, content: SeizureContent, operation: OperationRow, problems: Problems): Promise<string | null> {
  if (!content.commodityId) return null;
  const id = uuidFromGlobalId(content.commodityId, 'Commodity');
  if (!id) {
    problems.push({ path: ['commodityId'], message: 'Not a valid Commodity id' });
    return null;
  }
  const commodity = await findCommodityById(tx, id);
  if (!commodity || !catalogueItems(operation.catalogueVersion).some((item) => item.code === commodity.code)) {
    problems.push({ path: ['commodityId'], message: `Not an item of the ${operation.catalogueVersion} catalogue` });
  } else if (!unitFitsCommodity(content.unit, commodity.defaultUnit)) {
    problems.push({ path: ['unit'], message: unitMismatchMessage(commodity.defaultUnit) });
  }
  return id;
}

/**
 * Linked alerts must be alerts of this operation the reporter may see. One the reporter may not
 * see is refused with the very words used for an id that names nothing, so the refusal tells
 * nothing of a RESTRICTED alert's existence.
 */
async function linkedAlertsOf(tx: Db, viewer: Viewer, operationId: string, globalIds: string[], problems: Problems): Promise<string[]> {
  const ids = globalIds.map((id) => uuidFromGlobalId(id, 'Alert'));
  const visible = await visibleAlertIdsAmong(
    tx,
    viewer,
    operationId,
    ids.filter((id): id is string => id !== null),
  );
  ids.forEach((id, index) => {
    if (!id) problems.push({ path: ['linkedAlertIds', String(index)], message: 'Not a valid Alert id' });
    else if (!visible.has(id)) problems.push({ path: ['linkedAlertIds', String(index)], message: NO_SUCH_ALERT });
  });
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

export const NO_SUCH_ALERT = 'No such alert in this operation';

/** The earliest a seizure of the operation may date: its first phase start, planned or actual, less the lead. */
async function earliestSeizureOf(tx: Db, operation: OperationRow): Promise<Date> {
  const starts = (await findPhases(tx, operation.id))
    .flatMap((phase) => [phase.plannedStartsAt, phase.startedAt])
    .filter((start): start is Date => start !== null);
  const begins = Math.min(operation.createdAt.getTime(), ...starts.map((start) => start.getTime()));
  return new Date(begins - SEIZURE_LEAD_DAYS * 86_400_000);
}

/** Every problem of the content at once, so that a form (or an imported row) is corrected in one go. */
export async function checkContent(
  tx: Db,
  viewer: Viewer,
  operation: OperationRow,
  content: SeizureContent,
  now: Date,
): Promise<CheckedContent> {
  const problems: Problems = [];
  if (content.seizedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    problems.push({ path: ['seizedAt'], message: 'Must not be in the future' });
  else if (content.seizedAt < (await earliestSeizureOf(tx, operation)))
    problems.push({ path: ['seizedAt'], message: seizureTooEarlyMessage });
  const commodityId = await commodityOf(tx, content, operation, problems);
  const alertIds = await linkedAlertsOf(tx, viewer, operation.id, content.linkedAlertIds, problems);
  if (problems.length) throw new ValidationError(problems);
  const { linkedAlertIds: _linked, ...fields } = content;
  return { columns: { ...fields, commodityId }, alertIds };
}

/** The digest a report is retried against: its content, with ids decoded and the linked alerts in any order. */
export function reportDigest(content: SeizureContent & { submit: boolean }, checked: CheckedContent): string {
  return contentDigest({ ...content, commodityId: checked.columns.commodityId, linkedAlertIds: [...checked.alertIds].sort() });
}
