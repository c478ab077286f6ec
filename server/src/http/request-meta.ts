import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The server's own id for a request. Never the client's: the audit trail's request ids are the
 * server's word, which no client can forge or make collide with the system's own (`escalator`).
 */
export const newRequestId = (): string => randomUUID();

/**
 * The id a client gave its request (`X-Request-Id`), kept beside the server's so a client's logs
 * join up with the audit trail; null unless it is 1 to 128 letters, digits and `._:-`.
 */
export function clientRequestIdOf(req: IncomingMessage): string | null {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : null;
}

/** The client's address; X-Forwarded-For is believed only behind a proxy we were told to trust. */
export function sourceAddressOf(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? null;
}

/** Requests without Origin do not come from a browser page, so there is no page to trust or distrust. */
export function originAllowed(req: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = req.headers.origin;
  return origin === undefined || allowedOrigins.includes(origin);
}
