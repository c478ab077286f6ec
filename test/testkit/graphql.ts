/**
 * An answer as its query shaped it, for a caller that names no type. A story's query says which
 * fields it reads and its assertions check them, so the kit does not restate every selection as a
 * type; a helper that knows the shape names it instead (`graphql<{ me: { id: string } }>(…)`).
 */
// biome-ignore lint/suspicious/noExplicitAny: the query is the answer's type, and the story's assertions are its check
export type Shaped = any;

/** The fields of an answer a caller did not type. */
export type Fields = Record<string, Shaped>;

type GraphQLErrors = { message: string; path?: string[]; extensions?: { code?: string } }[] | undefined;

export interface GraphQLResponse<T = Fields> {
  status: number;
  headers: Headers;
  data: T | null;
  errors: GraphQLErrors;
}

export interface CallOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export type GraphQLCaller = <T = Fields>(
  query: string,
  variables?: Record<string, unknown>,
  options?: CallOptions,
) => Promise<GraphQLResponse<T>>;

/** Calls the API over real HTTP, as any outside client would. */
export function createGraphQLCaller(baseUrl: string): GraphQLCaller {
  return async <T>(query: string, variables?: Record<string, unknown>, options: CallOptions = {}): Promise<GraphQLResponse<T>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    if (/^\s*subscription\b/.test(query)) return firstOverSse<T>(baseUrl, headers, query, variables);
    const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    const body = text.startsWith('{') ? (JSON.parse(text) as { data?: T | null; errors?: GraphQLErrors }) : { data: null };
    return { status: response.status, headers: response.headers, data: body.data ?? null, errors: body.errors };
  };
}

/** The first error's code, for asserting on top-level auth errors. */
export const errorCode = (response: GraphQLResponse): string | undefined => response.errors?.[0]?.extensions?.code;

/**
 * A subscription over GraphQL-over-SSE (the transport for clients without WebSocket): its first
 * result, after which the stream is dropped.
 */
async function firstOverSse<T>(
  baseUrl: string,
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { ...headers, accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const deadline = setTimeout(() => abort.abort(), 5_000);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the event stream ended without a result: ${buffered}`);
      buffered += decoder.decode(value, { stream: true });
      const line = buffered.split('\n').find((candidate) => candidate.startsWith('data:') && candidate.length > 5);
      if (line) {
        const body = JSON.parse(line.slice(5)) as { data?: T | null; errors?: GraphQLErrors };
        return { status: response.status, headers: response.headers, data: body.data ?? null, errors: body.errors };
      }
    }
  } finally {
    clearTimeout(deadline);
    abort.abort();
  }
}
