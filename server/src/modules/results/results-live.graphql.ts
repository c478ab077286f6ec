import { builder } from '../../graphql/builder';
import { signedIn } from '../../graphql/signed-in';
import { liveAudience } from '../operations/live-audience';
import { liveOperationResults, watchOperationResults } from './results-live';
import { OperationResultsType, topLevel } from './results.graphql';

builder.subscriptionFields((t) => ({
  operationResultsChanged: t.field({
    type: OperationResultsType,
    authScopes: { authenticated: true },
    description:
      "The operation's results now, then again after the events that may change them (alerts, seizure reports, the register of checks, who takes part), at most once a second. Computed once per agency for all its viewers; what `operationResults` would answer at that moment.",
    args: { operationId: t.arg.id({ required: true }), includeUnverified: t.arg.boolean({ defaultValue: false }) },
    subscribe: async (_root, args, ctx) => {
      const { viewer } = signedIn(ctx);
      const { ticks, standing } = await watchOperationResults(ctx, ctx.live, String(args.operationId)).catch(topLevel);
      ctx.liveAudience = liveAudience(viewer, standing);
      return ticks;
    },
    resolve: (tick, args, ctx) => liveOperationResults(ctx, tick, args.includeUnverified ?? false).catch(topLevel),
  }),
}));
