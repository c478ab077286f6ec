import { DEMO_OPERATION_CODE } from '@jointops/server/demo/operation';
import type { Shaped } from '../testkit/graphql';

// How a bench talks to the server it started: GraphQL over HTTP with a bearer token, as an outside
// client would, signed in as a demo account.

export interface BenchClient {
  gql(query: string, variables: Record<string, unknown>, token?: string): Promise<{ data: Shaped; errors?: unknown }>;
  signIn(email: string): Promise<string>;
  /** The demo operation's global id, as the given account finds it. */
  demoOperationId(token: string): Promise<string>;
}

export function benchClient(port: number, demoPassword: string): BenchClient {
  const url = `http://127.0.0.1:${port}/graphql`;
  const gql: BenchClient['gql'] = async (query, variables, token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: Shaped; errors?: unknown };
  };
  return {
    gql,
    async signIn(email) {
      const login = await gql('mutation($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { token } } }', {
        i: { email, password: demoPassword },
      });
      return login.data.login.token as string;
    },
    async demoOperationId(token) {
      const listing = await gql('{ operations(first: 5) { edges { node { id code } } } }', {}, token);
      return listing.data.operations.edges.find((edge: Shaped) => edge.node.code === DEMO_OPERATION_CODE).node.id as string;
    },
  };
}
