import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DetectionMethod, SeizureStatus } from '@jointops/shared/domain';
import { insertBatches } from '../../db/batches';
import type { Db } from '../../db/client';
import { agencies } from '../../db/schema/accounts';
import { alerts, operationCounters } from '../../db/schema/alerts';
import { operationTargets } from '../../db/schema/operations';
import { seizureAlertLinks, seizures } from '../../db/schema/seizures';
import type { Viewer } from '../../service-context';
import { alertVisibleTo } from '../alerts/alerts.repo';
import { visibleTo } from '../operations/operations.repo';

export type SeizureRow = typeof seizures.$inferSelect;
export type NewSeizure = typeof seizures.$inferInsert;
export type SeizureChanges = Partial<NewSeizure>;

/**
 * The need-to-know condition on `seizures` for one viewer, the SQL twin of `canSeeSeizure`: the
 * operation is visible, and the report is submitted or the viewer's agency's own draft.
 */
export function seizureVisibleTo(viewer: Viewer): SQL {
  return and(
    visibleTo(viewer, sql`${seizures.operationId}`),
    sql`(${seizures.status} <> 'DRAFT' or ${seizures.reportingAgencyId} = ${viewer.agencyId})`,
  )!;
}

/** The next seizure number of the operation; the caller holds the operation's row lock. */
export async function takeSeizureNumber(tx: Db, operationId: string): Promise<number> {
  const [row] = await tx
    .insert(operationCounters)
    .values({ operationId, lastSeizureNumber: 1 })
    .onConflictDoUpdate({
      target: operationCounters.operationId,
      set: { lastSeizureNumber: sql`${operationCounters.lastSeizureNumber} + 1` },
    })
    .returning({ number: operationCounters.lastSeizureNumber });
  return row!.number;
}

/** The next `count` seizure numbers of the operation, taken in one statement; the caller holds the operation's row lock. */
export async function takeSeizureNumbers(tx: Db, operationId: string, count: number): Promise<number[]> {
  const [row] = await tx
    .insert(operationCounters)
    .values({ operationId, lastSeizureNumber: count })
    .onConflictDoUpdate({
      target: operationCounters.operationId,
      set: { lastSeizureNumber: sql`${operationCounters.lastSeizureNumber} + ${count}` },
    })
    .returning({ last: operationCounters.lastSeizureNumber });
  return Array.from({ length: count }, (_, index) => row!.last - count + 1 + index);
}

export async function findSeizureByIdempotencyKey(db: Db, operationId: string, userId: string, key: string): Promise<SeizureRow | null> {
  const [row] = await db
    .select()
    .from(seizures)
    .where(and(eq(seizures.operationId, operationId), eq(seizures.reportedBy, userId), eq(seizures.idempotencyKey, key)));
  return row ?? null;
}

export async function insertSeizure(tx: Db, seizure: NewSeizure): Promise<SeizureRow> {
  const [row] = await tx.insert(seizures).values(seizure).returning();
  return row!;
}

/** Inserts reports a few hundred a statement; answers them in the order given. */
export async function insertSeizures(tx: Db, rows: NewSeizure[]): Promise<SeizureRow[]> {
  const inserted: SeizureRow[] = [];
  for (const batch of insertBatches(seizures, rows)) inserted.push(...(await tx.insert(seizures).values(batch).returning()));
  // PostgreSQL returns a multi-row insert's rows in the order of its values, but does not promise it.
  const byNumber = new Map(inserted.map((row) => [row.number, row]));
  return rows.map((row) => byNumber.get(row.number)!);
}

export async function updateSeizureRow(tx: Db, id: string, changes: SeizureChanges): Promise<SeizureRow> {
  const [row] = await tx.update(seizures).set(changes).where(eq(seizures.id, id)).returning();
  return row!;
}

/** Any seizure, whoever asks: for services, which check the policy before answering. */
export async function findSeizureById(db: Db, id: string): Promise<SeizureRow | null> {
  const [row] = await db.select().from(seizures).where(eq(seizures.id, id));
  return row ?? null;
}

/** The seizure, if the viewer may see it; exactly null otherwise, as for an unknown id. */
export async function findVisibleSeizure(db: Db, viewer: Viewer, id: string): Promise<SeizureRow | null> {
  const [row] = await db
    .select()
    .from(seizures)
    .where(and(eq(seizures.id, id), seizureVisibleTo(viewer)));
  return row ?? null;
}

/** What a list of seizure reports may be narrowed to; null leaves a field free. */
export interface SeizureListFilter {
  status: SeizureStatus | null;
  countryCode: string | null;
  commodityId: string | null;
  agencyId: string | null;
  detectionMethod: DetectionMethod | null;
}

/** The seizures of an operation the viewer may see that match `filter`, newest first, before number `before`. */
export async function visibleSeizuresPage(
  db: Db,
  viewer: Viewer,
  operationId: string,
  filter: SeizureListFilter & { before: number | null },
  limit: number,
): Promise<SeizureRow[]> {
  return db
    .select()
    .from(seizures)
    .where(and(listed(viewer, operationId, filter), filter.before === null ? undefined : lt(seizures.number, filter.before)))
    .orderBy(desc(seizures.number))
    .limit(limit);
}

/** How many seizures of an operation the viewer may see match `filter`. */
export async function countVisibleSeizures(db: Db, viewer: Viewer, operationId: string, filter: SeizureListFilter): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(seizures)
    .where(listed(viewer, operationId, filter));
  return row?.count ?? 0;
}

