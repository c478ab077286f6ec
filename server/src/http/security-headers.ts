import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../env';

// Headers that tell the browser what a response may do. Every response: no MIME sniffing, no
// referrer leaving the site (addresses carry operation ids), no framing, and HTTPS only once the
// deployment says it is on HTTPS (COOKIE_SECURE). The web app also gets a Content-Security-Policy
// that allows its own files alone: the built index.html has no inline script or style, so
// nothing injected into a page (say, through a value rendered as HTML by mistake) can run.

/** A year, as browsers' HSTS preload lists expect; only sent when the deployment is on HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function setCommonSecurityHeaders(res: ServerResponse, config: Pick<Config, 'cookieSecure'>): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  if (config.cookieSecure) res.setHeader('strict-transport-security', HSTS);
}

/**
 * The web app's policy. The live link is a WebSocket to the page's own host: `'self'` covers it
 * in current browsers, and the explicit ws:/wss: origin covers those that read `'self'` as
 * http(s) only. The host comes from the request, as the browser will connect to it.
 */
export function webAppContentSecurityPolicy(req: IncomingMessage): string {
  const host = req.headers.host && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(req.headers.host) ? req.headers.host : null;
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // The page's icon is an empty data: URL (index.html), so the browser asks for no favicon.
    "img-src 'self' data:",
    "font-src 'self'",
    // The service worker that opens the app offline (web/src/sw) is the app's own script.
    "worker-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What the GraphQL endpoint's answers carry besides the common headers: never cached, never a document. */
export function apiResponseHeaders(contentType: string | null): Record<string, string> {
  // GraphiQL (development only) is an HTML page with inline script: it keeps yoga's own headers.
  if (contentType?.startsWith('text/html')) return { 'cache-control': 'no-store' };
  return { 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" };
}
