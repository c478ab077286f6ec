import {
  arrestsTotal,
  CLOCK_SKEW_MS,
  SEIZURE_LEAD_DAYS,
  seizureTooEarlyMessage,
  unitFitsCommodity,
  unitMismatchMessage,
  type SeizureContent,
} from '@jointops/shared/seizures';
import { contentDigest } from '../../content-digest';
import type { RuleProblem } from '@jointops/shared/problems';
import { ValidationError } from '../../domain-errors';
import type { Db } from '../../db/client';
import type { Viewer } from '../../service-context';
import { uuidFromGlobalId } from '../../global-id';
import { findCommodityById, type CommodityRow } from '../catalogue/catalogue.repo';
import { usableIn } from '../catalogue/commodity-scope';
import { findPhases, type OperationRow } from '../operations/operations.repo';
import { interpolNcbIdsAmong, targetCommodityIds, visibleAlertsAmong } from './seizures.repo';

// What a report says, checked against what only the server knows: the catalogue, the alerts the
// reporter may see, the clock. Reporting and correcting share it.

export interface CheckedContent {
  /** The report's columns: ids decoded, the arrests added up, the bonus flag taken from the targets now. */
  columns: Omit<SeizureContent, 'linkedAlertIds' | 'arrests'> & { arrests: number; bonus: boolean };
  alertIds: string[];
}

/** The content's problems, each keyed by the rule it breaks. */
type Problems = (RuleProblem & { path: string[]; message: string })[];

/** A catalogue item of the operation's catalogue version, measured in a unit of its dimension. */
async function commodityOf(facts: Facts, content: SeizureContent, operation: OperationRow, problems: Problems): Promise<string | null> {
  if (!content.commodityId) return null;
  const id = uuidFromGlobalId(content.commodityId, 'Commodity');
  if (!id) {
    problems.push({ path: ['commodityId'], key: 'INVALID_ID', typename: 'Commodity', message: 'Not a valid Commodity id' });
    return null;
  }
  const commodity = await facts.commodity(id);
  if (!commodity || !usableIn(commodity, operation)) {
    problems.push({
      path: ['commodityId'],
      key: 'NOT_IN_CATALOGUE',
      catalogueVersion: operation.catalogueVersion,
      message: `Not an item of the ${operation.catalogueVersion} catalogue`,
    });
  } else if (!unitFitsCommodity(content.unit, commodity.defaultUnit)) {
    problems.push({
      path: ['unit'],
      key: 'UNIT_NOT_OF_COMMODITY_DIMENSION',
      unit: commodity.defaultUnit,
      message: unitMismatchMessage(commodity.defaultUnit),
    });
  }
  return id;
}

/**
 * Linked alerts must be alerts of this operation the reporter may see. One the reporter may not
 * see is refused with the very words used for an id that names nothing, so the refusal tells
 * nothing of a RESTRICTED alert's existence. A withdrawn alert asks nothing more of anyone: no
 * seizure is newly linked to it, while a report corrected keeps the links it had before.
 */
async function linkedAlertsOf(
  facts: Facts,
  globalIds: string[],
  alreadyLinked: ReadonlySet<string>,
  problems: Problems,
): Promise<string[]> {
  const ids = globalIds.map((id) => uuidFromGlobalId(id, 'Alert'));
  const visible = await facts.visibleAlerts(ids.filter((id): id is string => id !== null));
  ids.forEach((id, index) => {
    const path = ['linkedAlertIds', String(index)];
    if (!id) problems.push({ path, key: 'INVALID_ID', typename: 'Alert', message: 'Not a valid Alert id' });
    else if (!visible.has(id)) problems.push({ path, key: 'NO_SUCH_ALERT', message: NO_SUCH_ALERT });
    else if (visible.get(id)!.withdrawn && !alreadyLinked.has(id))
      problems.push({ path, key: 'ALERT_WITHDRAWN', message: ALERT_WITHDRAWN });
  });
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

export const NO_SUCH_ALERT = 'No such alert in this operation';

export const ALERT_WITHDRAWN = 'This alert was withdrawn: no seizure can be linked to it any more';

export const NOT_AN_NCB = 'Not an INTERPOL National Central Bureau of the directory';

/** The NCB a follow-up names must be an agency of kind INTERPOL_NCB; the directory is every user's, so the refusal hides nothing. */
async function interpolNcbOf(facts: Facts, content: SeizureContent, problems: Problems): Promise<string | null> {
  if (!content.interpolNcbAgencyId) return null;
  const id = uuidFromGlobalId(content.interpolNcbAgencyId, 'Agency');
  if (!id) problems.push({ path: ['interpolNcbAgencyId'], key: 'INVALID_ID', typename: 'Agency', message: 'Not a valid Agency id' });
  else if (!(await facts.interpolNcbs([id])).has(id))
    problems.push({ path: ['interpolNcbAgencyId'], key: 'NOT_AN_INTERPOL_NCB', message: NOT_AN_NCB });
  return id;
}

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
  /** Of `ids`, the alerts of the operation the reporter may see, with whether each was withdrawn. */
  visibleAlerts(ids: string[]): Promise<Map<string, { withdrawn: boolean }>>;
  /** The operation's target commodities, as they are at this moment. */
  targets(): Promise<Set<string>>;
  /** Of `ids`, the agencies of kind INTERPOL_NCB. */
  interpolNcbs(ids: string[]): Promise<Set<string>>;
}

