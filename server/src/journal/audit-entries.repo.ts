import { insertBatches } from '../db/batches';
import type { Db } from '../db/client';
import { auditEntries } from '../db/schema/audit';

export type NewAuditEntry = typeof auditEntries.$inferInsert;

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditEntries).values(entry);
}

/** Many audit rows at once (a background job's batch), in multi-row inserts. */
export async function insertAuditEntries(db: Db, entries: readonly NewAuditEntry[]): Promise<void> {
  for (const batch of insertBatches(auditEntries, entries)) await db.insert(auditEntries).values(batch);
}
