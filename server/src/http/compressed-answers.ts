import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { acceptedEncodings } from './content-encoding';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below a packet, compression saves nothing a thin link would notice. */
const SMALLEST_WORTH_COMPRESSING = 1024;

// Fast settings: an answer is compressed as it is sent, and a middling level already takes a page
// of alerts (tens of kB of JSON) to a tenth of its size.
const brotliOptions = (body: Buffer) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
});
const COMPRESS = {
  br: { now: (body: Buffer) => brotliCompressSync(body, brotliOptions(body)), later: (body: Buffer) => brotli(body, brotliOptions(body)) },
  gzip: { now: (body: Buffer) => gzipSync(body, { level: 6 }), later: (body: Buffer) => gzipped(body, { level: 6 }) },
};

// Up to this size an answer is compressed on the event loop: a page of alerts (~13 kB) takes
// 45–70 µs there, where handing it to the thread pool cost ~500 µs of this thread's time per
// answer (zlib's stream machinery and callbacks; measured under the reads bench). Larger answers
// still go to the pool, so that one big export does not hold every other request back.
const LARGEST_COMPRESSED_IN_LINE = 256 * 1024;

/**
 * Compresses the API's JSON answers for clients that accept it: the room's first answers (a page
 * of the feed, what awaits acknowledgement) are what a contact point on a 256 kbit/s link waits
 * for after the scripts. Streams (server-sent events, incremental delivery) are left as they are,
 * as compressing them would hold events back until a block fills. Registered last, so it sends
 * every header the other plugins set.
 */
export function useCompressedAnswers(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      if (!/^application\/(?:graphql-response\+)?json\b/.test(type) || response.headers.has('content-encoding')) return;
      const [best] = acceptedEncodings(request.headers.get('accept-encoding'));
      if (!best) return;
      // yoga's answers declare their length: one too small to compress goes out as it is, neither
      // read nor rebuilt. Only an answer of undeclared length is asked for its `body`, which makes
      // a stream of a body held as text.
      const declared = response.headers.get('content-length');
      if (declared === null && !response.body) return;
      response.headers.append('vary', 'Accept-Encoding');
      if (declared !== null && Number(declared) < SMALLEST_WORTH_COMPRESSING) return;
      const body = Buffer.from(await response.arrayBuffer());
      const compress = COMPRESS[best.encoding];
      const compressed =
        body.length < SMALLEST_WORTH_COMPRESSING
          ? null
          : body.length <= LARGEST_COMPRESSED_IN_LINE
            ? compress.now(body)
            : await compress.later(body);
      const headers = response.headers;
      if (compressed) {
        headers.set('content-encoding', best.encoding);
        headers.set('content-length', String(compressed.length));
      }
      setResponse(new fetchAPI.Response(compressed ?? body, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
