import { AUDIT_OUTCOMES } from '@jointops/shared/domain';
import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditOutcome = pgEnum('audit_outcome', AUDIT_OUTCOMES);

/**
 * Every mutation attempt, successful or refused. Append-only: a trigger (see the migration
 * "audit_append_only") refuses UPDATE, DELETE and TRUNCATE whoever asks.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorAgencyId: uuid('actor_agency_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    operationId: uuid('operation_id'),
    outcome: auditOutcome('outcome').notNull(),
    reason: text('reason'),
    /** The server's own id of the request: never taken from the client. */
    requestId: text('request_id'),
    /** The id the client gave its request (X-Request-Id), if it looked like one. */
    clientRequestId: text('client_request_id'),
    sourceAddress: text('source_address'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_entries_operation_idx').on(t.operationId, t.id), index('audit_entries_actor_idx').on(t.actorUserId, t.id)],
);