function factsOf(tx: Db, viewer: Viewer, operation: OperationRow): Facts {
  let earliest: Promise<Date> | undefined;
  let targets: Promise<Set<string>> | undefined;
  const ncbSeen = new Map<string, boolean>();
  const commodities = new Map<string, Promise<CommodityRow | null>>();
  const alertSeen = new Map<string, { withdrawn: boolean } | null>();
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
      const visible = await visibleAlertsAmong(tx, viewer, operation.id, unread);
      for (const id of unread) alertSeen.set(id, visible.get(id) ?? null);
      return new Map(ids.flatMap((id) => (alertSeen.get(id) ? [[id, alertSeen.get(id)!]] : [])));
    },
    targets: () => {
      targets ??= targetCommodityIds(tx, operation.id);
      return targets;
    },
    interpolNcbs: async (ids) => {
      const unread = [...new Set(ids.filter((id) => !ncbSeen.has(id)))];
      const ncbs = await interpolNcbIdsAmong(tx, unread);
      for (const id of unread) ncbSeen.set(id, ncbs.has(id));
      return new Set(ids.filter((id) => ncbSeen.get(id)));
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
  /** The alerts a corrected report links already: they stay linkable once withdrawn. */
  alreadyLinked: ReadonlySet<string> = new Set(),
): (content: SeizureContent) => Promise<CheckedContent> {
  const facts = factsOf(tx, viewer, operation);
  return async (content) => {
    const problems: Problems = [];
    if (content.seizedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      problems.push({ path: ['seizedAt'], key: 'IN_THE_FUTURE', message: 'Must not be in the future' });
    else if (content.seizedAt < (await facts.earliestSeizure()))
      problems.push({ path: ['seizedAt'], key: 'TOO_EARLY_FOR_OPERATION', max: SEIZURE_LEAD_DAYS, message: seizureTooEarlyMessage });
    if (content.interpolNotifiedAt && content.interpolNotifiedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      problems.push({ path: ['interpolNotifiedAt'], key: 'IN_THE_FUTURE', message: 'Must not be in the future' });
    const commodityId = await commodityOf(facts, content, operation, problems);
    const interpolNcbAgencyId = await interpolNcbOf(facts, content, problems);
    const alertIds = await linkedAlertsOf(facts, content.linkedAlertIds, alreadyLinked, problems);
    if (problems.length) throw new ValidationError(problems);
    const { linkedAlertIds: _linked, ...fields } = content;
    // Bonus is judged against the targets of the moment it is reported: targets changed later do not move it.
    const bonus = commodityId === null || !(await facts.targets()).has(commodityId);
    return { columns: { ...fields, commodityId, interpolNcbAgencyId, arrests: arrestsTotal(content), bonus }, alertIds };
  };
}

/** Every problem of the content at once, so that a form (or an imported row) is corrected in one go. */
export function checkContent(
  tx: Db,
  viewer: Viewer,
  operation: OperationRow,
  content: SeizureContent,
  now: Date,
  alreadyLinked: ReadonlySet<string> = new Set(),
): Promise<CheckedContent> {
  return contentChecker(tx, viewer, operation, now, alreadyLinked)(content);
}

/**
 * The digest a report is retried against: its content, with ids decoded and the linked alerts in
 * any order. A follow-up or breakdown left empty is left out, and the arrests are the total, so a
 * report (or an imported row) that says nothing of them digests as it did before they existed:
 * a retry across the upgrade still finds its report.
 */
export function reportDigest(content: SeizureContent & { submit: boolean }, checked: CheckedContent): string {
  const { arrestsByNationality, interpolNotifiedAt, interpolNotices, interpolNcbAgencyId: _ncb, ...rest } = content;
  return contentDigest({
    ...rest,
    arrests: checked.columns.arrests,
    commodityId: checked.columns.commodityId,
    linkedAlertIds: [...checked.alertIds].sort(),
    ...(arrestsByNationality.length ? { arrestsByNationality } : {}),
    ...(interpolNotifiedAt ? { interpolNotifiedAt, interpolNcbAgencyId: checked.columns.interpolNcbAgencyId, interpolNotices } : {}),
  });
}
