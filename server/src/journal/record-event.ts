import type { Db } from '../db/client';
import type { ServiceContext } from '../service-context';
import { appendEvent } from './events.repo';

/**
 * Records what the caller just did in the operation's log, in the caller's transaction.
 * `audienceAgencyIds` narrows who may see it; by default every member may.
 */
export function recordEvent(
  tx: Db,
  ctx: ServiceContext,
  operationId: string,
  type: string,
  data: Record<string, unknown>,
  audienceAgencyIds: string[] | null = null,
): Promise<number> {
  return appendEvent(tx, {
    operationId,
    type,
    occurredAt: ctx.clock.now(),
    actorUserId: ctx.viewer?.userId ?? null,
    audienceAgencyIds,
    data,
  });
}
