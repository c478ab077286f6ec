import type { NewOutboxItem, OutboxItem, OutboxStore, StoredRefusal } from './outbox-store';
import type { OutboxWrite, SendResult, SentRecord } from './outbox-writes';

// One user's outbox: every write is stored before it is sent, so a closed tab or a lost answer
// never loses it; it leaves the store only once the server has answered. Sending is one pass in
// the order made, under a Web Lock per user: two tabs never send the same write at once, and the
// idempotency key makes a second send harmless anyway (the server records it once).

/** Whether a write can go now: the browser has a network, the live socket is connected. */
export interface LinkSignal {
  isUp(): boolean;
  onChange(listener: () => void): () => void;
}

export type SubmitOutcome =
  | { kind: 'sent'; written: SentRecord }
  | { kind: 'refused'; refusal: StoredRefusal }
  | { kind: 'waiting'; key: string };

export interface OutboxDeps {
  store: OutboxStore;
  userId: string;
  send(write: OutboxWrite, key: string): Promise<SendResult>;
  link: LinkSignal;
  /** Runs `work` holding the lock `name` across the browser's tabs (navigator.locks). */
  lock<T>(name: string, work: () => Promise<T>): Promise<T>;
  newKey(): string;
  now?: () => Date;
  /** Tells the user's other tabs the outbox changed, and hears theirs. */
  channel?: { post(): void; listen(listener: () => void): () => void };
}

/** How often a waiting write is tried again while the link looks up (a server that answered 5xx). */
export const RETRY_EVERY_MS = 15_000;

/** What the outbox holds, as a screen reads it. */
export interface OutboxState {
  /** The user's writes, oldest first. */
  items: readonly OutboxItem[];
  /** The write being sent now, if any: not to be edited under the sender's feet. */
  sending: number | null;
}

export class Outbox {
  private items: readonly OutboxItem[] = [];
  private sending: number | null = null;
  private state: OutboxState = { items: [], sending: null };
  private readonly listeners = new Set<() => void>();
  /** Writes a screen is waiting on: refused at once, they go back to it instead of staying here. */
  private readonly awaited = new Set<number>();
  private readonly stops: (() => void)[] = [];

  constructor(private readonly deps: OutboxDeps) {}

  /** Reads the stored writes and starts sending whenever the link comes back; returns the stopper. */
  async start(): Promise<() => void> {
    await this.reload();
    this.stops.push(this.deps.link.onChange(() => void this.flush()));
    if (this.deps.channel) this.stops.push(this.deps.channel.listen(() => void this.reload()));
    const timer = setInterval(() => {
      if (this.items.some((item) => item.state === 'waiting')) void this.flush();
    }, RETRY_EVERY_MS);
    this.stops.push(() => clearInterval(timer));
    void this.flush();
    return () => {
      for (const stop of this.stops.splice(0)) stop();
    };
  }

  snapshot = (): OutboxState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Stores the write and sends it at once if the link is up; otherwise it waits here. `key` is the
   * draft's idempotency key when the screen keeps one (a second submit of one draft is one write).
   */
  async submit(write: OutboxWrite, key?: string): Promise<SubmitOutcome> {
    const made: NewOutboxItem = {
      userId: this.deps.userId,
      key: key ?? this.deps.newKey(),
      write,
      madeAt: (this.deps.now?.() ?? new Date()).toISOString(),
      state: 'waiting',
      refusal: null,
    };
    // The same draft submitted again (a second click while it waits) is the same write.
    const same = key ? (await this.deps.store.list(this.deps.userId)).find((stored) => stored.key === key) : undefined;
    const item = same ? { ...same, write, state: 'waiting' as const, refusal: null } : await this.deps.store.add(made);
    if (same) await this.deps.store.put(item);
    await this.changed();
    if (!this.deps.link.isUp()) return { kind: 'waiting', key: item.key };
    this.awaited.add(item.seq);
    try {
      const outcome = (await this.flush()).get(item.seq);
      if (outcome?.kind === 'sent' || outcome?.kind === 'refused') return outcome;
      return { kind: 'waiting', key: item.key };
    } finally {
      this.awaited.delete(item.seq);
    }
  }

  /** Sends what waits, in order, until the link fails; answers what each send came to. */
  async flush(): Promise<Map<number, SendResult>> {
    const results = new Map<number, SendResult>();
    if (!this.deps.link.isUp()) return results;
    await this.deps.lock(this.lockName(), async () => {
      // Read under the lock: another tab may have sent some of them a moment ago.
      const waiting = (await this.deps.store.list(this.deps.userId)).filter((item) => item.state === 'waiting');
      for (const item of waiting) {
        if (!this.deps.link.isUp()) break;
        this.sending = item.seq;
        this.notify();
        const result = await this.deps.send(item.write, item.key).catch((): SendResult => ({ kind: 'unreachable' }));
        this.sending = null;
        results.set(item.seq, result);
        if (result.kind === 'unreachable') break;
        if (result.kind === 'sent' || this.awaited.has(item.seq)) await this.deps.store.remove(item.seq);
        else await this.deps.store.put({ ...item, state: 'refused', refusal: result.refusal });
        await this.changed();
      }
    });
    this.sending = null;
    // Another tab may have sent or discarded some meanwhile.
    await this.reload();
    return results;
  }

  /**
   * Changes a write that still waits, found by its key (what a screen holds of it), under the lock
   * that sending takes: it is either changed before it goes or found gone (sent meanwhile), never
   * changed in flight. Answers whether it was changed.
   */
  async amendWaiting(key: string, amend: (write: OutboxWrite) => OutboxWrite): Promise<boolean> {
    const amended = await this.deps.lock(this.lockName(), async () => {
      const item = (await this.deps.store.list(this.deps.userId)).find((stored) => stored.key === key && stored.state === 'waiting');
      return item ? this.deps.store.put({ ...item, write: amend(item.write) }) : false;
    });
    await this.changed();
    return amended;
  }

  async discard(seq: number): Promise<void> {
    await this.deps.store.remove(seq);
    await this.changed();
  }

  /** Replaces what the write says (same key: if the first words did reach the server, it says so) and sends it again. */
  async edit(seq: number, write: OutboxWrite): Promise<void> {
    const item = this.items.find((candidate) => candidate.seq === seq);
    if (!item) return;
    await this.deps.store.put({ ...item, write, state: 'waiting', refusal: null });
    await this.changed();
    void this.flush();
  }

  /** Sends a refused write again as it is. */
  async retry(seq: number): Promise<void> {
    const item = this.items.find((candidate) => candidate.seq === seq);
    if (item) await this.edit(seq, item.write);
  }

  private lockName(): string {
    return `jointops-outbox:${this.deps.userId}`;
  }

  private async changed(): Promise<void> {
    await this.reload();
    this.deps.channel?.post();
  }

  private async reload(): Promise<void> {
    this.items = await this.deps.store.list(this.deps.userId);
    this.notify();
  }

  private notify(): void {
    this.state = { items: this.items, sending: this.sending };
    for (const listener of this.listeners) listener();
  }
}
