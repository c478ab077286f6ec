import { recordDatabaseChecksInput, recordLicitShipmentsCheckedInput } from '@jointops/shared/checks';
import { unitFitsCommodity, unitMismatchMessage } from '@jointops/shared/seizures';
import { calendarDateIn } from '@jointops/shared/validation';
import type { Db } from '../../db/client';
import { PhaseRuleError, ValidationError } from '../../domain-errors';
import type { ServiceContext, Viewer } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { findAgencyById } from '../agencies/agencies.repo';
import { audited, type AuditedResult } from '../../journal/audited';
import { findCommodityById, type CommodityRow } from '../catalogue/catalogue.repo';
import { usableIn } from '../catalogue/commodity-scope';
import type { FiguresRecorded } from '../../journal/event-catalogue';
import { recordEvent } from '../../journal/record-event';
import { operationForAction, operationIdOf } from '../operations/operation-access';
import { findPhases, type OperationRow } from '../operations/operations.repo';
import { canRecordChecks, mayRecordChecksIn } from './checks.policy';
import {
  findDatabaseCheck,
  findLicitShipmentCheck,
  upsertDatabaseCheck,
  upsertLicitShipmentCheck,
  type DatabaseCheckRow,
  type LicitShipmentCheckRow,
} from './checks.repo';

interface Reporter {
  operation: OperationRow;
  /** The signed-in person recording the figures. */
  viewer: Viewer;
  agencyId: string;
  countryCode: string;
}

/**
 * The operation, locked, and the agency the caller records for, once every rule about who and
 * when holds. The lock serialises writers of the operation, so reading a figure and replacing it
 * cannot interleave with another writer's.
 */
async function reporterFor(tx: Db, ctx: ServiceContext, operationId: string, checkedOn: string, action: string): Promise<Reporter> {
  const { operation, viewer } = await operationForAction(tx, ctx, operationId, canRecordChecks, action);
  if (!mayRecordChecksIn(operation.phase)) throw new PhaseRuleError(operation.phase, 'Recording checks');
  const agency = (await findAgencyById(tx, viewer.agencyId))!;
  if (!agency.countryCode)
    throw new ValidationError([
      {
        path: [],
        key: 'AGENCY_WITHOUT_COUNTRY',
        message: 'Figures are reported per country, and your agency has none: a national agency records them',
      },
    ]);
  // Days are those of the operation's reference time zone, the calendar everyone's figures share.
  const zone = operation.referenceTimeZone;
  if (checkedOn > calendarDateIn(zone, ctx.clock.now()))
    throw ValidationError.field('checkedOn', 'DAY_NOT_YET_COME', "This day has not come yet in the operation's reference time zone");
  const startedAt = (await findPhases(tx, operation.id)).find((phase) => phase.phase === 'OPERATIONAL')?.startedAt;
  if (startedAt && checkedOn < calendarDateIn(zone, startedAt))
    throw ValidationError.field('checkedOn', 'BEFORE_OPERATIONAL_PHASE', 'Before the operational phase began');
  return { operation, viewer, agencyId: agency.id, countryCode: agency.countryCode };
}

/** A commodity of the operation's catalogue version. */
async function catalogueCommodity(tx: Db, globalId: string, operation: OperationRow): Promise<CommodityRow> {
  const commodity = await findCommodityById(tx, idFromInput(globalId, 'Commodity', 'commodityId'));
  if (!commodity || !usableIn(commodity, operation)) {
    throw ValidationError.field('commodityId', 'NOT_IN_CATALOGUE', `Not an item of the ${operation.catalogueVersion} catalogue`, {
      catalogueVersion: operation.catalogueVersion,
    });
  }
  return commodity;
}

const shipmentFigures = (row: Pick<LicitShipmentCheckRow, 'shipments' | 'quantity' | 'unit'>) => ({
  shipments: row.shipments,
  quantity: row.quantity,
  unit: row.unit,
});
const databaseFigures = (row: Pick<DatabaseCheckRow, 'checks' | 'hits'>) => ({ checks: row.checks, hits: row.hits });

