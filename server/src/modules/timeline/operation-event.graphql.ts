import { builder } from '../../graphql/builder';
import { OperationEventTypeEnum } from '../../graphql/enums';
import { numericCursor } from '../../graphql/pagination';
import { type EventType, isEventOf, type StoredEvent } from '../../journal/event-catalogue';
import { UserType } from '../accounts/accounts.graphql';

// The OperationEvent interface and the one way to declare an event type of it: `eventType` ties a
// GraphQL name to the catalogue's stored types, so each field's resolver gets the event's data
// typed, and the mapping is the one the timeline filter and the catalogue test read.

const eventCursor = numericCursor('event');
export const encodeEventCursor = eventCursor.encode;

/** The sequence number a cursor stands for: 0 (the start) without one, null for a cursor that is not one. */
export const decodeEventCursor = (cursor: string | null | undefined): number | null => (cursor ? eventCursor.decode(cursor) : 0);

export const OperationEventInterface = builder.interfaceRef<StoredEvent>('OperationEvent').implement({
  fields: (t) => ({
    cursor: t.string({ resolve: (event) => encodeEventCursor(event.seq) }),
    type: t.expose('type', { type: OperationEventTypeEnum }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    // As the document asks for it, in one statement: a row read on its own is read again by the
    // drizzle plugin for the relations asked (the actor's agency), for every audience of every event.
    actor: t.drizzleField({
      type: UserType,
      nullable: true,
      resolve: (query, event, _args, ctx) =>
        event.actorUserId ? ctx.db.query.users.findFirst(query({ where: { id: event.actorUserId } })).then((user) => user ?? null) : null,
    }),
  }),
});

const storedTypesByTypename = new Map<string, readonly EventType[]>();

/** The stored event types behind each GraphQL event type, by GraphQL name. */
export const eventTypenames: ReadonlyMap<string, readonly EventType[]> = storedTypesByTypename;

type EventFields<T extends EventType> = Parameters<ReturnType<typeof builder.objectRef<StoredEvent<T>>>['implement']>[0]['fields'];

/** An event type of the OperationEvent interface, standing for these stored types. */
export const eventType = <T extends EventType>(name: string, types: readonly T[], fields?: EventFields<T>, description?: string) => {
  storedTypesByTypename.set(name, types);
  return builder
    .objectRef<StoredEvent<T>>(name)
    .implement({ description, interfaces: [OperationEventInterface], isTypeOf: (event) => isEventOf(event as StoredEvent, types), fields });
};
