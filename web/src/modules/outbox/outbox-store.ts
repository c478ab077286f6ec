import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxWrite } from './outbox-writes';

// The writes waiting for the link, in IndexedDB: they outlive a reload, a closed tab and a
// restarted browser. Each belongs to the user who made it, and every read names that user, so
// another person signing in on the same browser neither sees nor sends them.

/** Why the server refused a write when it finally went, as it said it (worded when shown). */
export interface StoredRefusal {
  code: string;
  message: string;
  phase?: string | null;
  /** The file of a seizure report the server did not take, when the refusal is about one. */
  fileName?: string;
  fieldErrors?: { path: string[]; message: string; key?: string | null; min?: number | null; max?: number | null }[];
}

export interface OutboxItem {
  /** The order the writes were made in, across the user's tabs: they are sent in it. */
  seq: number;
  userId: string;
  /** The idempotency key the write is sent with, every time: the server records it once. */
  key: string;
  write: OutboxWrite;
  madeAt: string;
  /** `refused` waits for the user: edit and send again, or discard. */
  state: 'waiting' | 'refused';
  refusal: StoredRefusal | null;
}

export type NewOutboxItem = Omit<OutboxItem, 'seq'>;

interface OutboxSchema extends DBSchema {
  writes: { key: number; value: OutboxItem; indexes: { byUser: string } };
}

export const OUTBOX_DATABASE = 'jointops-outbox';

export interface OutboxStore {
  /** The user's writes, oldest first. */
  list(userId: string): Promise<OutboxItem[]>;
  add(item: NewOutboxItem): Promise<OutboxItem>;
  /** Replaces the item, unless another tab removed it meanwhile (sent or discarded): then false. */
  put(item: OutboxItem): Promise<boolean>;
  remove(seq: number): Promise<void>;
  close(): void;
}

export async function openOutboxStore(name = OUTBOX_DATABASE): Promise<OutboxStore> {
  const db: IDBPDatabase<OutboxSchema> = await openDB<OutboxSchema>(name, 1, {
    upgrade(database) {
      const writes = database.createObjectStore('writes', { keyPath: 'seq', autoIncrement: true });
      writes.createIndex('byUser', 'userId');
    },
  });
  return {
    // An index's entries with one key come in the order of their primary key: the order made.
    list: (userId) => db.getAllFromIndex('writes', 'byUser', userId),
    async add(item) {
      const seq = await db.add('writes', item as OutboxItem);
      return { ...item, seq };
    },
    async put(item) {
      const tx = db.transaction('writes', 'readwrite');
      const present = (await tx.store.getKey(item.seq)) !== undefined;
      if (present) await tx.store.put(item);
      await tx.done;
      return present;
    },
    remove: (seq) => db.delete('writes', seq),
    close: () => db.close(),
  };
}