interface Figure<Row, F> {
  /** Records the catalogue's event for this figure. */
  tell: (recorded: FiguresRecorded<F>) => Promise<number>;
  after: F;
  figuresOf: (row: Row) => F;
  find: () => Promise<Row | null>;
  save: () => Promise<Row>;
}

/**
 * Replaces the agency's figure for the key `find` and `save` stand for, and tells the timeline
 * whether it was a first record or a correction. The same figure again changes nothing and tells
 * nobody anything new: that is what makes a retry harmless.
 */
async function replaceFigure<Row extends { id: string }, F>(reporter: Reporter, figure: Figure<Row, F>): Promise<AuditedResult<Row>> {
  const operationId = reporter.operation.id;
  const earlier = await figure.find();
  const before = earlier ? figure.figuresOf(earlier) : null;
  if (earlier && JSON.stringify(before) === JSON.stringify(figure.after))
    return { result: earlier, targetId: earlier.id, operationId, details: { unchanged: true } };
  const saved = await figure.save();
  await figure.tell({ checkId: saved.id, correction: earlier !== null, before, after: figure.after });
  return { result: saved, targetId: saved.id, operationId, details: { correction: earlier !== null } };
}

/** The agency's licit shipments checked of one commodity on one day; recording again replaces the figure. */
export async function recordLicitShipmentsChecked(ctx: ServiceContext, rawInput: unknown): Promise<LicitShipmentCheckRow> {
  return audited(
    ctx,
    { action: 'recordLicitShipmentsChecked', targetType: 'LicitShipmentCheck', operationId: operationIdOf(rawInput) },
    async (tx) => {
      const input = parseInput(recordLicitShipmentsCheckedInput, rawInput);
      const reporter = await reporterFor(tx, ctx, input.operationId, input.checkedOn, 'record licit shipments checked');
      const commodity = await catalogueCommodity(tx, input.commodityId, reporter.operation);
      // The seizures' unit rule: a catalogue commodity is counted in a unit of its own dimension.
      if (input.unit && !unitFitsCommodity(input.unit, commodity.defaultUnit))
        throw ValidationError.field('unit', 'UNIT_NOT_OF_COMMODITY_DIMENSION', unitMismatchMessage(commodity.defaultUnit), {
          unit: commodity.defaultUnit,
        });
      const key = {
        operationId: reporter.operation.id,
        agencyId: reporter.agencyId,
        checkedOn: input.checkedOn,
        commodityId: commodity.id,
      };
      const after = shipmentFigures(input);
      return replaceFigure(reporter, {
        tell: (recorded) => recordEvent(tx, ctx, key.operationId, 'LICIT_SHIPMENTS_CHECKED', recorded),
        after,
        figuresOf: shipmentFigures,
        find: () => findLicitShipmentCheck(tx, key),
        save: () =>
          upsertLicitShipmentCheck(tx, {
            ...key,
            countryCode: reporter.countryCode,
            ...after,
            recordedBy: reporter.viewer.userId,
            recordedAt: ctx.clock.now(),
          }),
      });
    },
  );
}

/** The agency's checks against one database on one day, and their hits; recording again replaces them. */
export async function recordDatabaseChecks(ctx: ServiceContext, rawInput: unknown): Promise<DatabaseCheckRow> {
  return audited(ctx, { action: 'recordDatabaseChecks', targetType: 'DatabaseCheck', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(recordDatabaseChecksInput, rawInput);
    const reporter = await reporterFor(tx, ctx, input.operationId, input.checkedOn, 'record database checks');
    const key = { operationId: reporter.operation.id, agencyId: reporter.agencyId, checkedOn: input.checkedOn, database: input.database };
    const after = databaseFigures(input);
    return replaceFigure(reporter, {
      tell: (recorded) => recordEvent(tx, ctx, key.operationId, 'DATABASE_CHECKS_RECORDED', recorded),
      after,
      figuresOf: databaseFigures,
      find: () => findDatabaseCheck(tx, key),
      save: () =>
        upsertDatabaseCheck(tx, {
          ...key,
          countryCode: reporter.countryCode,
          ...after,
          recordedBy: reporter.viewer.userId,
          recordedAt: ctx.clock.now(),
        }),
    });
  });
}
