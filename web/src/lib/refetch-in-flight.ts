import type { DocumentNode, SelectionSetNode } from 'graphql';
import { type Exchange, makeOperation, mapExchange } from 'urql';

/**
 * Reads again a query whose answer was on its way while an event changed what it shows.
 *
 * An event drops the fields it changes from the cache, and the cache asks the screens showing them
 * again; but a query already in flight is not asked again, and the answer that lands may have been
 * read before the change. Two agencies accepting an invitation a moment apart show it: the first
 * acceptance makes the gate ask again, the second arrives while that read is in flight, and the gate
 * would stay "Not met" with both accepted. Here a query in flight that selects a changed field is
 * read again from the network as soon as its answer has landed.
 *
 *   const inFlight = refetchInFlight();
 *   new Client({ exchanges: [cacheExchange(…), inFlight.exchange, fetchExchange] });
 *   inFlight.changed(['phaseGate']); // beside cache.invalidate, in an event's update
 *
 * The exchange goes between the cache and the network, where it sees the queries that leave. A query
 * that selects none of the changed fields is left alone: a room taking a hundred alerts a second
 * must not read each of its pages again and again.
 */
export function refetchInFlight(): { exchange: Exchange; changed(fields: Iterable<string>): void } {
  const inFlight = new Map<number, { fields: ReadonlySet<string>; stale: boolean }>();

  const exchange: Exchange = (input) =>
    mapExchange({
      onOperation(operation) {
        if (operation.kind === 'query') inFlight.set(operation.key, { fields: fieldsOf(operation.query), stale: false });
      },
      onResult(result) {
        const { operation } = result;
        if (operation.kind !== 'query' || result.hasNext) return;
        const flight = inFlight.get(operation.key);
        inFlight.delete(operation.key);
        // Queued now and sent once this answer has reached the screens: urql dispatches on a microtask.
        if (flight?.stale) {
          input.client.reexecuteOperation(makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }));
        }
      },
    })(input);

  return {
    exchange,
    changed(fields) {
      const names = [...fields];
      for (const flight of inFlight.values()) {
        if (names.some((name) => flight.fields.has(name))) flight.stale = true;
      }
    },
  };
}

const fieldsByDocument = new WeakMap<DocumentNode, ReadonlySet<string>>();

/** Every field name a query selects, its fragments' included (they travel in the same document). */
function fieldsOf(document: DocumentNode): ReadonlySet<string> {
  let fields = fieldsByDocument.get(document);
  if (!fields) {
    const names = new Set<string>();
    const walk = (selectionSet: SelectionSetNode | undefined) => {
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === 'Field') names.add(selection.name.value);
        if (selection.kind !== 'FragmentSpread') walk(selection.selectionSet);
      }
    };
    for (const definition of document.definitions) {
      if (definition.kind === 'OperationDefinition' || definition.kind === 'FragmentDefinition') walk(definition.selectionSet);
    }
    fields = names;
    fieldsByDocument.set(document, fields);
  }
  return fields;
}
