import type { Db } from '../db/client';
import type { ServiceContext } from '../service-context';
import type { EventData, MembersEventType, NeedToKnowEventType, RecordedEventType } from './event-catalogue';
import { appendEvent, appendEvents, type NewEvent } from './events.repo';

/**
 * Records what the caller just did in the operation's log, in the caller's transaction. An event
 * every member sees is recorded without an audience; one on an alert or a seizure must be given
 * the audience of what it names (null when that is everyone): forgetting it does not compile.
 */
export function recordEvent<T extends MembersEventType>(
  tx: Db,
  ctx: ServiceContext,
  operationId: string,
  type: T,
  data: EventData[T],
): Promise<number>;
export function recordEvent<T extends NeedToKnowEventType>(
  tx: Db,
  ctx: ServiceContext,
  operationId: string,
  type: T,
  data: EventData[T],
  audienceAgencyIds: string[] | null,
): Promise<number>;
export function recordEvent(
  tx: Db,
  ctx: ServiceContext,
  operationId: string,
  type: RecordedEventType,
  data: EventData[RecordedEventType],
  audienceAgencyIds: string[] | null = null,
): Promise<number> {
  return appendEvent(tx, newEvent(ctx, operationId, type, data, audienceAgencyIds));
}

/**
 * The event recordEvent would record, for a write to hand to `audited` instead (`event` in its
 * result): appended in the same statement as the audit entry, one round trip fewer while the
 * operation is locked. The same overloads: an event on an alert or a seizure names its audience.
 */
export function eventFor<T extends MembersEventType>(ctx: ServiceContext, operationId: string, type: T, data: EventData[T]): NewEvent;
export function eventFor<T extends NeedToKnowEventType>(
  ctx: ServiceContext,
  operationId: string,
  type: T,
  data: EventData[T],
  audienceAgencyIds: string[] | null,
): NewEvent;
export function eventFor(
  ctx: ServiceContext,
  operationId: string,
  type: RecordedEventType,
  data: EventData[RecordedEventType],
  audienceAgencyIds: string[] | null = null,
): NewEvent {
  return newEvent(ctx, operationId, type, data, audienceAgencyIds);
}

function newEvent(
  ctx: ServiceContext,
  operationId: string,
  type: RecordedEventType,
  data: EventData[RecordedEventType],
  audienceAgencyIds: string[] | null,
): NewEvent {
  // The overloads have tied the data to its type; the implementation only passes them on.
  return { operationId, type, occurredAt: ctx.clock.now(), actorUserId: ctx.viewer?.userId ?? null, audienceAgencyIds, data } as NewEvent;
}

/**
 * Records several events of one type on what the caller just did, each with the audience of what
 * it names, numbered consecutively in the order given (a file's reports, one event each).
 */
export function recordEvents<T extends NeedToKnowEventType>(
  tx: Db,
  ctx: ServiceContext,
  operationId: string,
  type: T,
  events: readonly { data: EventData[T]; audienceAgencyIds: string[] | null }[],
): Promise<number[]> {
  const occurredAt = ctx.clock.now();
  const actorUserId = ctx.viewer?.userId ?? null;
  return appendEvents(
    tx,
    // As in recordEvent: the signature has tied the data to its type.
    events.map(({ data, audienceAgencyIds }) => ({ operationId, type, occurredAt, actorUserId, audienceAgencyIds, data }) as NewEvent),
  );
}
