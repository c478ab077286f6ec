import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHECKED_DATABASES } from '@jointops/shared/domain';
import { agencies, users } from './accounts';
import { commodities, quantityUnit } from './catalogue';
import { operations } from './operations';

export const checkedDatabase = pgEnum('checked_database', CHECKED_DATABASES);

// The register of checks: one row is one agency's figure for one day (in the operation's reference
// time zone) and one commodity or database. Recording again replaces the figure, so the unique
// keys below are what makes a retry harmless and a correction possible. Counts only: no column
// may ever hold personal data.

/** Whose figure, for which day: the columns both registers key their figures by. */
const figure = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  operationId: uuid('operation_id')
    .notNull()
    .references(() => operations.id),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  /** The reporting agency's country when recorded: results are per country. */
  countryCode: text('country_code').notNull(),
  checkedOn: date('checked_on', { mode: 'string' }).notNull(),
});

const recorded = () => ({
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

export const licitShipmentChecks = pgTable(
  'licit_shipment_checks',
  {
    ...figure(),
    commodityId: uuid('commodity_id')
      .notNull()
      .references(() => commodities.id),
    shipments: integer('shipments').notNull(),
    // Exact decimals: totals add grams, kilograms and tonnes without binary rounding.
    quantity: numeric('quantity', { mode: 'number' }),
    unit: quantityUnit('unit'),
    ...recorded(),
  },
  (t) => [
    uniqueIndex('licit_shipment_checks_figure_key').on(t.operationId, t.agencyId, t.checkedOn, t.commodityId),
    index('licit_shipment_checks_operation_idx').on(t.operationId, t.countryCode),
    check(
      'licit_shipment_checks_counts',
      sql`${t.shipments} >= 0 and (${t.quantity} is null) = (${t.unit} is null) and coalesce(${t.quantity}, 0) >= 0`,
    ),
  ],
);

export const databaseChecks = pgTable(
  'database_checks',
  {
    ...figure(),
    database: checkedDatabase('database').notNull(),
    checks: integer('checks').notNull(),
    hits: integer('hits').notNull(),
    ...recorded(),
  },
  (t) => [
    uniqueIndex('database_checks_figure_key').on(t.operationId, t.agencyId, t.checkedOn, t.database),
    index('database_checks_operation_idx').on(t.operationId, t.countryCode),
    check('database_checks_counts', sql`${t.hits} >= 0 and ${t.hits} <= ${t.checks}`),
  ],
);
