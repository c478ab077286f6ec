import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useRequestBodyLimit } from './request-body-limit';

// The body limit on a yoga of its own with a limit of 200 bytes: a body under it is answered, one
// over it is refused 413 whether its length was declared or it came in chunks of unknown length.

const LIMIT = 200;
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { echo: { type: GraphQLString, args: { text: { type: GraphQLString } }, resolve: (_, { text }) => text } },
  }),
});
const yoga = createYoga({ schema, maxRequestBodySize: false, plugins: [useRequestBodyLimit(LIMIT)], logging: false });

const bodyOf = (textLength: number) =>
  JSON.stringify({ query: 'query($text: String) { echo(text: $text) }', variables: { text: 'x'.repeat(textLength) } });

/** The body in two chunks, with no length declared (as `Transfer-Encoding: chunked` sends it). */
function streamed(body: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(body);
  const half = Math.floor(bytes.length / 2);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, half));
      controller.enqueue(bytes.slice(half));
      controller.close();
    },
  });
}

const post = async (body: string, how: 'declared' | 'streamed', headers: Record<string, string> = {}) => {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(how === 'declared' ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
      ...headers,
    },
    body: how === 'declared' ? body : streamed(body),
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: unknown }[] } };
};

describe('the request body limit', () => {
  it.each(['declared', 'streamed'] as const)('answers a body under it (%s)', async (how) => {
    expect(bodyOf(10).length).toBeLessThan(LIMIT);
    expect(await post(bodyOf(10), how)).toMatchObject({ status: 200, body: { data: { echo: 'x'.repeat(10) } } });
  });

  it.each(['declared', 'streamed'] as const)('refuses a body over it with 413 (%s), running nothing', async (how) => {
    const refused = await post(bodyOf(LIMIT), how);
    expect(refused.status).toBe(413);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_ENTITY_TOO_LARGE' });
  });

  it('refuses a declared length that is not one number', async () => {
    const refused = await post(bodyOf(10), 'declared', { 'content-length': '10, 10' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
