import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tabsLock } from './link-signal';
import { Outbox, type LinkSignal } from './outbox';
import { openOutboxStore, type OutboxStore } from './outbox-store';
import type { OutboxWrite, SendResult } from './outbox-writes';

// A contact point at a border post on a link that comes and goes: what she writes while it is
// down waits in IndexedDB (fake-indexeddb here), survives a reload, goes once in the order made
// when the link is back, and a refusal stays for her to decide.

const ALERT = 'QWxlcnQ6MQ';
const comment = (body: string): OutboxWrite => ({
  kind: 'commentOnAlert',
  input: { alertId: ALERT, body },
  about: { alertReference: 'OP/A-0002' },
});
const acknowledgement: OutboxWrite = { kind: 'acknowledgeAlert', input: { alertId: ALERT } };

/** A link the test switches, telling its listeners as the browser would. */
function switchableLink(up = false) {
  const listeners = new Set<() => void>();
  const link: LinkSignal & { set(next: boolean): void } = {
    isUp: () => up,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      up = next;
      for (const listener of listeners) listener();
    },
  };
  return link;
}

/** The server as the outbox meets it: records each write by key, once, and answers as told. */
function fakeServer() {
  const received: { key: string; write: OutboxWrite }[] = [];
  const recorded = new Map<string, OutboxWrite>();
  let answer: (write: OutboxWrite) => SendResult = () => ({ kind: 'sent', written: { id: ALERT, reference: 'OP/A-0002' } });
  return {
    received,
    recorded,
    answerWith(next: (write: OutboxWrite) => SendResult) {
      answer = next;
    },
    async send(write: OutboxWrite, key: string): Promise<SendResult> {
      received.push({ key, write });
      const result = answer(write);
      if (result.kind === 'sent' && !recorded.has(key)) recorded.set(key, write);
      return result;
    },
  };
}

const opened: { stop(): void; store: OutboxStore }[] = [];
afterEach(() => {
  for (const { stop, store } of opened.splice(0)) {
    stop();
    store.close();
  }
});

/** One tab's outbox of `userId` on the database `name`. */
async function tab(name: string, userId: string, link: LinkSignal, server: ReturnType<typeof fakeServer>) {
  const store = await openOutboxStore(name);
  const outbox = new Outbox({ store, userId, link, send: (write, key) => server.send(write, key), lock: tabsLock, newKey: randomUUID });
  const stop = await outbox.start();
  opened.push({ stop, store });
  return Object.assign(outbox, {
    /** Signs out: the tab's outbox stops and its database closes. */
    close() {
      stop();
      store.close();
    },
  });
}

const settled = async (outbox: Outbox) => {
  await outbox.flush();
  return outbox.snapshot().items;
};

