import type { Db } from '../db/client';
import { lastStatement } from '../db/pipelined-transactions';
import { DomainError } from '../domain-errors';
import type { ServiceContext } from '../service-context';
import { insertAuditEntry, type NewAuditEntry } from './audit-entries.repo';
import { journalValues, type JournalValues, type NewEvent } from './events.repo';
import { inTurnFor } from './operation-writes';

export interface AuditedAction {
  action: string;
  targetType?: string;
  targetId?: string | null;
  operationId?: string | null;
  details?: Record<string, unknown>;
}

interface AuditedOutcome {
  targetId?: string | null;
  operationId?: string | null;
  details?: Record<string, unknown>;
  /** Overrides the actor for actions that establish who the actor is (sign-in). */
  actor?: { userId: string; agencyId: string };
}

/** A write that has stored what it changed; `audited` adds the audit entry. */
export interface Stored<T> extends AuditedOutcome {
  result: T;
}

/**
 * A write that leaves its last statement to `audited`: `finish` runs it carrying the common table
 * expressions that append `event` and the audit entry (`journalEntries` in events.repo.ts), given
 * their values (`journal`), so that the three reach the database in one round trip — it runs
 * while the operation is locked, where each one counts.
 */
export interface Finishing<T> extends AuditedOutcome {
  event: NewEvent;
  finish: (journal: JournalValues) => Promise<T>;
}

export type AuditedResult<T> = Stored<T> | Finishing<T>;

/**
 * Runs one write as one transaction that also holds its audit row. A refused attempt (a domain
 * error) rolls the change back and is then audited on its own, so refusals leave a trace too.
 */
export async function audited<T>(ctx: ServiceContext, action: AuditedAction, write: (tx: Db) => Promise<AuditedResult<T>>): Promise<T> {
  const base = {
    action: action.action,
    targetType: action.targetType ?? null,
    operationId: action.operationId ?? null,
    ...requestOf(ctx),
  };
  try {
    let operationWritten: string | null = null;
    const transaction = () =>
      ctx.db.transaction(async (tx) => {
        const outcome = await write(tx);
        const entry: NewAuditEntry = {
          ...base,
          occurredAt: ctx.clock.now(),
          actorUserId: outcome.actor?.userId ?? ctx.viewer?.userId ?? null,
          actorAgencyId: outcome.actor?.agencyId ?? ctx.viewer?.agencyId ?? null,
          targetId: outcome.targetId ?? action.targetId ?? null,
          operationId: outcome.operationId ?? action.operationId ?? null,
          outcome: 'SUCCEEDED',
          details: { ...action.details, ...outcome.details },
        };
        // The last statement takes the transaction's commit with it: one round trip fewer under the lock.
        const result =
          'finish' in outcome
            ? await lastStatement(tx, () => outcome.finish(journalValues(outcome.event, entry)))
            : await stored(tx, outcome, entry);
        operationWritten = outcome.operationId ?? action.operationId ?? null;
        return result;
      });
    // A write that names its operation up front waits for its turn before it takes a connection.
    const result = action.operationId ? await inTurnFor(action.operationId, transaction) : await transaction();
    // After commit, never before: a subscriber woken early would read nothing and wait for the
    // next hint. Hints may still be lost (Redis down); the live hub's periodic catch-up covers that.
    if (operationWritten) ctx.pubSub.publish('operation:events', { operationId: operationWritten });
    return result;
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(ctx, action, error);
    else await auditUnexpectedFailure(ctx, action, error);
    throw error;
  }
}

async function stored<T>(tx: Db, outcome: Stored<T>, entry: NewAuditEntry): Promise<T> {
  await insertAuditEntry(tx, entry);
  return outcome.result;
}

const requestOf = (ctx: ServiceContext) => ({
  requestId: ctx.requestId,
  clientRequestId: ctx.clientRequestId ?? null,
  sourceAddress: ctx.sourceAddress,
});

/** The reason an unexpected failure is audited with: never its message, which may quote the input. */
export const UNEXPECTED_FAILURE_REASON = 'INTERNAL: An unexpected failure; nothing was changed.';

const auditedFailures = new WeakSet<object>();

/** Whether this failure already has its refusal row (so the GraphQL layer does not add a second). */
export const failureWasAudited = (error: unknown): boolean => typeof error === 'object' && error !== null && auditedFailures.has(error);

/**
 * A failure that is no refusal of the domain (a bug, the database gone, a value it would not
 * store) is still an attempt someone made: it is audited as REFUSED, as a refusal would be. When
 * even that row cannot be written (the database is down), the log says so, without the input.
 */
export async function auditUnexpectedFailure(ctx: ServiceContext, action: AuditedAction, error: unknown): Promise<void> {
  if (failureWasAudited(error)) return;
  try {
    await insertRefusal(ctx, action, UNEXPECTED_FAILURE_REASON);
    if (typeof error === 'object' && error !== null) auditedFailures.add(error);
  } catch (auditFailure) {
    ctx.logger.error({ err: auditFailure, action: action.action, requestId: ctx.requestId }, 'unexpected failure could not be audited');
  }
}

/** Records a refused attempt on its own, outside the transaction that was rolled back. */
export async function auditRefusal(ctx: ServiceContext, action: AuditedAction, error: DomainError): Promise<void> {
  await insertRefusal(ctx, action, `${error.code}: ${error.message}`);
}

async function insertRefusal(ctx: ServiceContext, action: AuditedAction, reason: string): Promise<void> {
  await insertAuditEntry(ctx.db, {
    action: action.action,
    targetType: action.targetType ?? null,
    targetId: action.targetId ?? null,
    operationId: action.operationId ?? null,
    ...requestOf(ctx),
    occurredAt: ctx.clock.now(),
    actorUserId: ctx.viewer?.userId ?? null,
    actorAgencyId: ctx.viewer?.agencyId ?? null,
    outcome: 'REFUSED',
    reason,
    details: action.details ?? null,
  });
}
