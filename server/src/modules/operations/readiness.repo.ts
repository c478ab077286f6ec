import { sql, type SQL } from 'drizzle-orm';
import { alertRecipients, alerts } from '../../db/schema/alerts';

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
