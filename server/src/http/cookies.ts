import type { Config } from '../env';

export const SESSION_COOKIE = 'jointops_session';

// httpOnly keeps the token away from page scripts; SameSite=Lax keeps it off cross-site POSTs.
const attributes = (config: Config) => `Path=/; HttpOnly; SameSite=Lax${config.cookieSecure ? '; Secure' : ''}`;

export function sessionCookie(token: string, config: Config): string {
  return `${SESSION_COOKIE}=${token}; Max-Age=${config.sessionAbsoluteTimeoutSeconds}; ${attributes(config)}`;
}

export function clearSessionCookie(config: Config): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${attributes(config)}`;
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || null;
  }
  return null;
}

/** The session token a request carries: `Authorization: Bearer` first, then the session cookie. */
export function sessionTokenFrom(headers: { authorization?: string | null; cookie?: string | null }): string | null {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? readCookie(headers.cookie, SESSION_COOKIE);
}
