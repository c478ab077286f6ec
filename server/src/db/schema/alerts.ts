import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ALERT_CATEGORIES, ALERT_OUTCOMES, ALERT_SEVERITIES, DISTRIBUTION_KINDS, MARKINGS } from '@jointops/shared/domain';
import { agencies, users } from './accounts';
import { commodities } from './catalogue';
import { operations } from './operations';

export const alertSeverity = pgEnum('alert_severity', ALERT_SEVERITIES);
export const alertCategory = pgEnum('alert_category', ALERT_CATEGORIES);
export const marking = pgEnum('marking', MARKINGS);
export const distributionKind = pgEnum('distribution_kind', DISTRIBUTION_KINDS);
export const alertOutcome = pgEnum('alert_outcome', ALERT_OUTCOMES);

/**
 * Per-operation numbering of what needs a reference without gaps. Taken while the operation's
 * row is locked, so numbers are handed out one writer at a time and a rolled-back write gives
 * its number back.
 */
export const operationCounters = pgTable('operation_counters', {
  operationId: uuid('operation_id')
    .primaryKey()
    .references(() => operations.id),
  lastAlertNumber: integer('last_alert_number').notNull().default(0),
  lastSeizureNumber: integer('last_seizure_number').notNull().default(0),
});

export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    number: integer('number').notNull(),
    reference: text('reference').notNull(),
    /** A retry with the same key (same user and operation) returns this alert. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** What the first request carried, so that a retry with other content is told apart. */
    contentHash: text('content_hash').notNull(),
    category: alertCategory('category').notNull(),
    severity: alertSeverity('severity').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    language: text('language'),
    subject: jsonb('subject').$type<Record<string, unknown> | null>(),
    marking: marking('marking').notNull(),
    distribution: distributionKind('distribution').notNull(),
    outcome: alertOutcome('outcome').notNull().default('PENDING'),
    outcomeNote: text('outcome_note'),
    outcomeBy: uuid('outcome_by').references(() => users.id),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    raisedByAgencyId: uuid('raised_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    /** 1 as raised; each amendment adds one (the earlier ones are in alert_versions). */
    version: integer('version').notNull().default(1),
    /** Who made the current version, when it is an amendment. */
    amendedBy: uuid('amended_by').references(() => users.id),
    amendedAt: timestamp('amended_at', { withTimezone: true }),
    /** When a graver amendment last asked every recipient to acknowledge again: its deadlines count from then. */
    severityRaisedAt: timestamp('severity_raised_at', { withTimezone: true }),
    /** A withdrawn alert stays readable, but nothing more is asked of its recipients. */
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
  },
  (t) => [
    uniqueIndex('alerts_operation_number_key').on(t.operationId, t.number),
    uniqueIndex('alerts_operation_user_idempotency_key').on(t.operationId, t.raisedBy, t.idempotencyKey),
  ],
);

/** One row per agency an alert is delivered to: its deadline and its acknowledgement. */
export const alertRecipients = pgTable(
  'alert_recipients',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    /** When the escalation of this missed deadline was recorded: set once, so it fires once. */
    overdueEscalatedAt: timestamp('overdue_escalated_at', { withTimezone: true }),
    /** When the second level (to the coordinators) was recorded: set once, so it fires once. */
    coordinatorEscalatedAt: timestamp('coordinator_escalated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.agencyId] }),
    index('alert_recipients_agency_idx').on(t.agencyId),
    // The escalator's question: which deadlines have passed unanswered and unescalated?
    index('alert_recipients_due_idx').on(t.dueAt).where(sql`${t.acknowledgedAt} is null and ${t.overdueEscalatedAt} is null`),
    // The second level's question: which escalated deadlines are still unanswered and not yet taken to the coordinators?
    index('alert_recipients_coordinator_due_idx')
      .on(t.dueAt)
      .where(sql`${t.acknowledgedAt} is null and ${t.overdueEscalatedAt} is not null and ${t.coordinatorEscalatedAt} is null`),
  ],
);

export const alertCommodities = pgTable(
  'alert_commodities',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    commodityId: uuid('commodity_id')
      .notNull()
      .references(() => commodities.id),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.commodityId] })],
);

export const alertComments = pgTable(
  'alert_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** A retry with the same key (same author and alert) returns the alert without a second comment. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('alert_comments_alert_idx').on(t.alertId),
    uniqueIndex('alert_comments_alert_author_idempotency_key').on(t.alertId, t.authorId, t.idempotencyKey),
  ],
);

/**
 * What each recipient agency says came of an alert (CENcomm's feedback messages). Never updated
 * but to close it: a new word from the same agency supersedes the current one, which stays
 * readable as history. At most one current row per (alert, agency).
 */
export const alertFeedback = pgTable(
  'alert_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    outcome: alertOutcome('outcome').notNull(),
    note: text('note'),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    /** When the agency's next feedback replaced this one; null while it is the current one. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** A retry with the same key (same user and alert) returns the alert without a second version. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    // Feedback is a recipient's: it cannot outlive or precede the alert's delivery to the agency.
    foreignKey({
      name: 'alert_feedback_recipient_fkey',
      columns: [t.alertId, t.agencyId],
      foreignColumns: [alertRecipients.alertId, alertRecipients.agencyId],
    }),
    uniqueIndex('alert_feedback_current_key').on(t.alertId, t.agencyId).where(sql`${t.supersededAt} is null`),
    index('alert_feedback_agency_idx').on(t.agencyId, t.alertId),
    uniqueIndex('alert_feedback_alert_user_idempotency_key').on(t.alertId, t.givenBy, t.idempotencyKey),
  ],
);
