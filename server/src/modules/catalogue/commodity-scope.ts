import { catalogueItems, type CatalogueVersion } from '@jointops/shared/catalogue';
import type { CommodityRow } from './catalogue.repo';

/**
 * Whether an operation may name a commodity (as a target, in an alert, a seizure, a check): an item
 * of the reference list version it was planned with, or one of its own. An operation's own item is
 * refused everywhere else, as if it did not exist. `id` is null for an operation not yet created.
 */
export function usableIn(
  commodity: Pick<CommodityRow, 'code' | 'operationId'>,
  operation: { id: string | null; catalogueVersion: CatalogueVersion },
): boolean {
  if (commodity.operationId !== null) return commodity.operationId === operation.id;
  return catalogueItems(operation.catalogueVersion).some((item) => item.code === commodity.code);
}
