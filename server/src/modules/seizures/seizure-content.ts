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
import { findCommodityById, type CommodityRow } from '../catalogue/catalogue.repo';
import { usableIn } from '../catalogue/commodity-scope';
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
async function commodityOf(facts: Facts, content: SeizureContent, operation: OperationRow, problems: Problems): Promise<string | null> {
  if (!content.commodityId) return null;
  const id = uuidFromGlobalId(content.commodityId, 'Commodity');
  if (!id) {
    problems.push({ path: ['commodityId'], message: 'Not a valid Commodity id' });
    return null;
  }
  const commodity = await facts.commodity(id);
  if (!commodity || !usableIn(commodity, operation)) {
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
async function linkedAlertsOf(facts: Facts, globalIds: string[], problems: Problems): Promise<string[]> {
  const ids = globalIds.map((id) => uuidFromGlobalId(id, 'Alert'));
  const visible = await facts.visibleAlerts(ids.filter((id): id is string => id !== null));
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

/** What the checks read from the database, each fact read once for every report a checker checks. */
interface Facts {
  earliestSeizure(): Promise<Date>;
  commodity(id: string): Promise<CommodityRow | null>;
  /** Of `ids`, the alerts of the operation the reporter may see. */
  visibleAlerts(ids: string[]): Promise<Set<string>>;
}

function factsOf(tx: Db, viewer: Viewer, operation: OperationRow): Facts {
  let earliest: Promise<Date> | undefined;
  const commodities = new Map<string, Promise<CommodityRow | null>>();
  const alertSeen = new Map<string, boolean>();
  return {
    earliestSeizure: () => {
      earliest ??= earliestSeizureOf(tx, operation);
      return earliest;
    },
    commodity: (id) => {
      const known = commodities.get(id) ?? findCommodityById(tx, id);
      commodities.set(id, known);
      return known;
    },
    visibleAlerts: async (ids) => {
      const unread = [...new Set(ids.filter((id) => !alertSeen.has(id)))];
      const visible = await visibleAlertIdsAmong(tx, viewer, operation.id, unread);
      for (const id of unread) alertSeen.set(id, visible.has(id));
      return new Set(ids.filter((id) => alertSeen.get(id)));
    },
  };
}

/**
 * Checks reports for one reporter in one operation at one moment: each of an imported file's
 * 2,000 rows is checked exactly as a single report is, with the phases, the commodities and the
 * alerts' visibility read once for the file instead of once a row.
 */
export function contentChecker(
  tx: Db,
  viewer: Viewer,
  operation: OperationRow,
  now: Date,
): (content: SeizureContent) => Promise<CheckedContent> {
  const facts = factsOf(tx, viewer, operation);
  return async (content) => {
    const problems: Problems = [];
    if (content.seizedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      problems.push({ path: ['seizedAt'], message: 'Must not be in the future' });
    else if (content.seizedAt < (await facts.earliestSeizure())) problems.push({ path: ['seizedAt'], message: seizureTooEarlyMessage });
    const commodityId = await commodityOf(facts, content, operation, problems);
    const alertIds = await linkedAlertsOf(facts, content.linkedAlertIds, problems);
    if (problems.length) throw new ValidationError(problems);
    const { linkedAlertIds: _linked, ...fields } = content;
    return { columns: { ...fields, commodityId }, alertIds };
  };
}

/** Every problem of the content at once, so that a form (or an imported row) is corrected in one go. */
export function checkContent(tx: Db, viewer: Viewer, operation: OperationRow, content: SeizureContent, now: Date): Promise<CheckedContent> {
  return contentChecker(tx, viewer, operation, now)(content);
}

/** The digest a report is retried against: its content, with ids decoded and the linked alerts in any order. */
export function reportDigest(content: SeizureContent & { submit: boolean }, checked: CheckedContent): string {
  return contentDigest({ ...content, commodityId: checked.columns.commodityId, linkedAlertIds: [...checked.alertIds].sort() });
}
