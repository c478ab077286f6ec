import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { acceptedEncodings } from './content-encoding';
import { webAppContentSecurityPolicy } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Serves the built web app. Paths that name no file get index.html, so deep links into the
 * single-page app work on reload; nothing outside `root` can be reached. Every file carries the
 * app's Content-Security-Policy (the frame, referrer and nosniff headers come with every response).
 *
 * Contact points open the room over links of a few hundred kbit/s: a file goes brotli- or
 * gzip-compressed when the client accepts it and the build wrote that sibling (`.br`, `.gz`), so
 * nothing is compressed per request. The answer depends on Accept-Encoding, and caches are told so.
 */
export function createStaticHandler(root: string) {
  const base = resolve(root);
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    let path: string;
    try {
      path = normalize(join(base, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(404).end();
      return;
    }
    let file = path;
    let info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      if (extname(url.pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      file = join(base, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('The web app is not built.');
        return;
      }
    }
    const encoded = await precompressedSibling(req, file);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': encoded?.size ?? info.size,
      ...(encoded ? { 'content-encoding': encoded.encoding } : {}),
      vary: 'Accept-Encoding',
      // Vite fingerprints everything under /assets; index.html and the service worker (/sw.js, which
      // lists the build's files) must always be revalidated, or a deploy would not reach the browser.
      'cache-control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': webAppContentSecurityPolicy(req),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(encoded?.file ?? file).pipe(res);
  };
}

/** The best compressed copy of `file` the client accepts, if the build wrote one. */
async function precompressedSibling(req: IncomingMessage, file: string): Promise<{ file: string; encoding: string; size: number } | null> {
  for (const { encoding, suffix } of acceptedEncodings(req.headers['accept-encoding'])) {
    const info = await stat(file + suffix).catch(() => null);
    if (info?.isFile()) return { file: file + suffix, encoding, size: info.size };
  }
  return null;
}
