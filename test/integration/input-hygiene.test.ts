import { randomUUID } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect } from 'vitest';
import { withApp } from '../testkit/fixtures';
import { auditEntries } from '@jointops/server/db/schema/audit';
import { UNEXPECTED_FAILURE_REASON } from '@jointops/server/journal/audited';
import type { TestApp } from '../testkit/app';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import { csvFile, seizureKit } from '../testkit/seizures';

// A NUL byte used to travel from a comment, a title, a subject or a CSV cell down to PostgreSQL,
// which cannot store it: an unexplained INTERNAL_SERVER_ERROR, no audit entry, and the failed SQL
// with every parameter in the log. Now the shared schemas refuse it against its field, and when
// something unexpected fails all the same, it is audited as a refusal and logged without a word
// of what was sent.

const NUL = '\u0000';

let testApp: TestApp;
let kit: OperationKit;
let seizures: ReturnType<typeof seizureKit>;
let room: { operation: OperationDriver; malaysia: Actor; alertId: string };
const logLines: string[] = [];

const it = withApp({ env: { LOG_LEVEL: 'debug' }, logDestination: { write: (line: string) => void logLines.push(line) } });

it.beforeAll(async ({ app, kit: fileKit }) => {
  testApp = app;
  kit = fileKit;
  seizures = seizureKit(kit);
  const { operation, malaysia } = await kit.jointOperation();
  await operation.advanceTo('OPERATIONAL');
  const { result } = await kit.mutate(malaysia, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'MEDIUM',
    title: 'Consignee known to our intelligence unit',
    marking: 'AMBER',
    distribution: 'ALL_PARTICIPANTS',
  });
  room = { operation, malaysia, alertId: result!.id as string };
});

