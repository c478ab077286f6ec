import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEntries } from '../../db/schema/audit';

export type NewAuditEntry = typeof auditEntries.$inferInsert;

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditEntries).values(entry);
}

export type AuditEntryRow = typeof auditEntries.$inferSelect;

/** An operation's audit entries, newest first, before the entry id `before` when given. */
export async function readOperationAudit(db: Db, operationId: string, before: number | null, limit: number): Promise<AuditEntryRow[]> {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.operationId, operationId), before === null ? undefined : lt(auditEntries.id, before)))
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
