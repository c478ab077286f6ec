import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { CATALOGUE, catalogueItems, type CatalogueVersion } from '@jointops/shared/catalogue';
import type { Db } from '../../db/client';
import { commodities } from '../../db/schema/catalogue';
import { operationMembers, participations } from '../../db/schema/operations';
import type { Viewer } from '../../service-context';

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
    .onConflictDoNothing({ target: commodities.code, where: isNull(commodities.operationId) });
}

export async function findCommoditiesOfVersion(db: Db, version: CatalogueVersion): Promise<CommodityRow[]> {
  const codes = catalogueItems(version).map((item) => item.code);
  const rows = await db
    .select()
    .from(commodities)
    .where(and(inArray(commodities.code, codes), isNull(commodities.operationId)));
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

/** An operation's own commodities, by code: only for callers who may see the operation. */
export async function findCommoditiesOfOperation(db: Db, operationId: string): Promise<CommodityRow[]> {
  return db.select().from(commodities).where(eq(commodities.operationId, operationId)).orderBy(asc(commodities.code));
}

/** Whether a code is taken where an operation's new commodity would be looked up: its own codes and the reference lists'. */
export async function commodityCodeTaken(db: Db, operationId: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: commodities.id })
    .from(commodities)
    .where(and(eq(commodities.code, code), or(isNull(commodities.operationId), eq(commodities.operationId, operationId))))
    .limit(1);
  return !!row;
}

/** Inserts an operation's own commodity; null when its code was taken meanwhile (the unique index). */
export async function insertOperationCommodity(
  db: Db,
  commodity: Omit<typeof commodities.$inferInsert, 'operationId'> & { operationId: string },
): Promise<CommodityRow | null> {
  const [row] = await db.insert(commodities).values(commodity).onConflictDoNothing().returning();
  return row ?? null;
}

/**
 * A commodity the viewer may look up: every reference item, and an operation's own only for a
 * current member of an accepted agency of that operation (the operations' need-to-know, read here
 * because the catalogue sits below the operations module).
 */
export async function findCommodityVisibleTo(db: Db, id: string, viewer: Viewer): Promise<CommodityRow | null> {
  const [row] = await db
    .select()
    .from(commodities)
    .where(
      and(
        eq(commodities.id, id),
        or(
          isNull(commodities.operationId),
          sql`exists (
            select 1 from ${operationMembers} m
            join ${participations} p on p.operation_id = m.operation_id and p.agency_id = m.agency_id
            where m.operation_id = ${commodities.operationId} and m.user_id = ${viewer.userId}
              and m.removed_at is null and p.status = 'ACCEPTED')`,
        ),
      ),
    );
  return row ?? null;
}
