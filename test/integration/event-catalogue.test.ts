import type { GraphQLInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '@jointops/server/graphql/schema';
import { EVENT_CATALOGUE, type EventType } from '@jointops/server/journal/event-catalogue';
import { eventTypenames } from '@jointops/server/modules/timeline/operation-event.graphql';

// A type a service records must reach clients as a GraphQL event type (or the timeline would carry
// rows no resolver can tell apart), and every GraphQL event type must stand for recorded types.

const implementers = schema
  .getPossibleTypes(schema.getType('OperationEvent') as GraphQLInterfaceType)
  .map((type) => type.name)
  .sort();
const mapped = [...eventTypenames.values()].flat();

describe('the event catalogue and the GraphQL event types', () => {
  it('declare every type of OperationEvent through eventType, for types of the catalogue', () => {
    expect([...eventTypenames.keys()].sort()).toEqual(implementers);
    expect(mapped.filter((type) => !(type in EVENT_CATALOGUE))).toEqual([]);
  });

  it('give every catalogue entry a GraphQL event type', () => {
    expect((Object.keys(EVENT_CATALOGUE) as EventType[]).filter((type) => !mapped.includes(type))).toEqual([]);
  });

  it('give each stored type one GraphQL type only, so an event resolves to one', () => {
    expect(mapped.filter((type, index) => mapped.indexOf(type) !== index)).toEqual([]);
  });
});
