import { asc, gt, sql } from 'drizzle-orm';
import { auditEntries } from '@jointops/server/db/schema/audit';
import type { TestApp } from '../testkit/app';

export type AuditRow = typeof auditEntries.$inferSelect;

/** Runs `call` and answers what it returned with the audit rows written meanwhile, oldest first. */
export async function withAuditRows<T>(testApp: TestApp, call: () => Promise<T>): Promise<{ value: T; audit: AuditRow[] }> {
  const { db } = testApp.database;
  const [last] = await db.select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)::int` }).from(auditEntries);
  const value = await call();
  const audit = await db.select().from(auditEntries).where(gt(auditEntries.id, last!.id)).orderBy(asc(auditEntries.id));
  return { value, audit };
}
