import { createContext, use, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useClient } from 'urql';
import { newDraftKey } from '../alerts/draft-key';
import { browserLink, tabsChannel, tabsLock } from './link-signal';
import { Outbox, type LinkSignal, type OutboxState, type SubmitOutcome } from './outbox';
import { openOutboxStore, type OutboxStore } from './outbox-store';
import { sendWrite, type OutboxWrite, type WriteAbout } from './outbox-writes';

// The signed-in user's outbox for every screen: the shell holds it, the forms submit through it.

const OutboxContext = createContext<Promise<Outbox> | null>(null);

/** What the screen a write is made on is about, for the words that name it in the outbox. */
export const WriteAboutContext = createContext<WriteAbout | undefined>(undefined);

const EMPTY: OutboxState = { items: [], sending: null };

/** Where IndexedDB cannot be opened (a private window of some browsers): writes wait in memory only. */
function memoryStore(): OutboxStore {
  let items: Awaited<ReturnType<OutboxStore['list']>> = [];
  let next = 1;
  return {
    list: async (userId) => items.filter((item) => item.userId === userId),
    add: async (item) => {
      const stored = { ...item, seq: next++ };
      items = [...items, stored];
      return stored;
    },
    put: async (item) => {
      const present = items.some((candidate) => candidate.seq === item.seq);
      if (present) items = items.map((candidate) => (candidate.seq === item.seq ? item : candidate));
      return present;
    },
    remove: async (seq) => {
      items = items.filter((item) => item.seq !== seq);
    },
    close: () => {},
  };
}

/**
 * Opens the outbox of `userId` for the pages inside; a new user gets a new one, nobody signed in
 * none. `link` is the browser's (online, socket connected) but where a test says otherwise.
 */
export function OutboxProvider({
  userId,
  link = browserLink,
  children,
}: {
  userId: string | null;
  link?: LinkSignal;
  children: ReactNode;
}) {
  const client = useClient();
  const [outbox, setOutbox] = useState<Promise<Outbox> | null>(null);
  useEffect(() => {
    if (!userId) {
      setOutbox(null);
      return;
    }
    let stop: (() => void) | undefined;
    let store: OutboxStore | undefined;
    let cancelled = false;
    const opening = (async () => {
      store = await openOutboxStore().catch(memoryStore);
      const made = new Outbox({
        store,
        userId,
        send: (write, key) => sendWrite(client, write, key),
        link,
        lock: tabsLock,
        newKey: newDraftKey,
        channel: tabsChannel(userId),
      });
      const stopper = await made.start();
      if (cancelled) stopper();
      else stop = stopper;
      return made;
    })();
    setOutbox(opening);
    return () => {
      cancelled = true;
      stop?.();
      store?.close();
    };
  }, [client, userId, link]);
  return <OutboxContext value={outbox}>{children}</OutboxContext>;
}

export interface OutboxApi extends OutboxState {
  /** Sends the write now if the link is up, otherwise keeps it to send once it is back. */
  submit(write: OutboxWrite, key?: string): Promise<SubmitOutcome>;
  discard(seq: number): Promise<void>;
  edit(seq: number, write: OutboxWrite): Promise<void>;
  retry(seq: number): Promise<void>;
  /** Changes a write still waiting (by its key); false if it went meanwhile. */
  amendWaiting(key: string, amend: (write: OutboxWrite) => OutboxWrite): Promise<boolean>;
}

const noSubscription = () => () => {};

/** The signed-in user's outbox: what waits, and the way to write through it. */
export function useOutbox(): OutboxApi {
  const opening = use(OutboxContext);
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  useEffect(() => {
    let current = true;
    void opening?.then((opened) => {
      if (current) setOutbox(opened);
    });
    return () => {
      current = false;
    };
  }, [opening]);
  const state = useSyncExternalStore(outbox?.subscribe ?? noSubscription, outbox?.snapshot ?? (() => EMPTY));
  const ready = async () => {
    if (!opening) throw new Error('useOutbox must be used inside a signed-in page');
    return opening;
  };
  return {
    ...state,
    submit: async (write, key) => (await ready()).submit(write, key),
    discard: async (seq) => (await ready()).discard(seq),
    edit: async (seq, write) => (await ready()).edit(seq, write),
    retry: async (seq) => (await ready()).retry(seq),
    amendWaiting: async (key, amend) => (await ready()).amendWaiting(key, amend),
  };
}
