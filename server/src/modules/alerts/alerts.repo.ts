import { and, asc, eq, gt, ilike, isNull, lt, ne, or, type Placeholder, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { containsPattern } from '../../db/contains-pattern';
import { preparedStatement } from '../../db/prepared';
import { alertComments, alertCommodities, alertRecipients, alerts, operationCounters } from '../../db/schema/alerts';
import { agencies } from '../../db/schema/accounts';
import { operationEvents, operations, participations } from '../../db/schema/operations';
import { journalEntries, type JournalValues } from '../../journal/events.repo';
import type { Viewer } from '../../service-context';
import { visibleTo } from '../operations/operations.repo';
import type { AlertAudience } from './alerts.policy';

export type AlertRow = typeof alerts.$inferSelect;
export type AlertRecipientRow = typeof alertRecipients.$inferSelect;

/** `alerts`, or the alias a relational query gives it: the conditions below read either. */
type AlertsTable = typeof alerts;

/**
 * The need-to-know condition on `alerts` for one viewer, the SQL twin of `canSeeAlert`: the
 * operation is visible, and the alert is for everyone, or raised by or sent to the viewer's agency.
 * Every read of alerts for a viewer goes through it.
 */
export function alertVisibleTo(viewer: Viewer, table: AlertsTable = alerts): SQL {
  return and(
    visibleTo(viewer, sql`${table.operationId}`),
    sql`(${table.distribution} = 'ALL_PARTICIPANTS' or ${table.raisedByAgencyId} = ${viewer.agencyId}
      or exists (select 1 from ${alertRecipients} r where r.alert_id = ${table.id} and r.agency_id = ${viewer.agencyId}))`,
  )!;
}

/** What raising an alert in an operation has to know, read while the raiser holds the operation's row lock. */
export interface RaiseFacts {
  /** The agencies whose participation is accepted, in the order they were invited. */
  acceptedAgencyIds: string[];
  /** The alert this user already raised in the operation with this idempotency key. */
  earlier: Pick<AlertRow, 'id' | 'contentHash'> | null;
  /** The number the alert takes: only writers holding the operation's lock move the counter. */
  nextNumber: number;
}

/**
 * One statement for the three reads a raise makes under the operation's lock: each round trip
 * made there is time every other raise of the operation waits.
 */
const readRaiseFacts = preparedStatement('raise_facts', (db) =>
  db
    .select({
      lastAlertNumber: operationCounters.lastAlertNumber,
      acceptedAgencyIds: sql`array(select ${participations.agencyId} from ${participations}
        where ${participations.operationId} = ${operations.id} and ${participations.status} = 'ACCEPTED'
        order by ${participations.invitedAt})`
        // A uuid[], decoded as the log's audience column (one too) is, by both drivers.
        .mapWith(operationEvents.audienceAgencyIds),
      earlierId: alerts.id,
      earlierContentHash: alerts.contentHash,
    })
    .from(operations)
    .leftJoin(operationCounters, eq(operationCounters.operationId, operations.id))
    .leftJoin(
      alerts,
      and(
        eq(alerts.operationId, operations.id),
        eq(alerts.raisedBy, sql.placeholder('userId')),
        eq(alerts.idempotencyKey, sql.placeholder('idempotencyKey')),
      ),
    )
    .where(eq(operations.id, sql.placeholder('operationId'))),
);

export async function raiseFacts(tx: Db, operationId: string, userId: string, idempotencyKey: string): Promise<RaiseFacts> {
  const [row] = await readRaiseFacts(tx, { operationId, userId, idempotencyKey });
  if (!row) throw new Error(`operation ${operationId} vanished while it was locked`);
  return {
    acceptedAgencyIds: row.acceptedAgencyIds ?? [],
    earlier: row.earlierId && row.earlierContentHash !== null ? { id: row.earlierId, contentHash: row.earlierContentHash } : null,
    nextNumber: (row.lastAlertNumber ?? 0) + 1,
  };
}

/** The alert as raised: every column a raise sets, its id among them. */
export type RaisedAlert = Required<
  Pick<
    typeof alerts.$inferInsert,
    | 'id'
    | 'operationId'
    | 'number'
    | 'reference'
    | 'idempotencyKey'
    | 'contentHash'
    | 'category'
    | 'severity'
    | 'title'
    | 'description'
    | 'language'
    | 'subject'
    | 'marking'
    | 'distribution'
    | 'raisedBy'
    | 'raisedByAgencyId'
    | 'raisedAt'
  >
>;

const raisedColumns = [
  'id',
  'operationId',
  'number',
  'reference',
  'idempotencyKey',
  'contentHash',
  'category',
  'severity',
  'title',
  'description',
  'language',
  'subject',
  'marking',
  'distribution',
  'raisedBy',
  'raisedByAgencyId',
  'raisedAt',
] as const satisfies readonly (keyof RaisedAlert)[];

/**
 * The alert, its counter, recipients and commodities, and the journal (the event and audit entry:
 * see `Finishing` in audited.ts) as one statement whose text never changes: the recipients and
 * commodities go in as arrays, unnested, so that their number does not change the text.
 */
const storeRaisedAlert = preparedStatement('store_raised_alert', (db) => {
  const alertId = sql<string>`${sql.placeholder('id')}::uuid`.as('alert_id');
  const counted = db.$with('counted').as(
    db
      .insert(operationCounters)
      .values({ operationId: sql.placeholder('operationId'), lastAlertNumber: sql.placeholder('number') })
      .onConflictDoUpdate({ target: operationCounters.operationId, set: { lastAlertNumber: sql`excluded.last_alert_number` } })
      .returning({ number: operationCounters.lastAlertNumber }),
  );
  const addressed = db.$with('addressed').as(
    db
      .insert(alertRecipients)
      .select(
        db
          .select({
            alertId,
            agencyId: sql<string>`recipient`.as('agency_id'),
            dueAt: sql<Date>`${sql.placeholder('dueAt')}::timestamptz`.as('due_at'),
          })
          .from(sql`unnest(${sql.placeholder('recipientAgencyIds')}::uuid[]) as recipient`),
      )
      .returning({ agencyId: alertRecipients.agencyId }),
  );
  const concerning = db.$with('concerning').as(
    db
      .insert(alertCommodities)
      .select(
        db
          .select({ alertId, commodityId: sql<string>`commodity`.as('commodity_id') })
          .from(sql`unnest(${sql.placeholder('commodityIds')}::uuid[]) as commodity`),
      )
      .returning({ commodityId: alertCommodities.commodityId }),
  );
  const values = Object.fromEntries(raisedColumns.map((column) => [column, sql.placeholder(column)]));
  return db
    .with(counted, ...journalEntries(db), addressed, concerning)
    .insert(alerts)
    .values(values as Record<(typeof raisedColumns)[number], Placeholder>)
    .returning();
});

/**
 * Stores a raised alert with its recipients and commodities, and moves the operation's counter to
 * its number, as one statement (the caller holds the operation's row lock) that also carries the
 * event and audit entry (`journal`). The alert's id is given, not left to the column's default, so
 * that the recipients and commodities can name it in the statement that inserts it (their foreign
 * keys are checked at its end). The counter is set to the number, not bumped: should a writer ever
 * take one without the lock, the two alerts' equal numbers are refused by the unique index instead
 * of being told apart by a gap.
 */
export async function insertAlert(
  tx: Db,
  alert: RaisedAlert,
  recipients: { agencyIds: string[]; dueAt: Date },
  commodityIds: string[],
  journal: JournalValues,
): Promise<AlertRow> {
  const [row] = await storeRaisedAlert(tx, {
    ...alert,
    recipientAgencyIds: recipients.agencyIds,
    dueAt: recipients.dueAt.toISOString(),
    commodityIds,
    ...journal,
  });
  return row!;
}

/** Any alert, whoever asks: for services, which check the policy before answering. */
export async function findAlertById(db: Db, id: string): Promise<AlertRow | null> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  return row ?? null;
}

