import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import type { Fields } from '../testkit/graphql';

// Internal errors the mutation fuzz (mutation-fuzz.property.test.ts) found, each pinned by the
// input that caused it, so that they stay fixed whatever seed the fuzz runs with.

let kit: OperationKit;
let operation: OperationDriver;
let contactPoint: Actor;
let alertId: string;

it.beforeAll(async ({ kit: fileKit }) => {
  kit = fileKit;
  const cast = await kit.jointOperation();
  operation = cast.operation;
  contactPoint = cast.malaysia;
  await operation.advanceTo('PRE_OPERATIONAL');
  alertId = await operation.readinessTest();
});

const fieldErrors = (result: Fields | null) =>
  (result?.fieldErrors as { path: string[] }[] | undefined)?.map((error) => error.path.join('.'));

// JSON can carry half of a surrogate pair (`"\ud808"`), JavaScript strings can hold one, but
// PostgreSQL's jsonb refuses it: the fuzz's note with one failed deep in the database, and a text
// column silently stored U+FFFD instead. Such text is refused against its field before it gets there.
describe('text that is not well-formed Unicode (half of a surrogate pair)', () => {
  const halves = [
    ['a lone high surrogate', 'Inspected \ud808 nothing found'],
    ['a lone low surrogate', 'Inspected \udf07 nothing found'],
    ['the input the fuzz found', '⒓⟳\ud808\uffff\udf07'],
  ];

  it.each(halves)('in a feedback note (%s) is refused against the note', async (_, note) => {
    const { result } = await kit.mutate(contactPoint, 'giveAlertFeedback', { alertId, outcome: 'NOTHING_FOUND', note });
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(fieldErrors(result)).toEqual(['note']);
  });

  it.each(halves)('in a comment (%s) is refused against the body, not stored altered', async (_, body) => {
    const { result } = await kit.mutate(contactPoint, 'commentOnAlert', { alertId, body });
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(fieldErrors(result)).toEqual(['body']);
  });

  it('in a key of an intelligence subject is refused against that key, named with U+FFFD for the half', async () => {
    const { result } = await kit.mutate(contactPoint, 'raiseAlert', {
      operationId: operation.id,
      idempotencyKey: randomUUID(),
      category: 'TEST',
      severity: 'LOW',
      title: 'Readiness test',
      marking: 'GREEN',
      distribution: 'ALL_PARTICIPANTS',
      subject: { vessel: { 'name\udc00': 'MV Kota Lestari' } },
    });
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(fieldErrors(result)).toEqual(['subject.vessel.name\ufffd']);
  });

  it('is told apart from a well-formed pair, which is kept as sent', async () => {
    const body = 'Briefed the port team 👮‍♀️ (U+1F46E, a surrogate pair in UTF-16)';
    const { result } = await kit.mutate(contactPoint, 'commentOnAlert', { alertId, body });
    expect(result?.__typename).toBe('Alert');
    expect(result?.comments.map((comment: { body: string }) => comment.body)).toContain(body);
  });
});

// The fuzz's next find (seed 238467751): a NUL in a key deep in an intelligence subject was refused,
// but the refusal named the key as sent, and the audit row recording the refusal could not be
// stored (PostgreSQL keeps no NUL), so the caller got an internal error instead of the refusal.
describe('a control character in a key of a free subject', () => {
  it.each([
    ['a member', async () => contactPoint],
    ['an outsider', () => kit.actor()],
  ])('is refused for %s against that key, named with U+FFFD', async (_, who) => {
    const { result } = await kit.mutate(await who(), 'raiseAlert', {
      operationId: operation.id,
      idempotencyKey: randomUUID(),
      category: 'TEST',
      severity: 'CRITICAL',
      title: 'Readiness test',
      marking: 'GREEN',
      distribution: 'ALL_PARTICIPANTS',
      subject: { '-0': { 'D \u0000I_J+;': null, ok: 'kept' } },
    });
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(fieldErrors(result)).toEqual(['subject.-0.D \ufffdI_J+;']);
  });
});

// Seed 1517332568: a half pair in a key was named with U+FFFD, but a NUL in a key on the way to it
// was named as sent, and the refusal's audit row could not be stored: an internal error again.
describe('a half pair in a key below a key with a control character', () => {
  it('is refused against that key, every key on its path named with U+FFFD', async () => {
    const { result } = await kit.mutate(contactPoint, 'raiseAlert', {
      operationId: operation.id,
      idempotencyKey: randomUUID(),
      category: 'TEST',
      severity: 'LOW',
      title: 'Readiness test',
      marking: 'GREEN',
      distribution: 'ALL_PARTICIPANTS',
      subject: { 'a\u0000b': { '0': { 'x\udc00y': 'kept' } } },
    });
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(fieldErrors(result)).toEqual(['subject.a\ufffdb.0.x\ufffdy']);
  });
});
