import { sql } from 'drizzle-orm';
import { pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { QUANTITY_UNITS } from '@jointops/shared/domain';
import { COMMODITY_CATEGORIES } from '@jointops/shared/catalogue';
import { catalogueVersion } from './catalogue-versions';
import { operations } from './operations';

export const quantityUnit = pgEnum('quantity_unit', QUANTITY_UNITS);
export const commodityCategory = pgEnum('commodity_category', COMMODITY_CATEGORIES);

/**
 * Reference data: seeded from shared/src/catalogue.ts, then editable (HS codes are revised). A row
 * with an operation is that operation's own commodity, added by an administrator: usable there only.
 */
export const commodities = pgTable(
  'commodities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: catalogueVersion('version').notNull(),
    category: commodityCategory('category').notNull(),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
    defaultUnit: quantityUnit('default_unit').notNull(),
    hsCode: text('hs_code'),
    /** Null for the reference lists; else the one operation that may use it. */
    operationId: uuid('operation_id').references(() => operations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A code names one item in its scope: the reference lists, or one operation (whose codes the
  // service also keeps apart from the reference lists', so that an import's code is never ambiguous).
  (t) => [
    uniqueIndex('commodities_code_key').on(t.code).where(sql`${t.operationId} is null`),
    uniqueIndex('commodities_operation_code_key').on(t.operationId, t.code),
  ],
);
