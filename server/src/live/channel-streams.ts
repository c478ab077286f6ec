import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import type { ServerContext } from '../graphql/context';
import { sessionTokenFrom } from '../http/cookies';
import { authenticateSession } from '../modules/accounts/accounts.service';
import type { AppDeps } from '../service-context';
import type { LiveChannel, LiveChannels } from './channels';

// Every subscription's stream goes through its live channel. Over WebSocket the channel is the
// socket (registered when it connected); over HTTP (GraphQL over SSE) each stream is a channel of
// its own, registered here and counted against the same per-user limit as sockets. A stream
// delivers nothing once its channel has ended or its session's deadline has passed, and ends
// then: over SSE with a last UNAUTHENTICATED result before `complete`, over WebSocket by the
// socket's close (4403).

const sessionEnded = (): ExecutionResult => ({
  errors: [new GraphQLError('Sign in first.', { extensions: { code: ERROR_CODES.UNAUTHENTICATED } })],
});

export const tooManyConnections = (max: number) =>
  new GraphQLError(`At most ${max} live connections per person. Close one and try again.`, {
    extensions: { code: ERROR_CODES.TOO_MANY_CONNECTIONS },
  });

/**
 * The stream, stopped by its channel. A value the source produces after the channel ended is
 * dropped, even one already on its way (the source's next() raced against the end).
 */
function guarded(source: AsyncIterable<unknown>, channel: LiveChannel, ownsChannel: boolean): AsyncIterableIterator<unknown> {
  const iterator = source[Symbol.asyncIterator]();
  // The channel's end settles the next() waiting at that moment. One reaction on `ended` for the
  // stream's life: a Promise.race per value would add one per delivery, all kept until the end.
  let interrupt: ((ended: null) => void) | null = null;
  void channel.ended.then(() => interrupt?.(null));
  let finished = false;
  let noticeGiven = !ownsChannel;
  const finish = async (): Promise<IteratorResult<unknown>> => {
    if (!finished) {
      finished = true;
      if (ownsChannel) channel.end('closed');
      await iterator.return?.();
    }
    return { done: true, value: undefined };
  };
  const stop = async (): Promise<IteratorResult<unknown>> => {
    await finish();
    if (noticeGiven) return { done: true, value: undefined };
    noticeGiven = true;
    return { done: false, value: sessionEnded() };
  };
  return {
    async next() {
      if (finished) return noticeGiven ? { done: true, value: undefined } : stop();
      if (!channel.mayDeliver()) return stop();
      const result = await new Promise<IteratorResult<unknown> | null>((resolve, reject) => {
        interrupt = resolve;
        iterator.next().then(resolve, reject);
      });
      interrupt = null;
      if (result === null || !channel.mayDeliver()) return stop();
      if (result.done) {
        noticeGiven = true;
        await finish();
      }
      return result;
    },
    return: () => {
      noticeGiven = true;
      return finish();
    },
    async throw(error?: unknown) {
      noticeGiven = true;
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
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
        channel = channels.register({ transport: 'sse', session, onEnd: () => undefined });
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
          if (isAsyncIterable(result)) return guarded(result, registered, ownsChannel) as typeof result;
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
