import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alertRecipients, alerts } from '../../db/schema/alerts';
import { operationMembers, operations, participations } from '../../db/schema/operations';

// A closed or cancelled operation is a record: nothing more happens in it.
const OPEN_PHASES = ['PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL'] as const;

/**
 * The second level's deadline: the recipient's own deadline stretched by the operation's factor,
 * counted from the alert being raised, or from the amendment that last made it graver (twice the
 * deadline by default). Null when the operation has the second level off, and then no row is ever due.
 */
const deadlineStart = sql`coalesce(${alerts.severityRaisedAt}, ${alerts.raisedAt})`;
const coordinatorDueAt = sql<Date>`${deadlineStart} + ${operations.coordinatorEscalationFactor} * (${alertRecipients.dueAt} - ${deadlineStart})`;

/** What sets the two levels apart: when a recipient falls due at it, and what must have happened before. */
interface EscalationLevel {
  dueAt: SQL<Date>;
  pending: SQL[];
}

const FIRST_LEVEL: EscalationLevel = {
  dueAt: sql<Date>`${alertRecipients.dueAt}`,
  pending: [isNull(alertRecipients.overdueEscalatedAt)],
};

// Escalated at the first level already, so that level's event always comes first.
const COORDINATOR_LEVEL: EscalationLevel = {
  dueAt: coordinatorDueAt,
  pending: [
    isNotNull(alertRecipients.overdueEscalatedAt),
    isNull(alertRecipients.coordinatorEscalatedAt),
    isNotNull(operations.coordinatorEscalationFactor),
  ],
};

/**
 * Up to `limit` recipients still silent at the level's deadline and not yet escalated at it,
 * oldest deadline first, claimed with FOR UPDATE SKIP LOCKED: another escalator skips them.
 */
function claimDue(db: Db, level: EscalationLevel, now: Date, limit: number) {
  return db
    .select({
      alertId: alertRecipients.alertId,
      agencyId: alertRecipients.agencyId,
      operationId: alerts.operationId,
      reference: alerts.reference,
      distribution: alerts.distribution,
      raisedByAgencyId: alerts.raisedByAgencyId,
      dueAt: level.dueAt.mapWith(alertRecipients.dueAt),
    })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .innerJoin(operations, eq(operations.id, alerts.operationId))
    .where(
      and(
        isNull(alertRecipients.acknowledgedAt),
        ...level.pending,
        sql`${level.dueAt} <= ${now.toISOString()}::timestamptz`,
        // A withdrawn alert is no longer owed an acknowledgement.
        isNull(alerts.withdrawnAt),
        inArray(operations.phase, OPEN_PHASES),
      ),
    )
    .orderBy(asc(level.dueAt))
    .limit(limit)
    .for('update', { of: alertRecipients, skipLocked: true });
}

/** Recipients whose acknowledgement deadline passed, not yet escalated to the originator and coordinators. */
export const claimOverdueRecipients = (db: Db, now: Date, limit: number) => claimDue(db, FIRST_LEVEL, now, limit);

export type OverdueRecipient = Awaited<ReturnType<typeof claimOverdueRecipients>>[number];

/** Recipients still silent at the second level's deadline, not yet escalated to the coordinators. */
export const claimCoordinatorEscalations = (db: Db, now: Date, limit: number) => claimDue(db, COORDINATOR_LEVEL, now, limit);

/** Marks the second level done for these recipients. */
export async function markEscalatedToCoordinators(db: Db, recipients: readonly RecipientKey[], at: Date): Promise<void> {
  if (recipients.length) await db.update(alertRecipients).set({ coordinatorEscalatedAt: at }).where(theseRecipients(recipients));
}

/** The agencies coordinating the operation that have a coordinator in it now: whom the second level is for. */
export async function coordinatingAgencies(db: Db, operationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ agencyId: participations.agencyId })
    .from(participations)
    .innerJoin(
      operationMembers,
      and(
        eq(operationMembers.operationId, participations.operationId),
        eq(operationMembers.agencyId, participations.agencyId),
        eq(operationMembers.role, 'COORDINATOR'),
        isNull(operationMembers.removedAt),
      ),
    )
    .where(
      and(eq(participations.operationId, operationId), eq(participations.role, 'COORDINATING'), eq(participations.status, 'ACCEPTED')),
    );
  return rows.map((row) => row.agencyId);
}

export async function recipientAgencies(db: Db, alertId: string): Promise<string[]> {
  const rows = await db.select({ agencyId: alertRecipients.agencyId }).from(alertRecipients).where(eq(alertRecipients.alertId, alertId));
  return rows.map((row) => row.agencyId);
}

/** A recipient's acknowledgement deadline: what an overdue event written before events carried it stands for. */
export async function recipientDueAt(db: Db, recipient: { alertId: string; agencyId: string }): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: alertRecipients.dueAt })
    .from(alertRecipients)
    .where(and(eq(alertRecipients.alertId, recipient.alertId), eq(alertRecipients.agencyId, recipient.agencyId)));
  return row?.dueAt ?? null;
}

type RecipientKey = Pick<OverdueRecipient, 'alertId' | 'agencyId'>;

const theseRecipients = (recipients: readonly RecipientKey[]): SQL =>
  or(
    ...recipients.map((recipient) => and(eq(alertRecipients.alertId, recipient.alertId), eq(alertRecipients.agencyId, recipient.agencyId))),
  ) as SQL;

/** Marks the first level done for these recipients (one statement for the run's batch). */
export async function markEscalated(db: Db, recipients: readonly RecipientKey[], at: Date): Promise<void> {
  if (recipients.length) await db.update(alertRecipients).set({ overdueEscalatedAt: at }).where(theseRecipients(recipients));
}

/** The originator's agency and the coordinators' agencies — of those, only the ones that may see the alert. */
export async function overdueAudience(
  tx: Db,
  alert: { operationId: string; alertId: string; distribution: 'ALL_PARTICIPANTS' | 'RESTRICTED'; raisedByAgencyId: string },
): Promise<string[]> {
  const coordinating = await tx
    .selectDistinct({ agencyId: operationMembers.agencyId })
    .from(operationMembers)
    .where(
      and(
        eq(operationMembers.operationId, alert.operationId),
        eq(operationMembers.role, 'COORDINATOR'),
        isNull(operationMembers.removedAt),
      ),
    );
  let agencies = coordinating.map((row) => row.agencyId);
  if (alert.distribution === 'RESTRICTED') {
    const named = await tx
      .select({ agencyId: alertRecipients.agencyId })
      .from(alertRecipients)
      .where(
        and(
          eq(alertRecipients.alertId, alert.alertId),
          inArray(alertRecipients.agencyId, agencies.length ? agencies : [alert.raisedByAgencyId]),
        ),
      );
    agencies = named.map((row) => row.agencyId);
  }
  return [...new Set([alert.raisedByAgencyId, ...agencies])];
}
