import { addOperationCommodityInput } from '@jointops/shared/catalogue';
import { BASE_UNIT } from '@jointops/shared/seizures';
import { NotFoundError, ValidationError } from '../../domain-errors';
import { audited } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import type { ServiceContext } from '../../service-context';
import { idFromInput, parseInput } from '../../validate';
import { commodityCodeTaken, insertOperationCommodity, type CommodityRow } from '../catalogue/catalogue.repo';
import { requireOpen, requireViewer, operationIdOf } from './operation-access';
import { findWithStanding } from './operations.repo';

export const OPERATION_COMMODITY_CODE_TAKEN = 'This code is taken, in this operation or in the reference lists';

/**
 * Adds a commodity that one operation needs beyond the reference lists (a new precursor, a local
 * component), without a release: an administrator's act, as the reference data is theirs to keep.
 * The operation need not be theirs to see; the item is then that operation's alone, and its members
 * are told through the log. Its code may repeat another operation's, never the reference lists'
 * nor one of its own, so that a code in an imported file names one item.
 */
export async function addOperationCommodity(ctx: ServiceContext, rawInput: unknown): Promise<CommodityRow> {
  return audited(ctx, { action: 'addOperationCommodity', targetType: 'Commodity', operationId: operationIdOf(rawInput) }, async (tx) => {
    const input = parseInput(addOperationCommodityInput, rawInput);
    const viewer = requireViewer(ctx);
    const found = await findWithStanding(tx, idFromInput(input.operationId, 'Operation', 'operationId'), viewer, true);
    if (!found) throw new NotFoundError('Operation');
    const { operation } = found;
    requireOpen(operation, 'Adding a commodity');
    if (await commodityCodeTaken(tx, operation.id, input.code))
      throw ValidationError.field('code', 'OPERATION_COMMODITY_CODE_TAKEN', OPERATION_COMMODITY_CODE_TAKEN);
    const commodity = await insertOperationCommodity(tx, {
      operationId: operation.id,
      code: input.code,
      version: operation.catalogueVersion,
      category: input.category,
      nameEn: input.nameEn,
      nameFr: input.nameFr,
      defaultUnit: BASE_UNIT[input.dimension],
      hsCode: input.hsCode,
      createdAt: ctx.clock.now(),
    });
    // Two administrators adding one code at once: the unique index decides, and the loser is told as above.
    if (!commodity) throw ValidationError.field('code', 'OPERATION_COMMODITY_CODE_TAKEN', OPERATION_COMMODITY_CODE_TAKEN);
    await recordEvent(tx, ctx, operation.id, 'OPERATION_COMMODITY_ADDED', { commodityId: commodity.id, code: commodity.code });
    return {
      result: commodity,
      targetId: commodity.id,
      operationId: operation.id,
      details: { code: commodity.code, dimension: input.dimension, category: commodity.category },
    };
  });
}
