import type { TestApp } from './app';
import { seesOperation, type World, type WorldOperation, type WorldUser } from './isolation-model';
import type { TimelineEvent } from './isolation-reads';
import type { Verdicts } from './isolation-scan';
import { openSocket, type TestSocket } from './ws';
import type { Fields } from './graphql';

// `operationEvents` over both transports, as the isolation property reads it: a replay from a
// cursor, then live. A stream collects what it receives until the property has what it needs.

/**
 * What names an entity in each event, by id: enough for the scan to find anything the stream should
 * not carry (the timeline reads the full content of the same events over HTTP).
 */
export const STREAM = `subscription($operationId: ID!, $after: String) { operationEvents(operationId: $operationId, after: $after) { cursor type
  ... on ParticipationChangedEvent { participation { id } } ... on MemberAssignedEvent { member { id } } ... on MemberRemovedEvent { member { id } }
  ... on AlertRaisedEvent { alert { id } } ... on AlertAcknowledgedEvent { alert { id } } ... on AlertFeedbackGivenEvent { alert { id } }
  ... on AlertCommentedEvent { alert { id } } ... on AlertReconciledEvent { alert { id } seizure { id } }
  ... on SeizureReportedEvent { seizure { id } } ... on SeizureSubmittedEvent { seizure { id } } ... on SeizureVerifiedEvent { seizure { id } }
  ... on SeizureRejectedEvent { seizure { id } } ... on LicitShipmentsCheckedEvent { check { id } } ... on DatabaseChecksRecordedEvent { check { id } } } }`;

export interface EventStream {
  readonly transport: 'graphql-ws' | 'SSE';
  readonly events: Fields[];
  readonly errors: unknown;
  readonly ended: boolean;
  /** Times the server ended the stream and it was subscribed again from its last cursor. */
  readonly resubscriptions: number;
  /** Resolves once `ready` holds, checked on every message; rejects after `timeoutMs`. */
  until(ready: () => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** One subscription on the wire: what it received so far, and whether it ended. */
interface Connection {
  events: Fields[];
  errors: unknown;
  ended: boolean;
  close(): void;
}

type Open = (after: string | null, changed: () => void) => Connection;

/** One socket per user, over which each of their subscriptions runs. */
export function socketFor(testApp: TestApp, viewer: WorldUser): TestSocket {
  return openSocket(testApp.wsUrl, { token: viewer.token });
}

const overWebSocket =
  (socket: TestSocket, operationId: string): Open =>
  (after, changed) => {
    const connection: Connection = { events: [], errors: undefined, ended: false, close: () => undefined };
    connection.close = socket.client.subscribe<{ operationEvents: Fields }>(
      { query: STREAM, variables: { operationId, after } },
      {
        next: (value) => {
          if (value.errors) connection.errors = value.errors;
          else if (value.data) connection.events.push(value.data.operationEvents);
          changed();
        },
        error: (error) => {
          connection.errors = error;
          changed();
        },
        complete: () => {
          connection.ended = true;
          changed();
        },
      },
    );
    return connection;
  };

/** GraphQL over SSE (distinct connections): a POST answered with `event:` / `data:` blocks. */
const overSse =
  (testApp: TestApp, viewer: WorldUser, operationId: string): Open =>
  (after, changed) => {
    const abort = new AbortController();
    const connection: Connection = { events: [], errors: undefined, ended: false, close: () => abort.abort() };
    const handle = (block: string) => {
      const lines = block.split('\n');
      const event = lines
        .find((line) => line.startsWith('event:'))
        ?.slice(6)
        .trim();
      const data = lines
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5))
        .join('\n')
        .trim();
      if (event === 'complete') connection.ended = true;
      else if (data) {
        const body = JSON.parse(data) as { data?: { operationEvents: Fields }; errors?: unknown };
        if (body.errors) connection.errors = body.errors;
        else if (body.data) connection.events.push(body.data.operationEvents);
      }
    };
    void (async () => {
      try {
        const response = await fetch(`${testApp.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${viewer.token}` },
          body: JSON.stringify({ query: STREAM, variables: { operationId, after } }),
          signal: abort.signal,
        });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
            handle(buffered.slice(0, end));
            buffered = buffered.slice(end + 2);
            changed();
          }
        }
      } catch (error) {
        if (!abort.signal.aborted) connection.errors ??= error;
      }
      connection.ended = true;
      changed();
    })();
    return connection;
  };

