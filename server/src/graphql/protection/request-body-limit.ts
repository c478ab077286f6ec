import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// yoga's own body limit (25 MB unless told) pipes every request's body through a TransformStream
// to count its bytes, with a stream pipeline and an AbortController of its own, even when the
// request declared its length: about 0.1 ms of the event loop per request, a sixth of a small
// query's time (reads bench, `{ me { id } }`). A declared length is checked against the limit
// before anything is read, and Node's parser then hands over exactly that many bytes as the body,
// so only a body sent without one (chunked) needs counting. yoga's limit is turned off where this
// one is registered (graphql-server.ts); the refusals are yoga's, word for word.

/** yoga's default, kept: a GraphQL request (a document and its variables) is far below it. */
export const MAX_REQUEST_BODY_BYTES = 25_000_000;

/** Only one non-negative integer is a length: anything else (a list, as in request smuggling) is refused. */
const CONTENT_LENGTH = /^\d+$/;

const tooLarge = () =>
  new GraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });

/** A request whose body is counted as it is read, and refused past `limit`. */
function counted(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body;
  if (!body) return request;
  // A native stream cannot be piped into the ponyfill's TransformStream, nor the other way round.
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytesRead = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: 'half',
  } as RequestInit);
}

/** Refuses a request body over `limit` bytes, declared or streamed; yoga's `maxRequestBodySize` must be off. */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw new GraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        }
        if (Number(declared) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser((unread) => requestParser(counted(unread, limit, fetchAPI)));
    },
  };
}