describe('the outbox', () => {
  it('keeps what is written offline across a reload, and sends it once, in order, when the link is back', async () => {
    const name = randomUUID();
    const link = switchableLink(false);
    const server = fakeServer();
    const first = await tab(name, 'amina', link, server);
    expect(await first.submit(comment('Briefed the port team.'))).toMatchObject({ kind: 'waiting' });
    expect(await first.submit(acknowledgement)).toMatchObject({ kind: 'waiting' });
    expect(await first.submit(comment('Container held at gate 4.'))).toMatchObject({ kind: 'waiting' });
    expect(server.received).toEqual([]);

    // A reload: a new store on the same database, a new outbox.
    const reloaded = await tab(name, 'amina', link, server);
    const kept = reloaded.snapshot().items;
    expect(kept.map((item) => item.write)).toEqual([
      comment('Briefed the port team.'),
      acknowledgement,
      comment('Container held at gate 4.'),
    ]);
    expect(kept.every((item) => item.state === 'waiting' && item.key.length > 0)).toBe(true);

    link.set(true);
    expect(await settled(reloaded)).toEqual([]);
    expect(await settled(first)).toEqual([]);
    expect(server.received.map((sent) => sent.write)).toEqual([
      comment('Briefed the port team.'),
      acknowledgement,
      comment('Container held at gate 4.'),
    ]);
    expect(server.received.map((sent) => sent.key)).toEqual(kept.map((item) => item.key));
  });

  it('never shows or sends one user’s writes to another signed in on the same browser', async () => {
    const name = randomUUID();
    const link = switchableLink(false);
    const server = fakeServer();
    const amina = await tab(name, 'amina', link, server);
    await amina.submit(comment('Amina’s comment.'));
    amina.close();

    const somchai = await tab(name, 'somchai', link, server);
    expect(somchai.snapshot().items).toEqual([]);
    await somchai.submit(comment('Somchai’s comment.'));
    link.set(true);
    expect(await settled(somchai)).toEqual([]);
    expect(server.received.map((sent) => sent.write)).toEqual([comment('Somchai’s comment.')]);
    somchai.close();

    link.set(false);
    const aminaAgain = await tab(name, 'amina', link, server);
    expect(aminaAgain.snapshot().items.map((item) => item.write)).toEqual([comment('Amina’s comment.')]);
  });

  it('keeps a write the server refuses when it finally goes, with the reason, and sends the rest', async () => {
    const link = switchableLink(false);
    const server = fakeServer();
    const outbox = await tab(randomUUID(), 'amina', link, server);
    await outbox.submit(comment('First.'));
    await outbox.submit(comment('Too late.'));
    await outbox.submit(comment('Third.'));
    const phaseRule = { code: 'PHASE_RULE', message: 'Commenting on an alert is not possible in phase CLOSED.', phase: 'CLOSED' };
    server.answerWith((write) =>
      write.kind === 'commentOnAlert' && write.input.body === 'Too late.'
        ? { kind: 'refused', refusal: phaseRule }
        : { kind: 'sent', written: { id: ALERT, reference: 'OP/A-0002' } },
    );
    link.set(true);
    const left = await settled(outbox);
    expect(left).toMatchObject([{ state: 'refused', refusal: phaseRule, write: comment('Too late.') }]);
    expect([...server.recorded.values()]).toEqual([comment('First.'), comment('Third.')]);

    // Corrected, it goes again under the same key; discarded, it is gone.
    server.answerWith(() => ({ kind: 'sent', written: { id: ALERT, reference: 'OP/A-0002' } }));
    await outbox.edit(left[0]!.seq, comment('Too late, after all.'));
    expect(await settled(outbox)).toEqual([]);
    expect(server.recorded.get(left[0]!.key)).toEqual(comment('Too late, after all.'));

    link.set(false);
    await outbox.submit(comment('Never mind.'));
    await outbox.discard(outbox.snapshot().items[0]!.seq);
    link.set(true);
    expect(await settled(outbox)).toEqual([]);
    expect(server.received.map((sent) => sent.write)).not.toContainEqual(comment('Never mind.'));
  });

  it('stops at a write that got no answer and sends it again, with its key, before the next', async () => {
    const link = switchableLink(false);
    const server = fakeServer();
    const outbox = await tab(randomUUID(), 'amina', link, server);
    await outbox.submit(comment('One.'));
    await outbox.submit(comment('Two.'));
    server.answerWith(() => ({ kind: 'unreachable' }));
    link.set(true);
    expect((await settled(outbox)).map((item) => item.state)).toEqual(['waiting', 'waiting']);
    const unanswered = server.received.length;
    expect(server.received.map((sent) => sent.write)).toEqual(Array(unanswered).fill(comment('One.')));
    server.answerWith(() => ({ kind: 'sent', written: { id: ALERT, reference: 'OP/A-0002' } }));
    expect(await settled(outbox)).toEqual([]);
    expect(server.received.slice(unanswered).map((sent) => sent.write)).toEqual([comment('One.'), comment('Two.')]);
    expect(new Set(server.received.slice(0, unanswered + 1).map((sent) => sent.key)).size).toBe(1);
    expect(server.recorded.size).toBe(2);
  });

  it('sends at once when the link is up, and gives a refusal back to the screen instead of keeping it', async () => {
    const link = switchableLink(true);
    const server = fakeServer();
    const outbox = await tab(randomUUID(), 'amina', link, server);
    expect(await outbox.submit(comment('Live.'))).toEqual({ kind: 'sent', written: { id: ALERT, reference: 'OP/A-0002' } });
    server.answerWith(() => ({ kind: 'refused', refusal: { code: 'NOT_FOUND', message: 'Alert not found.' } }));
    expect(await outbox.submit(comment('Gone.'))).toEqual({ kind: 'refused', refusal: { code: 'NOT_FOUND', message: 'Alert not found.' } });
    expect(outbox.snapshot().items).toEqual([]);
  });

  it('is sent once when two tabs of the same user see the link come back together', async () => {
    const name = randomUUID();
    const link = switchableLink(false);
    const server = fakeServer();
    const left = await tab(name, 'amina', link, server);
    const right = await tab(name, 'amina', link, server);
    await left.submit(comment('From the left tab.'));
    await right.submit(comment('From the right tab.'));
    link.set(true);
    await Promise.all([left.flush(), right.flush(), left.flush()]);
    expect(server.received.map((sent) => sent.write)).toEqual([comment('From the left tab.'), comment('From the right tab.')]);
  });

  it('amends a write only while it waits: once it has gone, the amendment finds nothing and says so', async () => {
    const name = randomUUID();
    const link = switchableLink(false);
    const server = fakeServer();
    const outbox = await tab(name, 'amina', link, server);
    const waiting = await outbox.submit(comment('Held at gate 4.'));
    if (waiting.kind !== 'waiting') throw new Error('the write should wait for the link');
    const amended = (write: OutboxWrite): OutboxWrite =>
      write.kind === 'commentOnAlert' ? { ...write, input: { ...write.input, body: 'Held at gate 4, seals broken.' } } : write;
    expect(await outbox.amendWaiting(waiting.key, amended)).toBe(true);
    // Another tab of hers reads the amended write from the same database.
    expect((await tab(name, 'amina', link, server)).snapshot().items.map((item) => item.write)).toEqual([
      comment('Held at gate 4, seals broken.'),
    ]);

    link.set(true);
    expect(await settled(outbox)).toEqual([]);
    expect(await outbox.amendWaiting(waiting.key, amended)).toBe(false);
    expect(await outbox.amendWaiting('no-such-key', amended)).toBe(false);
    expect(server.received.map((sent) => sent.write)).toEqual([comment('Held at gate 4, seals broken.')]);
  });
});