const listed = (viewer: Viewer, operationId: string, filter: SeizureListFilter) =>
  and(
    eq(seizures.operationId, operationId),
    seizureVisibleTo(viewer),
    filter.status === null ? undefined : eq(seizures.status, filter.status),
    filter.countryCode === null ? undefined : eq(seizures.countryCode, filter.countryCode),
    filter.commodityId === null ? undefined : eq(seizures.commodityId, filter.commodityId),
    filter.agencyId === null ? undefined : eq(seizures.reportingAgencyId, filter.agencyId),
    filter.detectionMethod === null ? undefined : eq(seizures.detectionMethod, filter.detectionMethod),
  );

/** Replaces the alerts a seizure is linked to. */
export async function replaceAlertLinks(tx: Db, seizureId: string, alertIds: string[]): Promise<void> {
  await tx.delete(seizureAlertLinks).where(eq(seizureAlertLinks.seizureId, seizureId));
  if (alertIds.length) await tx.insert(seizureAlertLinks).values(alertIds.map((alertId) => ({ seizureId, alertId })));
}

/** Links new reports, which have no links yet, to their alerts, a few hundred links a statement. */
export async function insertAlertLinks(tx: Db, links: { seizureId: string; alertId: string }[]): Promise<void> {
  for (const batch of insertBatches(seizureAlertLinks, links)) await tx.insert(seizureAlertLinks).values(batch);
}

export async function linkedAlertIds(db: Db, seizureId: string): Promise<string[]> {
  const rows = await db
    .select({ alertId: seizureAlertLinks.alertId })
    .from(seizureAlertLinks)
    .where(eq(seizureAlertLinks.seizureId, seizureId));
  return rows.map((row) => row.alertId);
}

/** Of `ids`, the alerts of the operation the viewer may see, each with whether it was withdrawn. */
export async function visibleAlertsAmong(
  db: Db,
  viewer: Viewer,
  operationId: string,
  ids: string[],
): Promise<Map<string, { withdrawn: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: alerts.id, withdrawnAt: alerts.withdrawnAt })
    .from(alerts)
    .where(and(eq(alerts.operationId, operationId), inArray(alerts.id, ids), alertVisibleTo(viewer)));
  return new Map(rows.map((row) => [row.id, { withdrawn: row.withdrawnAt !== null }]));
}

/** Of `references`, the alerts of the operation the viewer may see, by reference. */
export async function visibleAlertIdsByReference(
  db: Db,
  viewer: Viewer,
  operationId: string,
  references: string[],
): Promise<Map<string, string>> {
  if (!references.length) return new Map();
  const rows = await db
    .select({ id: alerts.id, reference: alerts.reference })
    .from(alerts)
    .where(and(eq(alerts.operationId, operationId), inArray(alerts.reference, references), alertVisibleTo(viewer)));
  return new Map(rows.map((row) => [row.reference, row.id]));
}

/** The agency's reports in the operation filed under any of `keys`, whoever of the agency filed them. */
export async function findAgencySeizuresByIdempotencyKeys(
  db: Db,
  operationId: string,
  agencyId: string,
  keys: string[],
): Promise<SeizureRow[]> {
  if (!keys.length) return [];
  return db
    .select()
    .from(seizures)
    .where(and(eq(seizures.operationId, operationId), eq(seizures.reportingAgencyId, agencyId), inArray(seizures.idempotencyKey, keys)));
}

/** The alerts linked to a seizure that the viewer may see, oldest first. */
export async function visibleLinkedAlerts(db: Db, viewer: Viewer, seizureId: string) {
  return db
    .select({ alert: alerts })
    .from(seizureAlertLinks)
    .innerJoin(alerts, eq(alerts.id, seizureAlertLinks.alertId))
    .where(and(eq(seizureAlertLinks.seizureId, seizureId), alertVisibleTo(viewer)))
    .orderBy(asc(alerts.number))
    .then((rows) => rows.map((row) => row.alert));
}

/** The seizures linked to an alert that the viewer may see, oldest first. */
export async function visibleLinkedSeizures(db: Db, viewer: Viewer, alertId: string): Promise<SeizureRow[]> {
  return db
    .select({ seizure: seizures })
    .from(seizureAlertLinks)
    .innerJoin(seizures, eq(seizures.id, seizureAlertLinks.seizureId))
    .where(and(eq(seizureAlertLinks.alertId, alertId), seizureVisibleTo(viewer)))
    .orderBy(asc(seizures.number))
    .then((rows) => rows.map((row) => row.seizure));
}

/** The operation's target commodities as they are now: a report's bonus flag is taken from them when it is filed or corrected. */
export async function targetCommodityIds(db: Db, operationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ commodityId: operationTargets.commodityId })
    .from(operationTargets)
    .where(eq(operationTargets.operationId, operationId));
  return new Set(rows.map((row) => row.commodityId));
}

/** Of `ids`, the agencies of kind INTERPOL_NCB: the only ones a follow-up may name as notified. */
export async function interpolNcbIdsAmong(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(inArray(agencies.id, ids), eq(agencies.kind, 'INTERPOL_NCB')));
  return new Set(rows.map((row) => row.id));
}

/** The INTERPOL NCBs by lower-cased name, as an exported list names them; a name two NCBs share names neither. */
export async function interpolNcbIdsByName(db: Db, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const lowered = [...new Set(names.map((name) => name.toLowerCase()))];
  const rows = await db
    .select({ id: agencies.id, name: sql<string>`lower(${agencies.name})` })
    .from(agencies)
    .where(and(eq(agencies.kind, 'INTERPOL_NCB'), inArray(sql`lower(${agencies.name})`, lowered)));
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.name, (counts.get(row.name) ?? 0) + 1);
  return new Map(rows.filter((row) => counts.get(row.name) === 1).map((row) => [row.name, row.id]));
}
