import { NotFoundError } from '../../domain-errors';
import { uuidFromGlobalId } from '../../global-id';
import type { LiveHub } from '../../live/hub';
import type { ResultsTick } from '../../live/results-ticker';
import type { ServiceContext } from '../../service-context';
import type { Standing } from '../operations/operations.policy';
import { requireViewer } from '../operations/operation-access';
import { findWithStanding } from '../operations/operations.repo';
import { canSeeResults } from './results.policy';
import { OperationResultsSource } from './results.service';

// The results as the operations rooms watch them: sent again after the events that may change
// them, read once per tick for every viewer of the same agency (live/results-ticker.ts), so that
// the database work per event grows with the agencies watching, not with the screens.

/** Figures read for live viewers since the process started: one per tick and agency watching, whatever the viewers. */
export const liveResultsCounts = { reads: 0 };

/** The viewer's ticks of an operation's results; an operation they may not see is answered as an unknown one. */
export async function watchOperationResults(
  ctx: ServiceContext,
  hub: LiveHub,
  operationGlobalId: string,
): Promise<{ ticks: AsyncIterableIterator<ResultsTick>; standing: Standing }> {
  const viewer = requireViewer(ctx);
  const operationId = uuidFromGlobalId(operationGlobalId, 'Operation');
  // The head and the standing from one statement, as for the event stream: a removal committed
  // after it comes after the head, so the stream reads it and ends there.
  const found = operationId ? await findWithStanding(ctx.db, operationId, viewer) : null;
  if (!operationId || !found || !canSeeResults(found.standing)) throw new NotFoundError('Operation');
  return { ticks: hub.resultsStream(operationId, viewer, found.operation.lastEventSeq), standing: found.standing };
}

/**
 * The figures of one tick for the viewer. They depend on the viewer's agency (the alerts it may
 * see), never on the person or their language (labels are made per viewer from the same sums),
 * so one read serves every viewer of the agency; it is made with its first viewer's standing,
 * checked again here: every other one had theirs checked when they subscribed, and their stream
 * ends at their removal.
 */
export function liveOperationResults(ctx: ServiceContext, tick: ResultsTick, includeUnverified: boolean): Promise<OperationResultsSource> {
  const viewer = requireViewer(ctx);
  return tick.shared(`${viewer.agencyId}|${viewer.isAdmin}|${includeUnverified}`, async () => {
    liveResultsCounts.reads += 1;
    const found = await findWithStanding(ctx.db, tick.operationId, viewer);
    if (!found || !canSeeResults(found.standing)) throw new NotFoundError('Operation');
    return new OperationResultsSource(ctx, viewer, found.operation, includeUnverified);
  });
}
