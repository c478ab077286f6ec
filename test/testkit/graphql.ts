export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data: T | null;
  errors: { message: string; path?: string[]; extensions?: { code?: string } }[] | undefined;
}

export interface CallOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export type GraphQLCaller = <T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
  options?: CallOptions,
) => Promise<GraphQLResponse<T>>;

/** Calls the API over real HTTP, as any outside client would. */
export function createGraphQLCaller(baseUrl: string): GraphQLCaller {
  return async (query, variables, options = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    const body = text.startsWith('{') ? (JSON.parse(text) as { data?: any; errors?: any }) : { data: null };
    return { status: response.status, headers: response.headers, data: body.data ?? null, errors: body.errors };
  };
}

/** The first error's code, for asserting on top-level auth errors. */
export const errorCode = (response: GraphQLResponse): string | undefined => response.errors?.[0]?.extensions?.code;
