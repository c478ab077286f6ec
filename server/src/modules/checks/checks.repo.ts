import { and, asc, eq, sql } from 'drizzle-orm';
import type { CheckedDatabase, QuantityUnit } from '@jointops/shared/domain';
import { BASE_UNIT, TO_BASE_UNIT, UNIT_DIMENSION } from '@jointops/shared/seizures';
import type { Db } from '../../db/client';
import { executePlannedOnce } from '../../db/prepared';
import { databaseChecks, licitShipmentChecks } from '../../db/schema/checks';
import type { Viewer } from '../../service-context';
import { visibleTo } from '../operations/operations.repo';

export type LicitShipmentCheckRow = typeof licitShipmentChecks.$inferSelect;
export type DatabaseCheckRow = typeof databaseChecks.$inferSelect;

/** What identifies one figure: recording again for the same key replaces it. */
export interface FigureKey {
  operationId: string;
  agencyId: string;
  checkedOn: string;
}

export async function findLicitShipmentCheck(db: Db, key: FigureKey & { commodityId: string }): Promise<LicitShipmentCheckRow | null> {
  const t = licitShipmentChecks;
  const [row] = await db
    .select()
    .from(t)
    .where(
      and(
        eq(t.operationId, key.operationId),
        eq(t.agencyId, key.agencyId),
        eq(t.checkedOn, key.checkedOn),
        eq(t.commodityId, key.commodityId),
      ),
    );
  return row ?? null;
}

export async function findDatabaseCheck(db: Db, key: FigureKey & { database: CheckedDatabase }): Promise<DatabaseCheckRow | null> {
  const t = databaseChecks;
  const [row] = await db
    .select()
    .from(t)
    .where(
      and(eq(t.operationId, key.operationId), eq(t.agencyId, key.agencyId), eq(t.checkedOn, key.checkedOn), eq(t.database, key.database)),
    );
  return row ?? null;
}

export async function upsertLicitShipmentCheck(tx: Db, row: typeof licitShipmentChecks.$inferInsert): Promise<LicitShipmentCheckRow> {
  const t = licitShipmentChecks;
  const { shipments, quantity, unit, countryCode, recordedBy, recordedAt } = row;
  const [saved] = await tx
    .insert(t)
    .values(row)
    .onConflictDoUpdate({
      target: [t.operationId, t.agencyId, t.checkedOn, t.commodityId],
      set: { shipments, quantity, unit, countryCode, recordedBy, recordedAt },
    })
    .returning();
  return saved!;
}

export async function upsertDatabaseCheck(tx: Db, row: typeof databaseChecks.$inferInsert): Promise<DatabaseCheckRow> {
  const t = databaseChecks;
  const { checks, hits, countryCode, recordedBy, recordedAt } = row;
  const [saved] = await tx
    .insert(t)
    .values(row)
    .onConflictDoUpdate({
      target: [t.operationId, t.agencyId, t.checkedOn, t.database],
      set: { checks, hits, countryCode, recordedBy, recordedAt },
    })
    .returning();
  return saved!;
}

/** Any figure, whoever asks: for events, which only those with standing read. */
export async function findLicitShipmentCheckById(db: Db, id: string): Promise<LicitShipmentCheckRow | null> {
  const [row] = await db.select().from(licitShipmentChecks).where(eq(licitShipmentChecks.id, id));
  return row ?? null;
}

export async function findDatabaseCheckById(db: Db, id: string): Promise<DatabaseCheckRow | null> {
  const [row] = await db.select().from(databaseChecks).where(eq(databaseChecks.id, id));
  return row ?? null;
}

/** The figure, if the viewer may see its operation; exactly null otherwise, as for an unknown id. */
export async function findVisibleLicitShipmentCheck(db: Db, viewer: Viewer, id: string): Promise<LicitShipmentCheckRow | null> {
  const t = licitShipmentChecks;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), visibleTo(viewer, sql`${t.operationId}`)));
  return row ?? null;
}

export async function findVisibleDatabaseCheck(db: Db, viewer: Viewer, id: string): Promise<DatabaseCheckRow | null> {
  const t = databaseChecks;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), visibleTo(viewer, sql`${t.operationId}`)));
  return row ?? null;
}

/** The operation's licit shipment figures, if the viewer may see the operation; nothing otherwise. */
export function visibleLicitShipmentChecks(db: Db, viewer: Viewer, operationId: string): Promise<LicitShipmentCheckRow[]> {
  const t = licitShipmentChecks;
  return db
    .select()
    .from(t)
    .where(and(eq(t.operationId, operationId), visibleTo(viewer, sql`${t.operationId}`)))
    .orderBy(asc(t.checkedOn), asc(t.countryCode), asc(t.agencyId), asc(t.commodityId));
}

