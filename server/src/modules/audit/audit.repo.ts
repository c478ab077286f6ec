import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alerts } from '../../db/schema/alerts';
import { auditEntries } from '../../db/schema/audit';
import type { Viewer } from '../../service-context';
import { alertVisibleTo } from '../alerts/alerts.repo';

export type NewAuditEntry = typeof auditEntries.$inferInsert;

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditEntries).values(entry);
}

export type AuditEntryRow = typeof auditEntries.$inferSelect;

/**
 * An operation's audit entries the viewer may see, newest first, before the entry id `before` when
 * given. Entries about an alert follow the alert's need-to-know: a RESTRICTED alert's trail is not
 * shown to the agencies it does not exist for, coordinators included.
 */
export async function readOperationAudit(db: Db, viewer: Viewer, operationId: string, before: number | null, limit: number): Promise<AuditEntryRow[]> {
  const alertVisible = sql`(${auditEntries.targetType} is distinct from 'Alert' or ${auditEntries.targetId} is null
    or exists (select 1 from ${alerts} where ${alerts.id}::text = ${auditEntries.targetId} and ${alertVisibleTo(viewer)}))`;
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.operationId, operationId), alertVisible, before === null ? undefined : lt(auditEntries.id, before)))
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
