import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alertRecipients, alerts } from '../../db/schema/alerts';
import { seizures } from '../../db/schema/seizures';

// The facts the phase gates weigh that other modules' tables hold. Operations reads them here
// itself, so that the modules built on operations (alerts, seizures) need not be imported by it.

/**
 * When an agency first acknowledged a TEST alert of the operation since it last accepted to take
 * part: the readiness test of the pre-operational phase. A test acknowledged before the agency
 * withdrew and came back does not count, so a returning agency proves its channel again. Null
 * while it has not. `>=`, not `>`: a test raised and acknowledged in the very millisecond of the
 * acceptance counts, while an old acknowledgement can only tie with a later acceptance if the
 * withdrawal and new invitation between them took no time at all.
 */
export const readinessAcknowledgedAt = (operationId: SQL, agencyId: SQL, acceptedAt: SQL): SQL<Date | null> =>
  sql<Date | null>`(select min(r.acknowledged_at) from ${alertRecipients} r
    join ${alerts} a on a.id = r.alert_id
    where a.operation_id = ${operationId} and a.category = 'TEST'
      and r.agency_id = ${agencyId} and r.acknowledged_at >= ${acceptedAt})`;

/** Reports still in draft or awaiting verification: what stops an operation from closing. */
export async function countUnsettledSeizures(db: Db, operationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(seizures)
    .where(and(eq(seizures.operationId, operationId), inArray(seizures.status, ['DRAFT', 'SUBMITTED'])));
  return row?.n ?? 0;
}
