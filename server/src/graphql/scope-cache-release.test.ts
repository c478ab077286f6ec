import { RequestCache } from '@pothos/plugin-scope-auth';
import type { ExecutionArgs } from 'graphql';
import { describe, expect, it } from 'vitest';
import { builder } from './builder';
import type { GraphQLContext } from './context';
import { useScopeCacheRelease } from './scope-cache-release';

describe('a subscription context', () => {
  it('lets go of its scope cache once the stream has started', async () => {
    // Only its identity matters here: the cache is keyed by the context object.
    const context = {} as GraphQLContext;
    const filled = RequestCache.fromContext(context, builder);

    const hooks = await useScopeCacheRelease().onSubscribe?.({ args: { contextValue: context } as ExecutionArgs } as never);
    expect(RequestCache.fromContext(context, builder)).toBe(filled);
    (hooks as { onSubscribeResult: () => void }).onSubscribeResult();

    expect(RequestCache.fromContext(context, builder)).not.toBe(filled);
  });
});
