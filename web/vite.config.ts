import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { worldOutline } from './src/modules/room/panels/world-outline-plugin';
import { offlineShell } from './src/sw/offline-shell-plugin';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text the server may send compressed; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|css|json|svg|txt|map)$/;
/** Below a packet, compression saves nothing a thin link would notice. */
const SMALLEST_WORTH_COMPRESSING = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, at the
 * highest settings, once: the server sends the one the browser accepts (server/src/http/static.ts)
 * and never compresses while a contact point waits on a 256 kbit/s link.
 */
function precompress(): Plugin {
  return {
    name: 'jointops:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(dir, name);
          const content = await readFile(path);
          if (content.length < SMALLEST_WORTH_COMPRESSING) return;
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), worldOutline(), precompress(), offlineShell(precompress)],
  resolve: {
    // zod is configured as it loads (src/zod-without-eval.ts) rather than from main.tsx, which
    // would put its 37 kB (brotli) in the first chunk of every screen, the room's included.
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('src/zod-without-eval.ts', import.meta.url)) }],
  },
  build: {
    // The first chunk holds what every screen needs (React, the router, urql, react-intl).
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every screen needs before it draws, in one file rather than a dozen: a browser
          // opens six connections to a server over HTTP/1.1, so on a link with 400 ms of latency
          // each file beyond them waits for one to free up and then pays the latency again.
          groups: [{ name: 'app', tags: ['$initial'] }],
          // The small pieces the screens' chunks share (a hook, a document) go inside each of them
          // for the same reason: a few kB twice costs less than one more round trip.
          experimentalInlineCommonChunks: { maxSize: 16_000 },
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