async function auditSince<T>(call: () => Promise<T>) {
  const { db } = testApp.database;
  const [last] = await db.select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)::int` }).from(auditEntries);
  const value = await call();
  return { value, audit: await db.select().from(auditEntries).where(gt(auditEntries.id, last!.id)).orderBy(asc(auditEntries.id)) };
}

describe('a control character sent to the API', () => {
  it.each([
    ['commentOnAlert', 'body', () => ({ alertId: room.alertId, body: `Seen at gate 4${NUL}` })],
    [
      'raiseAlert',
      'title',
      () => ({
        operationId: room.operation.id,
        idempotencyKey: randomUUID(),
        category: 'TEST',
        severity: 'LOW',
        title: `Test${NUL}`,
        marking: 'CLEAR',
        distribution: 'ALL_PARTICIPANTS',
      }),
    ],
    [
      'raiseAlert',
      'subject.vessel.name',
      () => ({
        operationId: room.operation.id,
        idempotencyKey: randomUUID(),
        category: 'INTELLIGENCE',
        severity: 'LOW',
        title: 'Tip-off',
        subject: { vessel: { name: `KOTA${NUL}` } },
        marking: 'CLEAR',
        distribution: 'ALL_PARTICIPANTS',
      }),
    ],
  ] as const)('in %s is a ValidationError on %s, audited as a refusal', async (mutation, field, input) => {
    const { value, audit } = await auditSince(() => kit.mutate(room.malaysia, mutation, input()));
    expect(value.result).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      fieldErrors: [{ path: field.split('.'), message: 'Must not contain control characters' }],
    });
    expect(audit).toMatchObject([{ action: mutation, outcome: 'REFUSED', reason: expect.stringMatching(/^VALIDATION: /) }]);
  });

  it('in a cell of an imported file refuses the file, naming the row and the column', async () => {
    const row = {
      seized_at: '2026-06-01T06:00Z',
      country_code: 'MY',
      place: `Port Klang${NUL}`,
      location_type: 'SEAPORT',
      commodity_code: 'AMMONIUM_NITRATE',
      quantity: '24',
      unit: 'T',
      detection_method: 'X_RAY',
      transport_mode: 'SEA',
      linked_alert_references: `${room.operation.code}/A-0002${NUL}`,
    };
    const { value, audit } = await auditSince(() => seizures.importFile(room.malaysia, room.operation, csvFile([row])));
    expect(value.result).toMatchObject({
      __typename: 'ImportRejectedError',
      rowErrors: [
        { row: 1, column: 'place', message: 'Must not contain control characters' },
        { row: 1, column: 'linked_alert_references', message: 'Must not contain control characters' },
      ],
    });
    expect(audit).toMatchObject([{ action: 'importSeizures', outcome: 'REFUSED', reason: expect.stringMatching(/^IMPORT_REJECTED: /) }]);
  });
});

describe('an unexpected failure', () => {
  // A rule of the database the server does not know of: it refuses comments with a word in them,
  // and quotes the comment in its error, as PostgreSQL's own errors quote the values they refuse.
  beforeAll(async () => {
    const { db } = testApp.database;
    await db.execute(
      sql.raw(`
      create function refuse_marked_comment() returns trigger language plpgsql as $$
      begin
        if new.body like '%MARKED%' then raise exception 'comment refused: %', new.body; end if;
        return new;
      end $$`),
    );
    await db.execute(
      sql.raw('create trigger refuse_marked_comment before insert on alert_comments for each row execute function refuse_marked_comment()'),
    );
  });

  it('is masked, audited as a refusal, and logged without the request, its SQL or its parameters', async () => {
    const secret = `MARKED seizure at berth ${randomUUID()}`;
    logLines.length = 0;
    const { value: response, audit } = await auditSince(() =>
      testApp.graphql(
        'mutation($input: CommentOnAlertInput!) { commentOnAlert(input: $input) { __typename } }',
        { input: { alertId: room.alertId, body: secret } },
        { token: room.malaysia.token, headers: { 'x-request-id': 'client-trace-0042' } },
      ),
    );

    expect(response.data?.commentOnAlert ?? null).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
    expect(JSON.stringify(response)).not.toContain('MARKED');

    expect(audit).toEqual([
      expect.objectContaining({
        action: 'commentOnAlert',
        outcome: 'REFUSED',
        reason: UNEXPECTED_FAILURE_REASON,
        actorUserId: room.malaysia.id,
        clientRequestId: 'client-trace-0042',
      }),
    ]);
    expect(audit[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const log = logLines.join('');
    expect(log).not.toContain('MARKED');
    expect(log).not.toContain('seizure at berth');
    expect(log).not.toMatch(/insert into|params|"query"/i);
    // The failure was logged all the same (its class, code and where it was thrown), so an operator sees it happened.
    expect(log).toMatch(/"type":"DrizzleQueryError"/);
    expect(log).toMatch(/"code":"P0001"/);
  });
});

describe('the audit trail of a request', () => {
  it("keeps the server's own request id, and the client's beside it when it looks like one", async () => {
    const comment = (headers: Record<string, string>) =>
      auditSince(() =>
        testApp.graphql(
          'mutation($input: CommentOnAlertInput!) { commentOnAlert(input: $input) { __typename } }',
          { input: { alertId: room.alertId, body: 'Briefed.' } },
          { token: room.malaysia.token, headers },
        ),
      );

    const claimed = await comment({ 'x-request-id': 'escalator' });
    expect(claimed.audit).toMatchObject([{ action: 'commentOnAlert', outcome: 'SUCCEEDED', clientRequestId: 'escalator' }]);
    expect(claimed.audit[0]!.requestId).not.toBe('escalator');
    expect(claimed.audit[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const unruly = await comment({ 'x-request-id': `${'x'.repeat(129)}` });
    expect(unruly.audit).toMatchObject([{ clientRequestId: null }]);
    const spaced = await comment({ 'x-request-id': 'two words' });
    expect(spaced.audit).toMatchObject([{ clientRequestId: null }]);
  });
});
