// The cursor of the last event the room applied, per operation, kept in localStorage so that a
// reload (or a tab reopened the next morning) resumes the stream where it stopped: nothing missed.

const KEY_PREFIX = 'jointops.eventCursor.';

export interface CursorStore {
  read(operationId: string): string | null;
  write(operationId: string, cursor: string): void;
}

/** The browser's store; a storage that refuses (private mode, quota) only costs the resume. */
export function localCursorStore(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): CursorStore {
  return {
    read: (operationId) => {
      try {
        return storage.getItem(KEY_PREFIX + operationId);
      } catch {
        return null;
      }
    },
    write: (operationId, cursor) => {
      try {
        storage.setItem(KEY_PREFIX + operationId, cursor);
      } catch {
        // Kept in memory by the stream all the same.
      }
    },
  };
}

/**
 * The cursors already applied, oldest forgotten first. graphql-ws re-sends a subscription with
 * the `after` it started with when it reconnects by itself, so the server replays events the
 * room has shown: each is recognised here by its cursor and dropped.
 */
export class AppliedCursors {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 5_000) {}

  /** True the first time a cursor is offered, false for every repeat. */
  firstTime(cursor: string): boolean {
    if (this.seen.has(cursor)) return false;
    this.seen.add(cursor);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