/** The alert, if the viewer may see it; exactly null otherwise, as for an unknown id. */
export async function findVisibleAlert(db: Db, viewer: Viewer, id: string): Promise<AlertRow | null> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.id, id), alertVisibleTo(viewer)));
  return row ?? null;
}

/** Where an alert stands for the viewer's agency: addressed to it and acknowledged or not, or not addressed to it. */
export type AcknowledgementState = 'ACKNOWLEDGED' | 'AWAITING' | 'NOT_ADDRESSED_TO_US';

/** What a viewer narrows an operation's alerts to; every field optional, all of them must hold. */
export interface AlertFilter {
  severity?: AlertRow['severity'] | null;
  category?: AlertRow['category'] | null;
  raisedByAgencyId?: string | null;
  /** ISO 3166-1 alpha-2: raised by any agency of this country. */
  raisedInCountry?: string | null;
  acknowledgement?: AcknowledgementState | null;
  outcome?: AlertRow['outcome'] | null;
  text?: string | null;
}

function acknowledgementCondition(viewer: Viewer, state: AcknowledgementState, table: AlertsTable): SQL {
  const ours = sql`select 1 from ${alertRecipients} r where r.alert_id = ${table.id} and r.agency_id = ${viewer.agencyId}`;
  if (state === 'ACKNOWLEDGED') return sql`exists (${ours} and r.acknowledged_at is not null)`;
  if (state === 'AWAITING') return sql`exists (${ours} and r.acknowledged_at is null)`;
  return sql`not exists (${ours})`;
}

