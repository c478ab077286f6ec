import { randomUUID } from 'node:crypto';
import { eq, type Logger } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { operations } from '@jointops/server/db/schema/operations';
import { encodeGlobalId } from '@jointops/server/global-id';
import type { TestApp } from '../testkit/app';
import type { Actor, OperationKit } from '../testkit/operations';
import { seizureInput, seizureKit } from '../testkit/seizures';

// Something that exists but is not the caller's to see is answered exactly as something that does
// not exist: the same answer, byte for byte, after the same work. Timing differences come from
// work done, so the work is what is compared: the SQL statements the server sends, in order.

let testApp: TestApp;
let kit: OperationKit;
let seizures: ReturnType<typeof seizureKit>;
let room: Awaited<ReturnType<typeof roomWithSecrets>>;

const it = withApp({ env: { LIVE_CATCH_UP_INTERVAL_MS: '60000' } });

it.beforeAll(async ({ app, kit: fileKit }) => {
  // The live catch-up runs on a timer: kept out of the way of the statements counted here.
  testApp = app;
  kit = fileKit;
  seizures = seizureKit(kit);
  room = await roomWithSecrets();
});

type DrizzleSession = { logger: Logger; options: { logger?: Logger } };

/** The SQL text of every statement the server sends while `call` runs, in order (parameters aside). */
async function statementsDuring<T>(call: () => Promise<T>): Promise<{ value: T; statements: string[] }> {
  const session = (testApp.database.db as unknown as { session: DrizzleSession }).session;
  const [logger, optionsLogger] = [session.logger, session.options.logger];
  const statements: string[] = [];
  // Transactions open sessions of their own from the options, so both are wrapped.
  const recorder: Logger = { logQuery: (query) => void statements.push(query.replace(/\s+/g, ' ').trim()) };
  session.logger = recorder;
  session.options.logger = recorder;
  try {
    return { value: await call(), statements };
  } finally {
    session.logger = logger;
    session.options.logger = optionsLogger;
  }
}

/** A room in OPERATIONAL where Malaysia sends Thailand a RESTRICTED alert and keeps a DRAFT seizure. */
async function roomWithSecrets() {
  const room = await kit.jointOperation();
  const indonesia = await room.operation.join(await kit.actor(await kit.seed.agency({ countryCode: 'ID' })));
  const outsider = await kit.actor(await kit.seed.agency({ countryCode: 'VN' }));
  await room.operation.advanceTo('OPERATIONAL');
  const { result: alert } = await kit.mutate(room.malaysia, 'raiseAlert', {
    operationId: room.operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Consignee known to our intelligence unit',
    marking: 'RED',
    distribution: 'RESTRICTED',
    recipientAgencyIds: [room.thailand.agency.globalId],
  });
  const draft = await seizures.reported(
    room.malaysia,
    seizureInput(room.operation, await seizures.commodity(room.malaysia, 'AMMONIUM_NITRATE'), { submit: false }),
  );
  return { ...room, indonesia, outsider, restrictedAlertId: alert!.id as string, draftId: draft };
}

/** `mutation` on an existing id the caller may not see and on a made-up one: both answers and both statement lists. */
async function bothPaths(caller: Actor, mutation: string, hidden: Record<string, unknown>, madeUp: Record<string, unknown>) {
  const document = `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) {
    ${mutation}(input: $input) { __typename ... on Error { code message } }
  }`;
  const call = (input: Record<string, unknown>) => statementsDuring(() => testApp.graphql(document, { input }, { token: caller.token }));
  // Once each beforehand, so that both runs meet warm caches alike.
  await call(hidden);
  await call(madeUp);
  return { hidden: await call(hidden), madeUp: await call(madeUp) };
}