/**
 * A stream followed as a client follows it: the server ends a stream after an event that changes
 * the viewer's own role, and the client subscribes again from the last cursor it received.
 */
function follow(transport: EventStream['transport'], open: Open, after: string | null): EventStream {
  const state = { events: [] as Fields[], errors: undefined as unknown, ended: false, resubscriptions: 0, closed: false };
  const checks = new Set<() => void>();
  let connection: Connection;
  const connect = (from: string | null) => {
    let taken = 0;
    const current: Connection = open(from, () => {
      if (state.closed || current !== connection) return;
      state.events.push(...current.events.slice(taken));
      taken = current.events.length;
      if (current.errors) {
        state.errors = current.errors;
        state.ended = true;
      } else if (current.ended && state.resubscriptions < 20) {
        state.resubscriptions += 1;
        connect((state.events.at(-1)?.cursor as string | undefined) ?? from);
      } else if (current.ended) state.ended = true;
      for (const check of checks) check();
    });
    connection = current;
  };
  connect(after);
  return {
    transport,
    get events() {
      return state.events;
    },
    get errors() {
      return state.errors;
    },
    get ended() {
      return state.ended;
    },
    get resubscriptions() {
      return state.resubscriptions;
    },
    until(ready, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!ready()) return;
          clearTimeout(timer);
          checks.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(
            new Error(
              `${transport} stream timed out after ${timeoutMs} ms with ${state.events.length} events, errors ${JSON.stringify(state.errors)}`,
            ),
          );
        }, timeoutMs);
        checks.add(check);
        check();
      });
    },
    close() {
      state.closed = true;
      connection.close();
    },
  };
}

/**
 * Every user subscribes to every operation of the world over both transports, replaying from an
 * early cursor of their own timeline (someone who may not see the operation tries the planner's).
 * The planner then edits the operation: that edit is the line after which the replay must have
 * delivered exactly the user's timeline after the cursor, in order — and nothing to anyone else.
 */
export async function checkStreams(
  testApp: TestApp,
  world: World,
  verdicts: Verdicts,
  timelines: Map<string, TimelineEvent[]>,
  replayFrom: number,
  edit: (operation: WorldOperation, planner: WorldUser) => Promise<void>,
): Promise<{ streams: number; resubscriptions: number }> {
  const figures = { streams: 0, resubscriptions: 0 };
  const sockets = new Map(world.users.map((viewer) => [viewer.id, socketFor(testApp, viewer)]));
  try {
    for (const operation of world.operations) {
      const planner = world.users.find((user) => user.id === operation.plannerId)!;
      const opened = world.users.flatMap((viewer) => {
        const sees = seesOperation(viewer, operation);
        const source = timelines.get(`${(sees ? viewer : planner).id}:${operation.id}`) ?? [];
        const start = replayFrom % Math.max(1, Math.min(3, source.length));
        const after = source[start]?.cursor ?? null;
        const expected = sees ? source.slice(start + 1).map((event) => event.cursor) : [];
        return [
          follow('graphql-ws', overWebSocket(sockets.get(viewer.id)!, operation.globalId), after),
          follow('SSE', overSse(testApp, viewer, operation.globalId), after),
        ].map((stream) => ({ viewer, sees, stream, expected }));
      });
      await edit(operation, planner);
      const edited = (stream: EventStream) => stream.events.findIndex((event) => event.type === 'OPERATION_UPDATED');
      await Promise.all(
        opened.map(({ sees, stream }) => stream.until(() => (sees ? edited(stream) >= 0 : stream.ended || !!stream.errors))),
      );
      for (const { viewer, sees, stream, expected } of opened) {
        const path = `${stream.transport} replay`;
        verdicts.scan(path, viewer, stream.events);
        const replayed = sees
          ? stream.events.slice(0, edited(stream)).map((event) => event.cursor as string)
          : stream.events.map((event) => event.cursor as string);
        for (const cursor of new Set([...replayed, ...expected]))
          verdicts.expect(path, viewer, `event ${cursor} of ${operation.code}`, replayed.includes(cursor), expected.includes(cursor));
        verdicts.expectEqual(path, viewer, 'the order of events', replayed, expected);
        if (!sees) verdicts.expect(`${stream.transport} subscribe`, viewer, `a stream of ${operation.code}`, !stream.errors, false);
        stream.close();
        figures.streams += 1;
        figures.resubscriptions += stream.resubscriptions;
      }
    }
    return figures;
  } finally {
    await Promise.all([...sockets.values()].map((socket) => socket.dispose()));
  }
}
