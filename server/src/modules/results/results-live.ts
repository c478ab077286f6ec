import { NotFoundError } from '../../domain-errors';
import { uuidFromGlobalId } from '../../global-id';
import type { LiveHub } from '../../live/hub';
import type { ResultsTick } from '../../live/results-ticker';
import type { ServiceContext, Viewer } from '../../service-context';
import type { Standing } from '../operations/operations.policy';
import { requireViewer } from '../operations/operation-access';
import { findSubscriberStanding, findWithStanding, type OperationRow } from '../operations/operations.repo';
import type { NationalityArrests } from './arrest-figures.repo';
import { canSeeResults } from './results.policy';
import { type CheckFigures, OperationResultsSource } from './results.service';
import type { SeizureFigures } from './seizure-figures.repo';

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
  const found = operationId ? await findSubscriberStanding(ctx.db, operationId, viewer) : null;
  if (!operationId || !found || !canSeeResults(found.standing)) throw new NotFoundError('Operation');
  return { ticks: hub.resultsStream(operationId, viewer, found.operation.lastEventSeq), standing: found.standing };
}

/**
 * One tick's figures for one agency. The seizure reports and the register of checks are the
 * operation's, the same for every member (results.policy.ts), so those sides are read once per
 * tick for all agencies; the alert figures depend on the alerts the agency may see.
 */
class LiveResultsSource extends OperationResultsSource {
  constructor(
    ctx: ServiceContext,
    viewer: Viewer,
    operation: OperationRow,
    includeUnverified: boolean,
    private readonly tick: ResultsTick,
  ) {
    super(ctx, viewer, operation, includeUnverified);
  }

  override seizures(): Promise<SeizureFigures> {
    return this.tick.shared(`seizures|${this.includeUnverified}`, () => super.seizures());
  }

  override arrestsByNationality(): Promise<NationalityArrests[]> {
    return this.tick.shared(`nationalities|${this.includeUnverified}`, () => super.arrestsByNationality());
  }

  override checks(): Promise<CheckFigures> {
    return this.tick.shared('checks', () => super.checks());
  }
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
    return new LiveResultsSource(ctx, viewer, found.operation, includeUnverified, tick);
  });
}
