import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  boolean,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DETECTION_METHODS, LOCATION_TYPES, SEIZURE_STATUSES, TRANSPORT_MODES } from '@jointops/shared/domain';
import type { InterpolNoticeType } from '@jointops/shared/seizures';
import { agencies, users } from './accounts';
import { alerts } from './alerts';
import { commodities, quantityUnit } from './catalogue';
import { operations } from './operations';

export const seizureStatus = pgEnum('seizure_status', SEIZURE_STATUSES);
export const locationType = pgEnum('location_type', LOCATION_TYPES);
export const detectionMethod = pgEnum('detection_method', DETECTION_METHODS);
export const transportMode = pgEnum('transport_mode', TRANSPORT_MODES);

/** The CENcomm "seizure" message: what one agency seized, where, how it was found. */
export const seizures = pgTable(
  'seizures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    number: integer('number').notNull(),
    reference: text('reference').notNull(),
    /** A retry with the same key (same user and operation) returns this report. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** What the first request carried, so that a retry with other content is told apart. */
    contentHash: text('content_hash').notNull(),
    status: seizureStatus('status').notNull(),
    reportingAgencyId: uuid('reporting_agency_id')
      .notNull()
      .references(() => agencies.id),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    seizedAt: timestamp('seized_at', { withTimezone: true }).notNull(),
    countryCode: text('country_code').notNull(),
    place: text('place').notNull(),
    locationType: locationType('location_type').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** A catalogue item, or null for an other commodity, which the description then names. */
    commodityId: uuid('commodity_id').references(() => commodities.id),
    commodityDescription: text('commodity_description'),
    quantity: doublePrecision('quantity').notNull(),
    unit: quantityUnit('unit').notNull(),
    detectionMethod: detectionMethod('detection_method').notNull(),
    concealment: text('concealment'),
    transportMode: transportMode('transport_mode').notNull(),
    conveyance: text('conveyance'),
    originCountryCode: text('origin_country_code'),
    transitCountryCodes: text('transit_country_codes').array().notNull().default(sql`'{}'::text[]`),
    destinationCountryCode: text('destination_country_code'),
    /** The total; with a breakdown by nationality, its sum (the rest of the arrests have no nationality stated). */
    arrests: integer('arrests').notNull().default(0),
    /** Counts only, no names: personal data stays out of this system. */
    arrestsByNationality: jsonb('arrests_by_nationality')
      .$type<{ nationality: string; count: number }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /**
     * Outside the operation's targets when reported (or last corrected): stored, so that targets
     * changed later do not move past results.
     */
    bonus: boolean('bonus').notNull().default(false),
    /** The INTERPOL follow-up: when the National Central Bureau was notified, and which one. */
    interpolNotifiedAt: timestamp('interpol_notified_at', { withTimezone: true }),
    interpolNcbAgencyId: uuid('interpol_ncb_agency_id').references(() => agencies.id),
    interpolNotices: jsonb('interpol_notices')
      .$type<{ type: InterpolNoticeType; reference: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    rejectedBy: uuid('rejected_by').references(() => users.id),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    uniqueIndex('seizures_operation_number_key').on(t.operationId, t.number),
    uniqueIndex('seizures_operation_user_idempotency_key').on(t.operationId, t.reportedBy, t.idempotencyKey),
    // The results read an operation's seizures of the counted statuses and only these columns:
    // holding them all in the index lets a million reports be summed by an index-only scan,
    // without touching the table's wide rows (drizzle has no INCLUDE, so they are key columns).
    index('seizures_results_idx').on(
      t.operationId,
      t.status,
      t.countryCode,
      t.commodityId,
      t.unit,
      t.detectionMethod,
      t.transportMode,
      t.bonus,
      t.quantity,
      t.arrests,
      t.seizedAt,
      t.interpolNotifiedAt,
    ),
    check('seizures_quantity_positive', sql`${t.quantity} > 0`),
    check('seizures_arrests_not_negative', sql`${t.arrests} >= 0`),
    check('seizures_interpol_notified', sql`${t.interpolNcbAgencyId} is null or ${t.interpolNotifiedAt} is not null`),
    check('seizures_commodity_named', sql`${t.commodityId} is not null or ${t.commodityDescription} is not null`),
    check('seizures_rejection_has_reason', sql`${t.status} <> 'REJECTED' or ${t.rejectionReason} is not null`),
  ],
);

/** The alerts a seizure answers; reconciliation sets their outcome from it. */
export const seizureAlertLinks = pgTable(
  'seizure_alert_links',
  {
    seizureId: uuid('seizure_id')
      .notNull()
      .references(() => seizures.id),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
  },
  (t) => [primaryKey({ columns: [t.seizureId, t.alertId] }), index('seizure_alert_links_alert_idx').on(t.alertId)],
);
