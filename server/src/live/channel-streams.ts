import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import type { ServerContext } from '../graphql/context';
import { sessionTokenFrom } from '../http/cookies';
import { authenticateSession } from '../modules/accounts/accounts.service';
import type { AppDeps } from '../service-context';
import type { LiveChannel, LiveChannels, Traffic } from './channels';
import { DirectDelivery } from './direct-delivery';

// Every subscription's stream goes through its live channel. Over WebSocket the channel is the
// socket (registered when it connected); over HTTP (GraphQL over SSE) each stream is a channel of
// its own, registered here and counted against the same per-user limit as sockets. A stream
// delivers nothing once its channel has ended or its session's deadline has passed, and ends
// then: over SSE with a last UNAUTHENTICATED result before `complete`, over WebSocket by the
// socket's close (4403).

const sessionEnded = (): ExecutionResult => ({
  errors: [new GraphQLError('Sign in first.', { extensions: { code: ERROR_CODES.UNAUTHENTICATED } })],
});

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** An SSE stream's channel stops nothing itself: its stream's guard ends it with the session's end. */
const NOTHING_TO_STOP: Traffic = { stop: () => undefined };

export const tooManyConnections = (max: number) =>
  new GraphQLError(`At most ${max} live connections per person. Close one and try again.`, {
    extensions: { code: ERROR_CODES.TOO_MANY_CONNECTIONS },
  });

/**
 * The stream, stopped by its channel. A value the source produces after the channel ended is
 * dropped, even one already on its way (the source's next() raced against the end). A class, not
 * an object of closures: one lives as long as each subscription, and its methods are shared.
 */
class GuardedStream implements AsyncIterableIterator<unknown> {
  private readonly iterator: AsyncIterator<unknown>;
  /** Settles the next() waiting when the channel ends. */
  private interrupt: ((ended: null) => void) | null = null;
  private finished = false;
  private noticeGiven: boolean;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly channel: LiveChannel,
    private readonly ownsChannel: boolean,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
    this.noticeGiven = !ownsChannel;
    // One reaction on `ended` for the stream's life: a Promise.race per value would add one per
    // delivery, all kept until the end.
    void channel.ended.then(() => this.interrupt?.(null));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<unknown>> {
    if (this.finished) return this.noticeGiven ? DONE : this.stop();
    if (!this.channel.mayDeliver()) return this.stop();
    const result = await new Promise<IteratorResult<unknown> | null>((resolve, reject) => {
      this.interrupt = resolve;
      this.iterator.next().then(resolve, reject);
    });
    this.interrupt = null;
    if (result === null || !this.channel.mayDeliver()) return this.stop();
    if (result.done) {
      this.noticeGiven = true;
      await this.finish();
    }
    return result;
  }

  return(): Promise<IteratorResult<unknown>> {
    this.noticeGiven = true;
    return this.finish();
  }

  async throw(error?: unknown): Promise<IteratorResult<unknown>> {
    this.noticeGiven = true;
    await this.finish();
    throw error;
  }

  private async finish(): Promise<IteratorResult<unknown>> {
    if (!this.finished) {
      this.finished = true;
      if (this.ownsChannel) this.channel.end('closed');
      await this.iterator.return?.();
    }
    return DONE;
  }

  private async stop(): Promise<IteratorResult<unknown>> {
    await this.finish();
    if (this.noticeGiven) return DONE;
    this.noticeGiven = true;
    return { done: false, value: sessionEnded() };
  }
}

export function useLiveChannels(channels: LiveChannels, deps: AppDeps): Plugin {
  return {
    async onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
      const context = args.contextValue as Pick<ServerContext, 'liveChannel'> & { request?: Request };
      let channel = context.liveChannel ?? null;
      const ownsChannel = !channel;
      if (!channel) {
        const headers = context.request?.headers;
        const session = await authenticateSession(
          deps,
          sessionTokenFrom({ authorization: headers?.get('authorization'), cookie: headers?.get('cookie') }),
        );
        // Not signed in, or no longer (the session ended since the request's context was made):
        // the stream never starts, rather than start without a channel to stop it.
        if (!session) {
          setResultAndStopExecution(sessionEnded());
          return;
        }
        // Over SSE the guard itself stops the stream when the session ends.
        channel = channels.register({ transport: 'sse', session, traffic: NOTHING_TO_STOP });
        if (!channel) {
          setResultAndStopExecution({ errors: [tooManyConnections(deps.config.webSocket.maxConnectionsPerUser)] });
          return;
        }
      }
      const registered = channel;
      // Wraps the subscription itself, so that a stream refused or failed at its start gives its
      // place back instead of holding it for as long as the session lives.
      setSubscribeFn(async (subscribeArgs) => {
        try {
          const result = await subscribeFn(subscribeArgs);
          // A socket's direct delivery checks the channel before each frame itself, and the
          // channel's end closes the socket, which ends its subscriptions: a guard around it would
          // only hold a suspended next() and its promises (~0.7 KB) for every idle subscriber.
          if (!ownsChannel && result instanceof DirectDelivery) return result;
          if (isAsyncIterable(result)) return new GuardedStream(result, registered, ownsChannel) as typeof result;
          if (ownsChannel) registered.end('closed');
          return result;
        } catch (error) {
          if (ownsChannel) registered.end('closed');
          throw error;
        }
      });
    },
  };
}
