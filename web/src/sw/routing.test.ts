import { describe, expect, it } from 'vitest';
import { routingOf } from './routing';

// What the service worker does with each request. The API's answers (GraphQL, attachments, the
// sign-in cookies they carry) are never answered by it and so never land in its cache.

const ORIGIN = 'https://jointops.example';
const request = (path: string, { method = 'GET', mode = 'cors' as RequestMode, origin = ORIGIN } = {}) => ({
  method,
  mode,
  url: `${origin}${path}`,
});

describe('the service worker routing', () => {
  it('leaves every request to the API to the network, whatever its method or mode', () => {
    for (const path of [
      '/graphql',
      '/graphql?query=%7Bme%7Bid%7D%7D',
      '/graphql/',
      '/attachments/QXR0YWNobWVudDox',
      '/healthz',
      '/readyz',
    ]) {
      for (const mode of ['cors', 'navigate', 'same-origin'] as const) {
        for (const method of ['GET', 'POST'])
          expect(routingOf(request(path, { method, mode }), ORIGIN), `${method} ${path} (${mode})`).toBe('network');
      }
    }
  });

  it('answers the build’s files from its cache first, and navigations from the network with the shell as fallback', () => {
    expect(routingOf(request('/assets/room-page-BPJAldoe.js'), ORIGIN)).toBe('asset');
    expect(routingOf(request('/assets/web-CkLAID8T.css', { mode: 'no-cors' }), ORIGIN)).toBe('asset');
    expect(routingOf(request('/operations/OP-2026-01/room', { mode: 'navigate' }), ORIGIN)).toBe('shell');
    expect(routingOf(request('/', { mode: 'navigate' }), ORIGIN)).toBe('shell');
  });

  it('leaves writes, other sites and anything else to the network', () => {
    expect(routingOf(request('/assets/room-page-BPJAldoe.js', { method: 'POST' }), ORIGIN)).toBe('network');
    expect(routingOf(request('/assets/x.js', { origin: 'https://elsewhere.example' }), ORIGIN)).toBe('network');
    expect(routingOf(request('/operations', { mode: 'navigate', origin: 'https://elsewhere.example' }), ORIGIN)).toBe('network');
    expect(routingOf(request('/sw.js'), ORIGIN)).toBe('network');
    expect(routingOf(request('/graphqlish', { mode: 'navigate' }), ORIGIN)).toBe('shell');
  });
});
