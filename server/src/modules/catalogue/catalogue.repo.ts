import { inArray } from 'drizzle-orm';
import { CATALOGUE, catalogueItems, type CatalogueVersion } from '@jointops/shared/catalogue';
import type { Db } from '../../db/client';
import { commodities } from '../../db/schema/catalogue';

export type CommodityRow = typeof commodities.$inferSelect;

/**
 * Brings the reference catalogue into the database: new items are added, items already there are
 * left as they are, because their HS codes and names are reference data that may have been edited.
 */
export async function syncCatalogue(db: Db): Promise<void> {
  await db
    .insert(commodities)
    .values(
      CATALOGUE.map((item) => ({
        code: item.code,
        version: item.version,
        category: item.category,
        nameEn: item.name.en,
        nameFr: item.name.fr,
        defaultUnit: item.defaultUnit,
        hsCode: item.hsCode,
      })),
    )
    .onConflictDoNothing({ target: commodities.code });
}

export async function findCommoditiesOfVersion(db: Db, version: CatalogueVersion): Promise<CommodityRow[]> {
  const codes = catalogueItems(version).map((item) => item.code);
  const rows = await db.select().from(commodities).where(inArray(commodities.code, codes));
  // Catalogue order (precursors, then fuses and detonators, then components), not insertion order.
  return rows.sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code));
}

export async function findCommodityById(db: Db, id: string): Promise<CommodityRow | null> {
  const [row] = await db
    .select()
    .from(commodities)
    .where(inArray(commodities.id, [id]));
  return row ?? null;
}

export async function findCommoditiesByIds(db: Db, ids: string[]): Promise<CommodityRow[]> {
  if (!ids.length) return [];
  return db.select().from(commodities).where(inArray(commodities.id, ids));
}
