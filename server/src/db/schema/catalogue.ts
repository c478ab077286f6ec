import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { QUANTITY_UNITS } from '@jointops/shared/domain';
import { CATALOGUE_VERSIONS, COMMODITY_CATEGORIES } from '@jointops/shared/catalogue';

export const quantityUnit = pgEnum('quantity_unit', QUANTITY_UNITS);
export const commodityCategory = pgEnum('commodity_category', COMMODITY_CATEGORIES);
export const catalogueVersion = pgEnum('catalogue_version', CATALOGUE_VERSIONS);

/** Reference data: seeded from shared/src/catalogue.ts, then editable (HS codes are revised). */
export const commodities = pgTable('commodities', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  version: catalogueVersion('version').notNull(),
  category: commodityCategory('category').notNull(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  defaultUnit: quantityUnit('default_unit').notNull(),
  hsCode: text('hs_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