/** The filter's conditions; they only ever narrow `alertVisibleTo`, never replace it. */
function filterConditions(viewer: Viewer, filter: AlertFilter, table: AlertsTable): (SQL | undefined)[] {
  const term = filter.text?.trim();
  const pattern = term ? containsPattern(term) : null;
  return [
    filter.severity ? eq(table.severity, filter.severity) : undefined,
    filter.category ? eq(table.category, filter.category) : undefined,
    filter.raisedByAgencyId ? eq(table.raisedByAgencyId, filter.raisedByAgencyId) : undefined,
    filter.raisedInCountry
      ? sql`${table.raisedByAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.countryCode} = ${filter.raisedInCountry})`
      : undefined,
    filter.acknowledgement ? acknowledgementCondition(viewer, filter.acknowledgement, table) : undefined,
    filter.outcome ? eq(table.outcome, filter.outcome) : undefined,
    pattern ? or(ilike(table.title, pattern), ilike(table.description, pattern)) : undefined,
  ];
}

/**
 * A page of an operation's alerts as a relation of the operation's own query: the alerts the viewer
 * may see and the filter keeps, newest first, before number `before`. The need-to-know condition
 * and the filter are the same SQL as everywhere else, written against the alias the relational
 * query gives the table, so the page and whatever its nodes ask for (their raising agency, say)
 * load in the operation's statement instead of one, then two, statements of their own.
 */
export function visibleAlertsPage(viewer: Viewer, before: number | null, limit: number, filter: AlertFilter) {
  return {
    where: {
      RAW: (table: AlertsTable) =>
        and(
          alertVisibleTo(viewer, table),
          ...filterConditions(viewer, filter, table),
          before === null ? undefined : lt(table.number, before),
        )!,
    },
    orderBy: { number: 'desc' as const },
    limit,
    columns: { number: true as const },
  };
}

/** Where a page of alerts awaiting acknowledgement ends: the deadline, then the alert id for the ties. */
export interface AwaitingPosition {
  dueAt: Date;
  alertId: string;
}

/** Sent to the viewer's agency, not acknowledged by it, not withdrawn; over `alertRecipients` joined to `alerts`. */
function awaitingCondition(viewer: Viewer, operationId: string | undefined): SQL {
  return and(
    eq(alertRecipients.agencyId, viewer.agencyId),
    isNull(alertRecipients.acknowledgedAt),
    // A withdrawn alert asks nothing more of anyone.
    isNull(alerts.withdrawnAt),
    alertVisibleTo(viewer),
    operationId ? eq(alerts.operationId, operationId) : undefined,
  )!;
}

