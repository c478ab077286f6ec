import { isUuid } from '../global-id';
import type { GraphQLContext } from './context';

// `node(id)` bypasses every list and parent field, so each node type registers the one loader
// that applies its domain's need-to-know policy. A type without a loader is never refetchable.

type NodeLoader = (ctx: GraphQLContext, id: string) => Promise<object | null>;

const loaders = new Map<string, NodeLoader>();

export function registerNodeLoader(typename: string, loader: NodeLoader): void {
  loaders.set(typename, loader);
}

export async function loadNode(ctx: GraphQLContext, typename: string, id: string): Promise<object | null> {
  const loader = loaders.get(typename);
  // Every entity id is a uuid: anything else names nothing, and must not reach SQL as a cast error.
  if (!loader || !isUuid(id)) return null;
  const node = await loader(ctx, id.toLowerCase());
  return node ? { ...node, __typename: typename } : null;
}
