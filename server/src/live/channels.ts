import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub';
import type { AuthenticatedSession } from '../service-context';

// Every live channel of this process — each WebSocket, each GraphQL-over-SSE stream — registered
// with the session it acts for. A session that ends (sign-out, expiry, deactivation of the person
// or their agency, a new password) ends its channels here and, through the 'sessions:revoked'
// message, in every other process. Three layers, so that no channel outlives its session:
//   1. the process that ends a session ends its own channels at once, before telling the others;
//   2. every process ends the channels of sessions revoked anywhere as the message arrives;
//   3. a periodic re-check ends what a lost message left open (Redis down), and before each
//      delivery a channel checks its session's own deadline, which expiry needs no message for.

export type Transport = 'websocket' | 'sse';

/** Sessions that ended: one (sessionId), or all of one person's (sessionId null). */
export interface Revocation {
  userId: string;
  sessionId: string | null;
}

export type EndReason = 'session ended' | 'closed';

export interface LiveChannel {
  readonly transport: Transport;
  /** The session as of its last check; the viewer's rights are re-read with it. */
  readonly session: AuthenticatedSession;
  /** Whether it may still deliver: not ended, and its session's own deadline not passed. */
  mayDeliver(): boolean;
  /** Resolves once the channel has ended, whatever ended it. */
  readonly ended: Promise<EndReason>;
  /** Records a fresher check of the same session (a new deadline, changed rights). */
  refresh(session: AuthenticatedSession): void;
  /** Ends the channel; its traffic is stopped for a session that ended, not for a channel its client closed. */
  end(reason: EndReason): void;
}

/** A channel's traffic, stopped when its session ends: closes the socket, or completes the stream. */
export interface Traffic {
  stop(): void;
}

interface Registration {
  transport: Transport;
  session: AuthenticatedSession;
  traffic: Traffic;
}

/** A registered channel. A class, not an object of closures: one lives as long as each socket. */
class OpenChannel implements LiveChannel {
  readonly ended: Promise<EndReason>;
  /** The person it is counted against, as registered. */
  readonly userId: string;
  private settle!: (reason: EndReason) => void;
  private done = false;

  constructor(
    private readonly registry: LiveChannels,
    readonly transport: Transport,
    private current: AuthenticatedSession,
    private readonly traffic: Traffic,
  ) {
    this.userId = current.viewer.userId;
    this.ended = new Promise<EndReason>((resolve) => (this.settle = resolve));
  }

  get session(): AuthenticatedSession {
    return this.current;
  }

  mayDeliver(): boolean {
    if (this.done) return false;
    if (this.registry.clock.now() < this.current.validUntil) return true;
    this.end('session ended');
    return false;
  }

  refresh(fresh: AuthenticatedSession): void {
    this.current = fresh;
  }

  end(reason: EndReason): void {
    if (this.done) return;
    this.done = true;
    this.registry.released(this);
    this.settle(reason);
    if (reason === 'session ended') this.traffic.stop();
  }
}

export class LiveChannels {
  private readonly open = new Set<LiveChannel>();
  /** Open channels per person, kept beside `open` so that a connection storm checks its limit in O(1). */
  private readonly perUser = new Map<string, number>();

  /** Each channel reads its session's deadline against it. */
  readonly clock: Clock;

  constructor(
    private readonly deps: { clock: Clock; logger: Logger },
    private readonly maxPerUser: number,
  ) {
    this.clock = deps.clock;
  }

  /** Open channels of one transport, or of all. */
  count(transport?: Transport): number {
    let count = 0;
    for (const channel of this.open) if (!transport || channel.transport === transport) count += 1;
    return count;
  }

  countOf(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  /**
   * Registers a channel, or answers null when its user already holds their limit here: one
   * person's runaway client must not take the connections everyone else needs. The check and the
   * registration happen with no await between them, so concurrent openings cannot both squeeze in.
   */
  register({ transport, session, traffic }: Registration): LiveChannel | null {
    const userId = session.viewer.userId;
    const held = this.countOf(userId);
    if (held >= this.maxPerUser) return null;
    const channel = new OpenChannel(this, transport, session, traffic);
    this.open.add(channel);
    this.perUser.set(userId, held + 1);
    return channel;
  }

  /** Called by a channel as it ends. */
  released(channel: OpenChannel): void {
    this.open.delete(channel);
    const userId = channel.userId;
    const left = (this.perUser.get(userId) ?? 1) - 1;
    if (left > 0) this.perUser.set(userId, left);
    else this.perUser.delete(userId);
  }

  /** Ends this process's channels of the sessions revoked; answers how many. */
  endRevoked({ userId, sessionId }: Revocation): number {
    let ended = 0;
    for (const channel of [...this.open]) {
      const { viewer } = channel.session;
      if (viewer.userId === userId && (sessionId === null || viewer.sessionId === sessionId)) {
        channel.end('session ended');
        ended += 1;
      }
    }
    if (ended) this.deps.logger.info({ userId, sessionId, ended }, 'live channels ended with their session');
    return ended;
  }

  /**
   * Re-checks every channel's session: those that expired or were revoked without this process
   * hearing of it are ended; the others take the fresh deadline and rights.
   */
  async revalidate(check: (tokens: Iterable<string>) => Promise<Map<string, AuthenticatedSession>>): Promise<void> {
    // One check for every session, however many channels each holds: a batch, not a query per socket.
    const open = [...this.open];
    const live = await check(new Set(open.map((channel) => channel.session.token)));
    for (const channel of open) {
      const session = live.get(channel.session.token);
      if (session) channel.refresh(session);
      else channel.end('session ended');
    }
  }

  /**
   * A pubsub whose revocations end this process's channels before they are sent: the process
   * that ended a session never delivers another event to it, whatever the transport's delay.
   */
  endingLocally(pubSub: PubSub): PubSub {
    return {
      subscribe: pubSub.subscribe.bind(pubSub),
      publish: (topic: string, payload: unknown) => {
        if (topic === 'sessions:revoked') this.endRevoked(payload as Revocation);
        (pubSub.publish as (topic: string, payload: unknown) => void)(topic, payload);
      },
    } as PubSub;
  }

  /** Hears the revocations of every process; answers the function that stops listening. */
  listen(pubSub: PubSub): () => void {
    const revocations = pubSub.subscribe('sessions:revoked');
    void (async () => {
      for await (const revocation of revocations) this.endRevoked(revocation);
    })().catch((error: unknown) => this.deps.logger.error({ err: error }, 'session revocation listener stopped'));
    return () => void revocations.return?.();
  }
}
