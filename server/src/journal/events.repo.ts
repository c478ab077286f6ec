import { and, asc, desc, eq, gt, inArray, lt, type Placeholder, type SQL, sql, type WithSubquery } from 'drizzle-orm';
import { insertBatches } from '../db/batches';
import type { Db } from '../db/client';
import { auditEntries } from '../db/schema/audit';
import { operationEvents, operations } from '../db/schema/operations';
import type { NewAuditEntry } from './audit-entries.repo';
import type { EventType, JournalEvent, RecordedEventType, StoredEvent } from './event-catalogue';
import { eventsConcerning, eventsVisibleTo } from './events.policy';

export type NewEvent = JournalEvent<RecordedEventType> & {
  operationId: string;
  occurredAt: Date;
  actorUserId: string | null;
  /** Agencies that may see it; null = every member of the operation. */
  audienceAgencyIds: string[] | null;
};

// Only appendEvent and appendEvents write the log, and only what the catalogue declares: what is read back is a StoredEvent.
const asStored = (rows: (typeof operationEvents.$inferSelect)[]) => rows as StoredEvent[];

/**
 * Appends an event inside the caller's transaction. Bumping the operation's counter takes its row
 * lock until commit, so the next writer gets the next number only after this one is visible:
 * sequence order is commit order, and a reader reading "after N" never skips a slow writer. One
 * statement for both: it runs while the operation is locked, where each round trip counts.
 */
export async function appendEvent(tx: Db, event: NewEvent): Promise<number> {
  const bumped = bumpedSeq(tx, event.operationId);
  const [row] = await tx
    .with(bumped)
    .insert(operationEvents)
    .values({ ...event, seq: sql`(select ${bumped.seq} from ${bumped})` })
    .returning({ seq: operationEvents.seq });
  // An operation that vanished leaves the sequence null, which the log refuses: the insert fails.
  return row!.seq;
}

/** The event and audit entry a write's last statement appends (`journalEntries`), as that statement's placeholder values. */
export type JournalValues = Record<`event${string}` | `audit${string}`, unknown>;

/**
 * What appendEvent does, and the write's audit entry, as common table expressions for the write's
 * own last statement to carry (see `Finishing` in audited.ts): numbered the same way, under the
 * same row lock. Written with placeholders, so that the statement's text is built once (see
 * `preparedStatement`); `journalValues` gives their values.
 */
export function journalEntries(db: Db): WithSubquery[] {
  const bumped = bumpedSeq(db, sql.placeholder('eventOperationId'));
  return [
    bumped,
    db.$with('logged').as(
      db
        .insert(operationEvents)
        .values({
          operationId: sql.placeholder('eventOperationId'),
          seq: sql`(select ${bumped.seq} from ${bumped})`,
          type: sql.placeholder('eventType'),
          occurredAt: sql.placeholder('eventOccurredAt'),
          actorUserId: sql.placeholder('eventActorUserId'),
          audienceAgencyIds: sql.placeholder('eventAudienceAgencyIds'),
          data: sql.placeholder('eventData'),
        })
        .returning({ seq: operationEvents.seq }),
    ),
    db.$with('audited').as(
      db
        .insert(auditEntries)
        .values({
          occurredAt: sql.placeholder('auditOccurredAt'),
          actorUserId: sql.placeholder('auditActorUserId'),
          actorAgencyId: sql.placeholder('auditActorAgencyId'),
          action: sql.placeholder('auditAction'),
          targetType: sql.placeholder('auditTargetType'),
          targetId: sql.placeholder('auditTargetId'),
          operationId: sql.placeholder('auditOperationId'),
          outcome: sql.placeholder('auditOutcome'),
          requestId: sql.placeholder('auditRequestId'),
          clientRequestId: sql.placeholder('auditClientRequestId'),
          sourceAddress: sql.placeholder('auditSourceAddress'),
          details: sql.placeholder('auditDetails'),
        })
        .returning({ id: auditEntries.id }),
    ),
  ];
}

/** The values of `journalEntries`' placeholders for this event and audit entry (a refusal's reason is never journalled this way). */
export function journalValues(event: NewEvent, entry: NewAuditEntry): JournalValues {
  return {
    eventOperationId: event.operationId,
    eventType: event.type,
    eventOccurredAt: event.occurredAt,
    eventActorUserId: event.actorUserId,
    eventAudienceAgencyIds: event.audienceAgencyIds,
    eventData: event.data,
    auditOccurredAt: entry.occurredAt,
    auditActorUserId: entry.actorUserId ?? null,
    auditActorAgencyId: entry.actorAgencyId ?? null,
    auditAction: entry.action,
    auditTargetType: entry.targetType ?? null,
    auditTargetId: entry.targetId ?? null,
    auditOperationId: entry.operationId ?? null,
    auditOutcome: entry.outcome,
    auditRequestId: entry.requestId ?? null,
    auditClientRequestId: entry.clientRequestId ?? null,
    auditSourceAddress: entry.sourceAddress ?? null,
    auditDetails: entry.details ?? null,
  };
}

