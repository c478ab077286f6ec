import { catalogueItems } from '@jointops/shared/catalogue';
import { unitFitsCommodity, unitMismatchMessage, type SeizureContent } from '@jointops/shared/seizures';
import { contentDigest } from '../../content-digest';
import { ValidationError } from '../../domain-errors';
import type { Db } from '../../db/client';
import type { Viewer } from '../../service-context';
import { idFromInput } from '../../validate';
import { findCommodityById } from '../catalogue/catalogue.repo';
import type { OperationRow } from '../operations/operations.repo';
import { visibleAlertIdsAmong } from './seizures.repo';

// What a report says, checked against what only the server knows: the catalogue, the alerts the
// reporter may see, the clock. Reporting and correcting share it.

export interface CheckedContent {
  /** The report's columns, the commodity id decoded. */
  columns: Omit<SeizureContent, 'linkedAlertIds'>;
  alertIds: string[];
}

/** A catalogue item of the operation's catalogue version, measured in a unit of its dimension. */
async function commodityOf(tx: Db, content: SeizureContent, operation: OperationRow): Promise<string | null> {
  if (!content.commodityId) return null;
  const id = idFromInput(content.commodityId, 'Commodity', 'commodityId');
  const commodity = await findCommodityById(tx, id);
  if (!commodity || !catalogueItems(operation.catalogueVersion).some((item) => item.code === commodity.code)) {
    throw ValidationError.field('commodityId', `Not an item of the ${operation.catalogueVersion} catalogue`);
  }
  if (!unitFitsCommodity(content.unit, commodity.defaultUnit)) throw ValidationError.field('unit', unitMismatchMessage(commodity.defaultUnit));
  return id;
}

/**
 * Linked alerts must be alerts of this operation the reporter may see. One the reporter may not
 * see is refused with the very words used for an id that names nothing, so the refusal tells
 * nothing of a RESTRICTED alert's existence.
 */
async function linkedAlertsOf(tx: Db, viewer: Viewer, operationId: string, globalIds: string[]): Promise<string[]> {
  const ids = globalIds.map((id, index) => idFromInput(id, 'Alert', `linkedAlertIds.${index}`));
  const visible = await visibleAlertIdsAmong(tx, viewer, operationId, ids);
  ids.forEach((id, index) => {
    if (!visible.has(id)) throw ValidationError.field(`linkedAlertIds.${index}`, 'No such alert in this operation');
  });
  return [...new Set(ids)];
}

export async function checkContent(tx: Db, viewer: Viewer, operation: OperationRow, content: SeizureContent, now: Date): Promise<CheckedContent> {
  if (content.seizedAt > now) throw ValidationError.field('seizedAt', 'Must not be in the future');
  const commodityId = await commodityOf(tx, content, operation);
  const alertIds = await linkedAlertsOf(tx, viewer, operation.id, content.linkedAlertIds);
  const { linkedAlertIds: _linked, ...fields } = content;
  return { columns: { ...fields, commodityId }, alertIds };
}

/** The digest a report is retried against: its content, with ids decoded and the linked alerts in any order. */
export function reportDigest(content: SeizureContent & { submit: boolean }, checked: CheckedContent): string {
  return contentDigest({ ...content, commodityId: checked.columns.commodityId, linkedAlertIds: [...checked.alertIds].sort() });
}
