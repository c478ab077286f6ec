import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alerts } from '../../db/schema/alerts';
import { auditEntries } from '../../db/schema/audit';
import { seizures } from '../../db/schema/seizures';
import type { Viewer } from '../../service-context';
import { alertVisibleTo } from '../alerts/alerts.repo';

export type AuditEntryRow = typeof auditEntries.$inferSelect;

/**
 * An operation's audit entries the viewer may see, newest first, before the entry id `before` when
 * given. Entries about an alert follow the alert's need-to-know: a RESTRICTED alert's trail is not
 * shown to the agencies it does not exist for, coordinators included. Entries about a seizure
 * follow the seizure's: a DRAFT is its agency's own work, and its trail (who drafts it, who
 * corrects it) is for that agency alone until it is submitted.
 */
export async function readOperationAudit(
  db: Db,
  viewer: Viewer,
  operationId: string,
  before: number | null,
  limit: number,
): Promise<AuditEntryRow[]> {
  const alertVisible = sql`(${auditEntries.targetType} is distinct from 'Alert' or ${auditEntries.targetId} is null
    or exists (select 1 from ${alerts} where ${alerts.id}::text = ${auditEntries.targetId} and ${alertVisibleTo(viewer)}))`;
  const seizureVisible = sql`(${auditEntries.targetType} is distinct from 'Seizure' or ${auditEntries.targetId} is null
    or not exists (select 1 from ${seizures} where ${seizures.id}::text = ${auditEntries.targetId}
      and ${seizures.status} = 'DRAFT' and ${seizures.reportingAgencyId} <> ${viewer.agencyId}))`;
  return db
    .select()
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.operationId, operationId),
        alertVisible,
        seizureVisible,
        before === null ? undefined : lt(auditEntries.id, before),
      ),
    )
    .orderBy(desc(auditEntries.id))
    .limit(limit);
}

/** Account-level entries (sign-ins, accounts, agencies: nothing of any operation), newest first. */
export async function readAccountAudit(db: Db, before: number | null, limit: number): Promise<AuditEntryRow[]> {
  return db
    .select()
    .from(auditEntries)
    .where(and(isNull(auditEntries.operationId), before === null ? undefined : lt(auditEntries.id, before)))
    .orderBy(desc(auditEntries.id))
    .limit(limit);
}
