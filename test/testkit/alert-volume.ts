import { eq, sql } from 'drizzle-orm';
import { contentDigest } from '@jointops/server/content-digest';
import { alertRecipients, alerts, operationCounters } from '@jointops/server/db/schema/alerts';
import { operations } from '@jointops/server/db/schema/operations';
import { uuidFromGlobalId } from '@jointops/server/global-id';
import { acceptedAgencyIds } from '@jointops/server/modules/alerts/alerts.repo';
import { alertReference } from '@jointops/shared/alerts';
import { ALERT_SEVERITIES } from '@jointops/shared/domain';
import type { TestApp } from './app';
import type { Actor, OperationDriver } from './operations';

// Volume for the room's scale tests: thousands of alerts in one operation in a few seconds. Raising
// them through the API one by one would take minutes (each raise locks the operation); these are
// written in batches, as raiseAlert writes them: the next numbers and references of the operation,
// a recipient row per accepted agency but the raiser's with the deadline of the alert's severity,
// a content hash and an idempotency key. The events and audit rows of each raise are left out:
// the room reads alerts and recipients, and a story that needs events raises through the API.

const BATCH = 1_000;

export interface AlertVolume {
  /** The title of the alert with this number (1 is the oldest). */
  titleOf(number: number): string;
}

/** `count` alerts raised by `by` to every participant, one second apart, the last a second before the clock's now. */
export async function raiseAlertVolume(testApp: TestApp, operation: OperationDriver, by: Actor, count: number): Promise<AlertVolume> {
  const titleOf = (number: number) => `Container MSCU${String(number).padStart(7, '0')} declared as fertiliser`;
  const operationId = uuidFromGlobalId(operation.id, 'Operation');
  if (!operationId) throw new Error(`not an operation id: ${operation.id}`);
  await testApp.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(operations).where(eq(operations.id, operationId)).for('update');
    if (!row) throw new Error(`no operation ${operation.id}`);
    const recipients = await acceptedAgencyIds(tx, operationId, by.agency.id);
    const [counter] = await tx
      .insert(operationCounters)
      .values({ operationId, lastAlertNumber: count })
      .onConflictDoUpdate({
        target: operationCounters.operationId,
        set: { lastAlertNumber: sql`${operationCounters.lastAlertNumber} + ${count}` },
      })
      .returning();
    const first = counter!.lastAlertNumber - count + 1;
    const now = testApp.clock.now().getTime();
    for (let start = 0; start < count; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => {
        const number = first + start + offset;
        const severity = ALERT_SEVERITIES[number % ALERT_SEVERITIES.length]!;
        const raisedAt = new Date(now - (count - start - offset) * 1_000);
        const content = {
          category: 'INTELLIGENCE',
          severity,
          title: titleOf(number),
          marking: 'GREEN',
          distribution: 'ALL_PARTICIPANTS',
        } as const;
        return {
          alert: {
            ...content,
            operationId,
            number,
            reference: alertReference(row.code, number),
            idempotencyKey: `volume-${number}`,
            contentHash: contentDigest({ ...content, commodityIds: [], recipientAgencyIds: [] }),
            raisedBy: by.id,
            raisedByAgencyId: by.agency.id,
            raisedAt,
          },
          dueAt: new Date(raisedAt.getTime() + row.acknowledgementMinutes[severity] * 60_000),
        };
      });
      const inserted = await tx
        .insert(alerts)
        .values(batch.map(({ alert }) => alert))
        .returning({ id: alerts.id });
      const rows = inserted.flatMap(({ id }, index) =>
        recipients.map((agencyId) => ({ alertId: id, agencyId, dueAt: batch[index]!.dueAt })),
      );
      if (rows.length) await tx.insert(alertRecipients).values(rows);
    }
  });
  return { titleOf };
}