export function visibleDatabaseChecks(db: Db, viewer: Viewer, operationId: string): Promise<DatabaseCheckRow[]> {
  const t = databaseChecks;
  return db
    .select()
    .from(t)
    .where(and(eq(t.operationId, operationId), visibleTo(viewer, sql`${t.operationId}`)))
    .orderBy(asc(t.checkedOn), asc(t.countryCode), asc(t.agencyId), asc(t.database));
}

// Totals for the results module. Sums are float8, not int: a month of daily figures from many
// agencies can pass 2^31, and float8 holds every whole number up to 2^53 exactly.

export interface LicitShipmentTotal {
  countryCode: string;
  shipments: number;
  /** One entry per dimension recorded, in its base unit (KG, L, M, PIECES): unlike units never add. */
  quantities: { unit: QuantityUnit; quantity: number }[];
}

/**
 * A SQL `case` over the row's unit, built from the one table of units (shared/seizures.ts). Its
 * factors print as exact decimal literals (0.001, 1000), so SQL multiplies them in numeric: 500 g
 * + 2 t + 3 kg is 2003.5 kg, not a binary-float neighbour of it.
 */
const caseOf = (value: (unit: QuantityUnit) => string) =>
  sql`case ${licitShipmentChecks.unit} ${sql.raw((Object.keys(UNIT_DIMENSION) as QuantityUnit[]).map((unit) => `when '${unit}' then ${value(unit)}`).join(' '))} end`;

export interface DatabaseCheckTotal {
  countryCode: string;
  database: CheckedDatabase;
  checks: number;
  hits: number;
}

export interface CheckTotals {
  licitShipments: LicitShipmentTotal[];
  databaseChecks: DatabaseCheckTotal[];
}

/** A json column as either driver gives it: parsed (node-postgres, PGlite), or text. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The register's totals for the results, in one statement: licit shipments checked per country
 * (shipments, and quantities summed per dimension in exact numeric arithmetic: g, kg and t add up
 * in kg; pieces never join them), and database checks and hits per country and database. Each
 * list is built and ordered in PostgreSQL (the database's own enum order for databases), so one
 * round trip answers what took three. Trusted callers only: it applies no need-to-know filter.
 */
export async function checkTotals(db: Db, operationId: string): Promise<CheckTotals> {
  const t = licitShipmentChecks;
  const d = databaseChecks;
  const baseUnit = caseOf((unit) => `'${BASE_UNIT[UNIT_DIMENSION[unit]]}'`);
  const toBaseUnit = caseOf((unit) => String(TO_BASE_UNIT[unit]));
  // Planned once per connection (db/prepared.ts): every results read and live tick asks it.
  const result = await executePlannedOnce<{ shipments: unknown; quantities: unknown; databases: unknown }>(
    db,
    sql`select
    (select coalesce(json_agg(json_build_object('countryCode', s.country_code, 'shipments', s.shipments) order by s.country_code), '[]')
      from (select ${t.countryCode} as country_code, sum(${t.shipments})::float8 as shipments
            from ${t} where ${t.operationId} = ${operationId} group by 1) s) as shipments,
    (select coalesce(json_agg(json_build_object('countryCode', q.country_code, 'unit', q.base_unit, 'quantity', q.quantity)
                              order by q.country_code, q.base_unit), '[]')
      from (select ${t.countryCode} as country_code, ${baseUnit} as base_unit, sum(${t.quantity} * ${toBaseUnit})::float8 as quantity
            from ${t} where ${t.operationId} = ${operationId} and ${t.quantity} is not null group by 1, 2) q) as quantities,
    (select coalesce(json_agg(json_build_object('countryCode', c.country_code, 'database', c.database, 'checks', c.checks, 'hits', c.hits)
                              order by c.country_code, c.database), '[]')
      from (select ${d.countryCode} as country_code, ${d.database} as database, sum(${d.checks})::float8 as checks, sum(${d.hits})::float8 as hits
            from ${d} where ${d.operationId} = ${operationId} group by 1, 2) c) as databases`,
  );
  const row = result.rows[0]!;
  const quantities = fromJson<{ countryCode: string; unit: QuantityUnit; quantity: number }[]>(row.quantities);
  return {
    licitShipments: fromJson<{ countryCode: string; shipments: number }[]>(row.shipments).map((shipments) => ({
      ...shipments,
      quantities: quantities.filter((q) => q.countryCode === shipments.countryCode).map(({ unit, quantity }) => ({ unit, quantity })),
    })),
    databaseChecks: fromJson<DatabaseCheckTotal[]>(row.databases),
  };
}