const bumpedSeq = (tx: Db, operationId: string | Placeholder) =>
  tx.$with('bumped').as(
    tx
      .update(operations)
      .set({ lastEventSeq: sql`${operations.lastEventSeq} + 1` })
      .where(eq(operations.id, operationId))
      .returning({ seq: operations.lastEventSeq }),
  );

/**
 * Appends events of one operation in the order given, numbered as appendEvent would number them
 * one after the other, with one bump of the counter: the N numbers are reserved under the same row
 * lock, so they are consecutive, with no other writer's event among them, and in commit order.
 */
export async function appendEvents(tx: Db, events: readonly NewEvent[]): Promise<number[]> {
  const operationId = events[0]?.operationId;
  if (!operationId) return [];
  if (events.some((event) => event.operationId !== operationId)) throw new Error('appendEvents takes the events of one operation');
  const [row] = await tx
    .update(operations)
    .set({ lastEventSeq: sql`${operations.lastEventSeq} + ${events.length}` })
    .where(eq(operations.id, operationId))
    .returning({ seq: operations.lastEventSeq });
  if (!row) throw new Error(`operation ${operationId} vanished while appending events`);
  const first = row.seq - events.length + 1;
  const numbered = events.map((event, index) => ({ ...event, seq: first + index }));
  for (const batch of insertBatches(operationEvents, numbered)) await tx.insert(operationEvents).values(batch);
  return numbered.map((event) => event.seq);
}

/** Narrows a timeline read: only these stored types; only what one agency did or what concerns it. */
export interface EventFilter {
  types?: readonly EventType[] | undefined;
  agencyId?: string | undefined;
}

function filterConditions(filter: EventFilter): (SQL | undefined)[] {
  const { types, agencyId } = filter;
  return [types ? inArray(operationEvents.type, [...types]) : undefined, agencyId ? eventsConcerning(agencyId) : undefined];
}

/** Where a timeline page starts: after a sequence number going forward, or before one going back (from the latest without it). */
export type EventPage = { after: number } | { before: number | null };

/** Events of a page that the viewer's agency may see: oldest first after `after`, newest first before `before`. */
export async function readEvents(
  db: Db,
  operationId: string,
  viewerAgencyId: string,
  page: EventPage,
  limit: number,
  filter: EventFilter = {},
): Promise<StoredEvent[]> {
  const forward = 'after' in page;
  const rows = await db
    .select()
    .from(operationEvents)
    .where(
      and(
        eq(operationEvents.operationId, operationId),
        forward ? gt(operationEvents.seq, page.after) : page.before === null ? undefined : lt(operationEvents.seq, page.before),
        eventsVisibleTo(viewerAgencyId),
        ...filterConditions(filter),
      ),
    )
    .orderBy(forward ? asc(operationEvents.seq) : desc(operationEvents.seq))
    .limit(limit);
  return asStored(rows);
}

/** Every event after `afterSeq`, whatever its audience: the live hub reads once and filters per subscriber. */
export async function readAllEvents(db: Db, operationId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db
    .select()
    .from(operationEvents)
    .where(and(eq(operationEvents.operationId, operationId), gt(operationEvents.seq, afterSeq)))
    .orderBy(asc(operationEvents.seq))
    .limit(limit);
  return asStored(rows);
}

/** The latest sequence number of each operation. */
export async function latestSeqs(db: Db, operationIds: string[]): Promise<Map<string, number>> {
  if (!operationIds.length) return new Map();
  const rows = await db
    .select({ id: operations.id, seq: operations.lastEventSeq })
    .from(operations)
    .where(inArray(operations.id, operationIds));
  return new Map(rows.map((row) => [row.id, row.seq]));
}

/** The operation's latest sequence number and the one its log has been pruned through. */
export async function eventHorizon(db: Db, operationId: string): Promise<{ head: number; prunedThrough: number }> {
  const [row] = await db
    .select({ head: operations.lastEventSeq, prunedThrough: operations.eventsPrunedThroughSeq })
    .from(operations)
    .where(eq(operations.id, operationId));
  return row ?? { head: 0, prunedThrough: 0 };
}
