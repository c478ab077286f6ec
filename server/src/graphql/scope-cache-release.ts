import { RequestCache } from '@pothos/plugin-scope-auth';
import type { Plugin } from 'graphql-yoga';

// scope-auth caches a context's scopes and grants (five Maps, ~1.3 KB) for as long as the context
// lives, in a WeakMap keyed by it. A subscription's context lives as long as the subscription, but
// its cache is read only while the subscribe resolver runs: each event executes with a context of
// its own (live/shared-delivery.ts copies it), which has a cache of its own. So the cache goes once
// the stream has started, instead of staying with every idle subscriber; a reader that did come
// back to it would only find it empty and fill it again.

export function useScopeCacheRelease(): Plugin {
  return {
    onSubscribe({ args }) {
      return {
        onSubscribeResult() {
          RequestCache.clearForContext(args.contextValue);
        },
      };
    },
  };
}
