import { useCallback } from 'react';
import { gql, useQuery } from 'urql';
import { sessionCacheContext, ViewerFields, type Viewer } from './viewer';

const MeQuery = gql<{ me: Viewer | null }>`
  query Me {
    me {
      ...ViewerFields
    }
  }
  ${ViewerFields}
`;

export type ViewerSession = ReturnType<typeof useViewer>;

export function useViewer() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery, context: sessionCacheContext });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return {
    viewer: data?.me ?? null,
    loading: fetching && !data,
    failed: Boolean(error) && !data,
    refresh,
  };
}