describe('an existing alert the caller may not see, and a made-up id', () => {
  it.each([
    ['acknowledgeAlert', {}],
    ['commentOnAlert', { body: 'Seen it.' }],
    ['giveAlertFeedback', { outcome: 'NOTHING_FOUND' }],
  ])('get the same %s answer after the same statements, for a member outside the audience and for an outsider', async (mutation, rest) => {
    const { indonesia, outsider, restrictedAlertId } = room;
    const madeUpId = encodeGlobalId('Alert', randomUUID());
    for (const caller of [indonesia, outsider]) {
      const { hidden, madeUp } = await bothPaths(caller, mutation, { alertId: restrictedAlertId, ...rest }, { alertId: madeUpId, ...rest });
      expect(hidden.value.data).toEqual({ [mutation]: { __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Alert not found.' } });
      expect(JSON.stringify(hidden.value.data)).toBe(JSON.stringify(madeUp.value.data));
      expect(hidden.statements.length).toBeGreaterThan(0);
      expect(hidden.statements).toEqual(madeUp.statements);
    }
  });
});

describe("another agency's DRAFT seizure, and a made-up id", () => {
  it.each([
    ['submitSeizure', {}],
    ['verifySeizure', {}],
    ['rejectSeizure', { reason: 'The place is missing.' }],
  ])('get the same %s answer after the same statements', async (mutation, rest) => {
    const { planner, thailand, draftId } = room;
    const madeUpId = encodeGlobalId('Seizure', randomUUID());
    for (const caller of [thailand, planner]) {
      const { hidden, madeUp } = await bothPaths(caller, mutation, { seizureId: draftId, ...rest }, { seizureId: madeUpId, ...rest });
      expect(hidden.value.data).toEqual({ [mutation]: { __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Seizure not found.' } });
      expect(JSON.stringify(hidden.value.data)).toBe(JSON.stringify(madeUp.value.data));
      expect(hidden.statements).toEqual(madeUp.statements);
    }
  });
});

describe('a person of another agency the caller shares no operation with, and a made-up id', () => {
  it('look the same through node(id), after the same statements', async () => {
    const stranger = await kit.seed.user({ agency: await kit.seed.agency({ countryCode: 'KH' }) });
    const madeUp = encodeGlobalId('User', randomUUID());
    const look = (id: string) =>
      statementsDuring(() => testApp.graphql('query($id: ID!) { node(id: $id) { id } }', { id }, { token: room.thailand.token }));
    await look(stranger.globalId);
    await look(madeUp);

    const [hidden, missing] = [await look(stranger.globalId), await look(madeUp)];
    expect(hidden.value.data).toEqual({ node: null });
    expect(missing.value.data).toEqual(hidden.value.data);
    expect(hidden.statements).toEqual(missing.statements);
  });
});

describe('a taken operation code', () => {
  const create = (by: Actor, code: string) =>
    statementsDuring(async () => kit.mutate(by, 'createOperation', await kit.operationInput(by, { code })));

  it('is refused with one answer, after the same statements, whether the caller can see the operation that holds it or not', async () => {
    const { operation, planner } = room;
    const stranger = await kit.actor(await kit.seed.agency({ countryCode: 'FR' }));
    await create(planner, operation.code);
    await create(stranger, operation.code);

    const own = await create(planner, operation.code);
    const theirs = await create(stranger, operation.code);
    expect(own.value.result).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      message: expect.any(String),
      fieldErrors: [{ path: ['code'], message: 'An operation with this code already exists' }],
    });
    expect(theirs.value).toEqual(own.value);
    expect(theirs.statements).toEqual(own.statements);
  });

  it('means nothing to an administrator, who is refused before the code is read, taken or free', async () => {
    const { operation } = room;
    const admin = await kit.actor(await kit.seed.agency({ countryCode: 'BE' }), { isAdmin: true });
    const freeCode = `PGS-FREE-${randomUUID().slice(0, 8).toUpperCase()}`;

    const taken = await create(admin, operation.code);
    const free = await create(admin, freeCode);
    expect(taken.value).toEqual({ result: null, refusal: 'FORBIDDEN' });
    expect(free.value).toEqual(taken.value);
    expect(free.statements).toEqual(taken.statements);
    expect(await testApp.database.db.select().from(operations).where(eq(operations.code, freeCode))).toEqual([]);
  });
});