/** How many alerts of the operation await the viewer's agency's acknowledgement, and how many of them are CRITICAL. */
export async function countAwaitingAcknowledgement(
  db: Db,
  viewer: Viewer,
  operationId: string,
): Promise<{ alerts: number; critical: number }> {
  const [row] = await db
    .select({
      alerts: sql<number>`count(*)::int`,
      critical: sql<number>`(count(*) filter (where ${alerts.severity} = 'CRITICAL'))::int`,
    })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .where(awaitingCondition(viewer, operationId));
  return { alerts: Number(row?.alerts ?? 0), critical: Number(row?.critical ?? 0) };
}

/**
 * The alerts sent to the viewer's agency and not yet acknowledged by it, in every operation the
 * viewer may see, oldest deadline first, after `after`.
 */
export async function awaitingAcknowledgementPage(
  db: Db,
  viewer: Viewer,
  after: AwaitingPosition | null,
  limit: number,
  operationId?: string,
): Promise<(AlertRow & { dueAt: Date })[]> {
  const rows = await db
    .select({ alert: alerts, dueAt: alertRecipients.dueAt })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .where(
      and(
        awaitingCondition(viewer, operationId),
        after
          ? or(gt(alertRecipients.dueAt, after.dueAt), and(eq(alertRecipients.dueAt, after.dueAt), gt(alerts.id, after.alertId)))
          : undefined,
      ),
    )
    .orderBy(asc(alertRecipients.dueAt), asc(alerts.id))
    .limit(limit);
  return rows.map((row) => ({ ...row.alert, dueAt: row.dueAt }));
}

export async function audienceOf(db: Db, alert: AlertRow): Promise<AlertAudience> {
  const rows = await db.select({ agencyId: alertRecipients.agencyId }).from(alertRecipients).where(eq(alertRecipients.alertId, alert.id));
  return {
    distribution: alert.distribution,
    raisedByAgencyId: alert.raisedByAgencyId,
    recipientAgencyIds: rows.map((row) => row.agencyId),
  };
}

/** Agencies whose participation is accepted, optionally leaving one out. */
export async function acceptedAgencyIds(db: Db, operationId: string, except?: string): Promise<string[]> {
  const rows = await db
    .select({ agencyId: participations.agencyId })
    .from(participations)
    .where(
      and(
        eq(participations.operationId, operationId),
        eq(participations.status, 'ACCEPTED'),
        except ? ne(participations.agencyId, except) : undefined,
      ),
    )
    .orderBy(asc(participations.invitedAt));
  return rows.map((row) => row.agencyId);
}

export async function findRecipient(db: Db, alertId: string, agencyId: string): Promise<AlertRecipientRow | null> {
  const [row] = await db
    .select()
    .from(alertRecipients)
    .where(and(eq(alertRecipients.alertId, alertId), eq(alertRecipients.agencyId, agencyId)));
  return row ?? null;
}

export async function acknowledgeRecipient(tx: Db, alertId: string, agencyId: string, userId: string, at: Date): Promise<void> {
  await tx
    .update(alertRecipients)
    .set({ acknowledgedAt: at, acknowledgedBy: userId })
    .where(and(eq(alertRecipients.alertId, alertId), eq(alertRecipients.agencyId, agencyId)));
}

export type AlertCommentRow = typeof alertComments.$inferSelect;

export async function findCommentByIdempotencyKey(db: Db, alertId: string, authorId: string, key: string): Promise<AlertCommentRow | null> {
  const [row] = await db
    .select()
    .from(alertComments)
    .where(and(eq(alertComments.alertId, alertId), eq(alertComments.authorId, authorId), eq(alertComments.idempotencyKey, key)));
  return row ?? null;
}

export async function insertComment(tx: Db, comment: typeof alertComments.$inferInsert) {
  const [row] = await tx.insert(alertComments).values(comment).returning();
  return row!;
}
