import { expect } from 'vitest';
import type { TestApp } from '../testkit/app';
import type { Actor, OperationDriver } from '../testkit/operations';
import { openSse, type SseStream } from '../testkit/sse';
import { openSocket, subscribe, type LiveSubscription, type TestSocket } from '../testkit/ws';

// For the session-channels suites: one person following an operation over both live transports
// at once, and the measures of how their channels end.

export const STREAM = 'subscription($id: ID!, $after: String) { operationEvents(operationId: $id, after: $after) { type } }';
export type StreamEvent = { operationEvents: { type: string } };

/** What the issue asks: every channel of an ended session closed everywhere within a second. */
export const ENDED_WITHIN_MS = 1_000;

/** The last payload an SSE stream gets when its session ends, before `complete`. */
export const SESSION_ENDED_OVER_SSE = {
  errors: [expect.objectContaining({ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } })],
};

export interface Follower {
  sse: SseStream<StreamEvent>;
  socket: TestSocket;
  ws: LiveSubscription<StreamEvent>;
  /** Event types received so far over each transport (error payloads left out). */
  types(): { sse: string[]; ws: string[] };
  dispose(): Promise<void>;
}

/** The end of the operation's timeline now: a stream opened from it misses nothing after. */
export async function timelineEnd(operation: OperationDriver, viewer: Actor = operation.coordinator): Promise<string> {
  const edges = (await operation.view(viewer, 'timeline(first: 500) { edges { cursor } }'))!.timeline.edges as { cursor: string }[];
  return edges.at(-1)!.cursor;
}

/** `token`'s holder follows the operation on `app` over SSE and over a WebSocket, both from `after`. */
export function follow(app: TestApp, operationId: string, token: string, after: string): Follower {
  const variables = { id: operationId, after };
  const sse = openSse<StreamEvent>(`${app.url}/graphql`, STREAM, variables, { authorization: `Bearer ${token}` });
  const socket = openSocket(app.wsUrl, { token });
  const ws = subscribe<StreamEvent>(socket, STREAM, variables);
  const typesOf = (payloads: { data?: StreamEvent | null }[]) =>
    payloads.flatMap((payload) => (payload.data ? [payload.data.operationEvents.type] : []));
  return {
    sse,
    socket,
    ws,
    types: () => ({ sse: typesOf(sse.received), ws: typesOf(ws.received.map((data) => ({ data }))) }),
    async dispose() {
      sse.close();
      await socket.dispose();
    },
  };
}

/** Waits until every follower has received `count` events of `type` over both transports. */
export async function received(followers: Follower[], type: string, count = 1): Promise<void> {
  const enough = (types: string[]) => types.filter((candidate) => candidate === type).length >= count;
  await Promise.all(
    followers.flatMap((follower) => [
      follower.sse.until(() => enough(follower.types().sse)),
      follower.ws.until(() => enough(follower.types().ws)),
    ]),
  );
}

/** Resolves with `ended` and the time from `started`, or rejects once `ms` from `started` have passed. */
async function within<T>(ended: Promise<T>, started: number, ms: number, what: string): Promise<{ value: T; elapsedMs: number }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} still open ${ms} ms after the session ended`)),
      Math.max(0, started + ms - performance.now()),
    );
  });
  try {
    const value = await Promise.race([ended, late]);
    return { value, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/** How both of the follower's channels ended, each within `ms` of `started`. */
export async function bothEnded(follower: Follower, started: number, ms = ENDED_WITHIN_MS) {
  const [sse, ws] = await Promise.all([
    within(follower.sse.ended, started, ms, 'the SSE stream'),
    within(follower.socket.closed, started, ms, 'the WebSocket'),
  ]);
  return { sse: sse.value, sseMs: sse.elapsedMs, wsCode: ws.value.code, wsMs: ws.elapsedMs };
}

/** A readiness test alert, to every participant: what a signed-out person must no longer receive. */
export async function raiseAlert(operation: OperationDriver, by: Actor): Promise<void> {
  await operation.readinessTest(by);
}

/** The people of one story: the victim's session ends; the bystander, in another agency, goes on. */
export interface Cast {
  operation: OperationDriver;
  planner: Actor;
  victim: Actor;
  bystander: Actor;
  admin: Actor;
}

const ok = async (app: TestApp, mutation: string, input: Record<string, unknown> | null, token: string, field: string) => {
  const response = await app.graphql(mutation, input ? { input } : {}, { token });
  const result = response.data?.[field];
  if (response.errors || (typeof result === 'object' && result?.__typename?.endsWith('Error')) || result === false) {
    throw new Error(`${field} failed: ${JSON.stringify(response)}`);
  }
};

/** Every way a session ends at once, done on `app`, as the person or an administrator does it. */
export const SESSION_ENDINGS: readonly { name: string; end(app: TestApp, cast: Cast): Promise<void> }[] = [
  { name: 'signing out', end: (app, { victim }) => ok(app, 'mutation { logout }', null, victim.token, 'logout') },
  {
    name: 'the deactivation of their account',
    end: (app, { victim, admin }) =>
      ok(
        app,
        'mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { __typename } }',
        { userId: victim.globalId },
        admin.token,
        'deactivateUser',
      ),
  },
  {
    name: 'a new password set by an administrator',
    end: (app, { victim, admin }) =>
      ok(
        app,
        'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { __typename } }',
        { userId: victim.globalId, newPassword: 'a brand new passphrase' },
        admin.token,
        'resetUserPassword',
      ),
  },
  {
    name: 'a new password the person chose while signed in elsewhere',
    end: async (app, { victim }) => {
      const login = await app.graphql('mutation($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }', {
        input: { email: victim.email, password: victim.password },
      });
      await ok(
        app,
        'mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { __typename } }',
        { currentPassword: victim.password, newPassword: 'a brand new passphrase' },
        login.data!.login.token,
        'changeMyPassword',
      );
    },
  },
  {
    name: 'the deactivation of their agency',
    end: (app, { victim, admin }) =>
      ok(
        app,
        'mutation($input: DeactivateAgencyInput!) { deactivateAgency(input: $input) { __typename } }',
        { agencyId: victim.agency.globalId },
        admin.token,
        'deactivateAgency',
      ),
  },
];
