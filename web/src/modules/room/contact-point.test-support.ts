import type { Viewer } from '../session/viewer';

/** A Thai contact point, signed in with English as the account's language, in Bangkok's time. */
export function thaiContactPoint(agency: { id: string; name: string; acronym: string; countryCode: string }): Viewer {
  return {
    id: 'VXNlcjoy',
    email: 'contact@tcd.demo',
    displayName: 'Somchai P.',
    isAdmin: false,
    mustChangePassword: false,
    locale: 'en',
    timeZone: 'Asia/Bangkok',
    agency: { ...agency, kind: 'CUSTOMS' },
  };
}
