import { and, asc, eq, gt, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AlertOutcome } from '@jointops/shared/domain';
import type { Db } from '../../db/client';
import { alertFeedback, alertRecipients, alerts } from '../../db/schema/alerts';
import type { Viewer } from '../../service-context';
import { type AlertRow, alertVisibleTo } from './alerts.repo';

export type AlertFeedbackRow = typeof alertFeedback.$inferSelect;

/** What a recipient agency says came of an alert, as it is recorded. */
export interface GivenFeedback {
  alertId: string;
  agencyId: string;
  outcome: AlertOutcome;
  note: string | null;
  givenBy: string;
  givenAt: Date;
  idempotencyKey: string | null;
}

/**
 * Records the agency's feedback: its current one, if any, is superseded at the same instant and
 * stays as history. The caller holds the operation's row lock, so two words from one agency
 * never race for "current" (the partial unique index would refuse the second anyway).
 */
export async function recordFeedback(tx: Db, given: GivenFeedback): Promise<{ feedback: AlertFeedbackRow; amended: boolean }> {
  const superseded = await tx
    .update(alertFeedback)
    .set({ supersededAt: given.givenAt })
    .where(and(eq(alertFeedback.alertId, given.alertId), eq(alertFeedback.agencyId, given.agencyId), isNull(alertFeedback.supersededAt)))
    .returning({ id: alertFeedback.id });
  const [feedback] = await tx.insert(alertFeedback).values(given).returning();
  return { feedback: feedback!, amended: superseded.length > 0 };
}

/** The feedback `givenBy` gave on the alert with this key, current or since superseded. */
export async function findFeedbackByIdempotencyKey(
  db: Db,
  alertId: string,
  givenBy: string,
  key: string,
): Promise<AlertFeedbackRow | null> {
  const [row] = await db
    .select()
    .from(alertFeedback)
    .where(and(eq(alertFeedback.alertId, alertId), eq(alertFeedback.givenBy, givenBy), eq(alertFeedback.idempotencyKey, key)));
  return row ?? null;
}

/** A current feedback of the alert with this outcome exists. */
const currentFeedbackSays = (outcome: AlertOutcome): SQL =>
  sql`exists (select 1 from ${alertFeedback} f where f.alert_id = ${alerts.id} and f.superseded_at is null and f.outcome = ${outcome})`;

/**
 * The alert's outcome, derived (the migration alert_feedback_per_recipient says the same in SQL):
 * SEIZED when a recipient reported a seizure or a seizure report linked to the alert has been
 * submitted (reconciliation; a later rejection questions the report's details, not the seizure);
 * otherwise the most informative current feedback — NOTHING_FOUND (a control was made and came
 * back clean) before NOT_CONTROLLED (nobody looked) — and PENDING without any. A recipient's
 * PENDING is no word at all.
 */
export const derivedOutcome: SQL = sql`case
  when ${currentFeedbackSays('SEIZED')}
    or exists (select 1 from seizure_alert_links l join seizures s on s.id = l.seizure_id where l.alert_id = ${alerts.id} and s.status <> 'DRAFT')
    then 'SEIZED'::alert_outcome
  when ${currentFeedbackSays('NOTHING_FOUND')} then 'NOTHING_FOUND'::alert_outcome
  when ${currentFeedbackSays('NOT_CONTROLLED')} then 'NOT_CONTROLLED'::alert_outcome
  else 'PENDING'::alert_outcome
end`;

/**
 * Stores the derived outcome on the alert (kept there so filters, results and lists read one
 * column) with the last word given, which the deprecated `outcomeNote` still shows.
 */
export async function refreshOutcome(
  tx: Db,
  alertId: string,
  lastWord: { outcomeNote: string | null; outcomeBy: string; outcomeAt: Date },
): Promise<AlertRow> {
  const [row] = await tx
    .update(alerts)
    .set({ outcome: derivedOutcome, ...lastWord })
    .where(eq(alerts.id, alertId))
    .returning();
  return row!;
}

/** Where a page of alerts awaiting feedback ends: when the alert was raised, then its id for the ties. */
export interface FeedbackPosition {
  raisedAt: Date;
  alertId: string;
}

/**
 * The alerts sent to the viewer's agency, acknowledged by it, on which it has no word yet, in
 * every operation the viewer may see, oldest first, after `after`; withdrawn ones are left out. TEST alerts are left out: the
 * readiness test checks the channel, there is nothing to find (as in the debriefing's list).
 */
export async function awaitingFeedbackPage(
  db: Db,
  viewer: Viewer,
  after: FeedbackPosition | null,
  limit: number,
  operationId?: string,
): Promise<AlertRow[]> {
  const rows = await db
    .select({ alert: alerts })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .where(
      and(
        eq(alertRecipients.agencyId, viewer.agencyId),
        isNotNull(alertRecipients.acknowledgedAt),
        ne(alerts.category, 'TEST'),
        // A withdrawn alert takes no feedback any more.
        isNull(alerts.withdrawnAt),
        sql`not exists (select 1 from ${alertFeedback} f where f.alert_id = ${alerts.id} and f.agency_id = ${viewer.agencyId}
          and f.superseded_at is null and f.outcome <> 'PENDING')`,
        alertVisibleTo(viewer),
        operationId ? eq(alerts.operationId, operationId) : undefined,
        after ? or(gt(alerts.raisedAt, after.raisedAt), and(eq(alerts.raisedAt, after.raisedAt), gt(alerts.id, after.alertId))) : undefined,
      ),
    )
    .orderBy(asc(alerts.raisedAt), asc(alerts.id))
    .limit(limit);
  return rows.map((row) => row.alert);
}
