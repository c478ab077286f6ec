import { AppliedCursors, type CursorStore } from './event-cursors';

/** What every event of the stream carries; listeners read the rest by its `__typename`. */
export interface StreamEvent {
  __typename: string;
  cursor: string;
}

export interface StreamDeps {
  /**
   * Starts `operationEvents(operationId, after)`; returns the unsubscriber. `onRefused`: the server
   * refused it (the viewer no longer may see the operation), and it ended for good.
   */
  subscribe(after: string | null, onEvent: (event: StreamEvent) => void, onRefused: () => void): () => void;
  /** The cursor of the newest event the viewer may see now, to know when a replay is over. */
  fetchHead(): Promise<string | null>;
  /** Calls back each time the socket is back after a drop; returns the unsubscriber. */
  onReconnected(listener: () => void): () => void;
  cursors: CursorStore;
  /** Told while the stream replays what it missed, and when it has caught up. */
  setCatchingUp(catchingUp: boolean): void;
}

// A replay the head cannot tell the end of (the head read failed) ends after this long without events.
const QUIET_MS = 1_500;

/**
 * One operation's events, each applied once and in order, across drops and reloads: it starts
 * after the stored cursor, re-subscribes after the newest cursor whenever the socket comes back,
 * and drops what it has already applied. A `ResyncRequiredEvent` (the stored cursor was too old,
 * or unknown) goes to the listeners like any event: the room reloads its data on it.
 */
export class OperationStream {
  private readonly listeners = new Set<(event: StreamEvent) => void>();
  private readonly refusalListeners = new Set<() => void>();
  private readonly applied = new AppliedCursors();
  private last: string | null;
  private unsubscribe: (() => void) | null = null;
  private stopReconnects: (() => void) | null = null;
  private head: string | null = null;
  private quiet: ReturnType<typeof setTimeout> | undefined;
  private catchingUp = false;
  private generation = 0;
  private started = false;

  constructor(
    private readonly operationId: string,
    private readonly deps: StreamDeps,
  ) {
    this.last = deps.cursors.read(operationId);
  }

  /** The cursor of the last event applied (null before any, on a first visit). */
  get cursor(): string | null {
    return this.last;
  }

  listen(listener: (event: StreamEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` when the server refuses the stream: the viewer's access ended (their agency withdrew, they were removed). */
  onRefused(listener: () => void): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  /**
   * On a first visit there is no cursor to resume from: the stream starts after the newest event
   * the viewer may see, read first, so that a drop before any event arrives still resumes from a
   * cursor (without one, a re-subscription would start live and miss what came in between).
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopReconnects = this.deps.onReconnected(() => this.resume());
    if (this.last !== null) {
      this.subscribe();
      return;
    }
    const generation = this.generation;
    const begin = (head: string | null) => {
      if (!this.started || generation !== this.generation) return;
      if (head !== null && this.last === null) {
        this.last = head;
        this.deps.cursors.write(this.operationId, head);
      }
      this.subscribe();
    };
    this.deps.fetchHead().then(begin, () => begin(null));
  }

  stop(): void {
    this.started = false;
    this.generation += 1;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stopReconnects?.();
    this.stopReconnects = null;
    clearTimeout(this.quiet);
    this.setCatchingUp(false);
  }

  /** After a drop: the old subscription would replay from where it first started; start afresh from the newest. */
  resume(): void {
    this.unsubscribe?.();
    this.subscribe();
  }

  /** One event from the server: applied once, its cursor kept. */
  receive(event: StreamEvent): void {
    if (!this.applied.firstTime(event.cursor)) return;
    this.last = event.cursor;
    this.deps.cursors.write(this.operationId, event.cursor);
    for (const listener of [...this.listeners]) listener(event);
    if (this.catchingUp) {
      if (event.cursor === this.head || event.__typename === 'ResyncRequiredEvent') this.setCatchingUp(false);
      else this.waitForQuiet();
    }
  }

  private subscribe(): void {
    const generation = ++this.generation;
    const after = this.last;
    this.unsubscribe = this.deps.subscribe(
      after,
      (event) => {
        if (generation === this.generation) this.receive(event);
      },
      () => {
        if (generation !== this.generation) return;
        this.setCatchingUp(false);
        for (const listener of [...this.refusalListeners]) listener();
      },
    );
    // Without a cursor the stream starts live: there is nothing to catch up.
    if (after === null) return;
    this.setCatchingUp(true);
    this.waitForQuiet();
    this.deps.fetchHead().then(
      (head) => {
        if (generation !== this.generation) return;
        this.head = head;
        if (head === null || head === this.last) this.setCatchingUp(false);
      },
      () => undefined,
    );
  }

  private waitForQuiet(): void {
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.setCatchingUp(false), QUIET_MS);
  }

  private setCatchingUp(catchingUp: boolean): void {
    if (catchingUp === this.catchingUp) return;
    this.catchingUp = catchingUp;
    if (!catchingUp) clearTimeout(this.quiet);
    this.deps.setCatchingUp(catchingUp);
  }
}
