import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import { builder } from '../../graphql/builder';
import { uuidFromGlobalId } from '../../global-id';
import { canSeeOperation } from '../operations/operations.policy';
import { findSubscriberStanding } from '../operations/operations.repo';
import { RESYNC_REQUIRED, resyncRequired } from '../../journal/resync';
import { decodeEventCursor, eventType, OperationEventInterface } from './operation-event.graphql';
import { signedIn } from '../../graphql/signed-in';
import { liveAudience } from '../operations/live-audience';

eventType(
  'ResyncRequiredEvent',
  [RESYNC_REQUIRED],
  (t) => ({ reason: t.string({ resolve: (event) => event.data.reason }) }),
  'The cursor given is not one this operation can resume from: reload the timeline, then subscribe from its end.',
);

builder.subscriptionType({
  fields: (t) => ({
    operationEvents: t.field({
      type: OperationEventInterface,
      authScopes: { authenticated: true },
      description:
        'Replays what the viewer may see after `after` (a cursor from an earlier event), then goes live: in commit order, no gap, no duplicate. Without `after`, live from now on.',
      args: { operationId: t.arg.id({ required: true }), after: t.arg.string() },
      subscribe: async (_root, args, ctx) => {
        const { viewer } = signedIn(ctx);
        const operationId = uuidFromGlobalId(String(args.operationId), 'Operation');
        // The head and the standing are read in one statement, so from one snapshot: a withdrawal
        // or removal committed after it comes after the head, so the stream reads it and ends
        // there. Had the standing been read before the head, one committed in between would be
        // behind the stream's start, never seen, and the stream would go on delivering to someone
        // no longer in the operation. The statement is shared with the subscriptions starting at
        // the same moment (findSubscriberStanding), each answered with its own viewer's standing.
        const found = operationId ? await findSubscriberStanding(ctx.db, operationId, viewer) : null;
        // Exactly what an unknown operation gets: a stream refused without saying why.
        if (!operationId || !found || !canSeeOperation(found.standing)) {
          throw new GraphQLError('Operation not found.', { extensions: { code: ERROR_CODES.NOT_FOUND } });
        }
        ctx.liveAudience = liveAudience(viewer, found.standing);
        const { lastEventSeq: head, eventsPrunedThroughSeq: prunedThrough } = found.operation;
        const after = args.after == null ? head : decodeEventCursor(args.after);
        const problem = after === null ? 'invalid' : after > head ? 'ahead' : after < prunedThrough ? 'expired' : null;
        if (problem) {
          const live = ctx.live.stream(operationId, viewer, head);
          const resync = resyncRequired(operationId, head, ctx.clock.now(), problem);
          return (async function* () {
            yield resync;
            yield* live;
          })();
        }
        return ctx.live.stream(operationId, viewer, after!);
      },
      resolve: (event) => event,
    }),
  }),
});
