import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AcknowledgementMinutes } from '@jointops/shared/alerts';
import { MEMBER_ROLES, PARTICIPATION_ROLES, PARTICIPATION_STATUSES, PHASES, PROGRAMMES } from '@jointops/shared/domain';
import { agencies, users } from './accounts';
import { commodities } from './catalogue';
import { catalogueVersion } from './catalogue-versions';

export const phase = pgEnum('phase', PHASES);
export const programme = pgEnum('programme', PROGRAMMES);
export const participationRole = pgEnum('participation_role', PARTICIPATION_ROLES);
export const participationStatus = pgEnum('participation_status', PARTICIPATION_STATUSES);
export const memberRole = pgEnum('member_role', MEMBER_ROLES);

export const operations = pgTable(
  'operations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    programme: programme('programme').notNull(),
    objectives: text('objectives'),
    region: text('region'),
    referenceTimeZone: text('reference_time_zone').notNull(),
    exercise: boolean('exercise').notNull().default(false),
    catalogueVersion: catalogueVersion('catalogue_version').notNull(),
    phase: phase('phase').notNull().default('PLANNING'),
    /**
     * Minutes a recipient agency has to acknowledge an alert, by severity. A change applies to
     * alerts raised after it: a deadline already given to a recipient stands.
     */
    acknowledgementMinutes: jsonb('acknowledgement_minutes').$type<AcknowledgementMinutes>().notNull(),
    /**
     * The second escalation level: a recipient still silent at this many times its deadline
     * (counted from the alert being raised) is escalated to the coordinators; null = off. Read
     * by each escalation run, so a change applies to every recipient not escalated that far yet.
     */
    coordinatorEscalationFactor: integer('coordinator_escalation_factor').default(2),
    finalReport: text('final_report'),
    finalReportRecordedAt: timestamp('final_report_recorded_at', { withTimezone: true }),
    /**
     * The sequence number of the operation's latest event. Writers bump it under the row lock, so
     * sequence numbers are handed out in commit order and a reader never skips a late commit.
     */
    lastEventSeq: bigint('last_event_seq', { mode: 'number' }).notNull().default(0),
    /**
     * Events up to this sequence number have passed the retention period and are deleted (or
     * about to be, in the same transaction). The log's trigger allows deleting no other event,
     * and a stream asked to resume from before it is told to resync instead of skipping.
     */
    eventsPrunedThroughSeq: bigint('events_pruned_through_seq', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('operations_code_key').on(t.code), index('operations_phase_idx').on(t.phase)],
);

/** Planned and actual dates of each phase. */
export const operationPhases = pgTable(
  'operation_phases',
  {
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    phase: phase('phase').notNull(),
    plannedStartsAt: timestamp('planned_starts_at', { withTimezone: true }),
    plannedEndsAt: timestamp('planned_ends_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.phase] })],
);

export const operationTargets = pgTable(
  'operation_targets',
  {
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    commodityId: uuid('commodity_id')
      .notNull()
      .references(() => commodities.id),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.commodityId] })],
);

export const participations = pgTable(
  'participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: participationRole('role').notNull(),
    status: participationStatus('status').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('participations_operation_agency_key').on(t.operationId, t.agencyId),
    index('participations_agency_idx').on(t.agencyId),
  ],
);

export const operationMembers = pgTable(
  'operation_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: memberRole('role').notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('operation_members_operation_user_key').on(t.operationId, t.userId),
    index('operation_members_user_idx').on(t.userId),
  ],
);

/**
 * The operation's ordered log: the source of the timeline, live updates and replay. `seq` is
 * per operation and gap-free in commit order (see operations.lastEventSeq).
 */
export const operationEvents = pgTable(
  'operation_events',
  {
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** Agencies that may see it; null = every member of the operation. */
    audienceAgencyIds: uuid('audience_agency_ids').array(),
    /** The ids it concerns and the facts it records (phase from/to, override text, …). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.operationId, t.seq] }),
    // Retention's question: which operations have events older than the cutoff?
    index('operation_events_occurred_at_idx').on(t.occurredAt),
  ],
);
