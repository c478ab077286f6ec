import { randomBytes } from 'node:crypto';
import type pg from 'pg';

// The writes bench's baseline: what raiseAlert stores, as one hand-written transaction through
// `pg` — the operation locked (numbering and idempotency rely on it), the raiser's membership and
// the accepted agencies read, the idempotency key checked, the alert numbered and inserted with
// its recipients, the operation's event appended under its sequence, and the audit entry.

export interface Raiser {
  operationId: string;
  userId: string;
  agencyId: string;
}

export async function raiseDirectly(pool: pg.Pool, raiser: Raiser, title: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const operation = await client.query('select code, phase, acknowledgement_minutes from operations where id = $1 for update', [
      raiser.operationId,
    ]);
    const member = await client.query(
      'select role from operation_members where operation_id = $1 and user_id = $2 and removed_at is null',
      [raiser.operationId, raiser.userId],
    );
    if (!operation.rows[0] || !member.rows[0]) throw new Error('the raiser is not a member of the operation');
    const recipients = await client.query(
      `select agency_id from participations where operation_id = $1 and status = 'ACCEPTED' and agency_id <> $2`,
      [raiser.operationId, raiser.agencyId],
    );
    const key = `direct-${randomBytes(6).toString('hex')}`;
    await client.query('select id from alerts where operation_id = $1 and raised_by = $2 and idempotency_key = $3', [
      raiser.operationId,
      raiser.userId,
      key,
    ]);
    const counter = await client.query(
      `insert into operation_counters (operation_id, last_alert_number) values ($1, 1)
       on conflict (operation_id) do update set last_alert_number = operation_counters.last_alert_number + 1 returning last_alert_number`,
      [raiser.operationId],
    );
    const number = counter.rows[0].last_alert_number as number;
    const alert = await client.query(
      `insert into alerts (operation_id, number, reference, idempotency_key, content_hash, category, severity, title, marking,
         distribution, raised_by, raised_by_agency_id, raised_at)
       values ($1, $2, $3, $4, 'direct', 'INTELLIGENCE', 'HIGH', $5, 'AMBER', 'ALL_PARTICIPANTS', $6, $7, now()) returning id`,
      [raiser.operationId, number, `${operation.rows[0].code}/D-${number}`, key, title, raiser.userId, raiser.agencyId],
    );
    const alertId = alert.rows[0].id as string;
    await client.query(
      `insert into alert_recipients (alert_id, agency_id, due_at) select $1, unnest($2::uuid[]), now() + interval '30 minutes'`,
      [alertId, recipients.rows.map((row) => row.agency_id)],
    );
    const sequence = await client.query(
      'update operations set last_event_seq = last_event_seq + 1 where id = $1 returning last_event_seq',
      [raiser.operationId],
    );
    await client.query(
      `insert into operation_events (operation_id, seq, type, occurred_at, actor_user_id, audience_agency_ids, data)
       values ($1, $2, 'ALERT_RAISED', now(), $3, null, $4)`,
      [raiser.operationId, sequence.rows[0].last_event_seq, raiser.userId, { alertId }],
    );
    await client.query(
      `insert into audit_entries (occurred_at, actor_user_id, actor_agency_id, action, target_type, target_id, operation_id, outcome, details)
       values (now(), $1, $2, 'raiseAlert', 'Alert', $3, $4, 'SUCCEEDED', $5)`,
      [raiser.userId, raiser.agencyId, alertId, raiser.operationId, { reference: `${operation.rows[0].code}/D-${number}` }],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}
