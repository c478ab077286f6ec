import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import { SESSION_COOKIE, readCookie } from '../../http/cookies';

// A page of another site can make a browser POST a form (urlencoded, multipart or text/plain)
// with the session cookie attached, and some browsers leave out Origin when they do. It cannot
// send `application/json` without a CORS preflight, which this server never grants. So a POST
// that rides on the session cookie must be JSON, as the web app's are; callers with a Bearer
// token (which no page can make a browser attach) may use any body yoga reads.

const JSON_TYPES = new Set(['application/json', 'application/graphql-response+json']);

export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || request.headers.has('authorization')) return;
      if (!readCookie(request.headers.get('cookie'), SESSION_COOKIE)) return;
      const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (JSON_TYPES.has(mediaType)) return;
      const body = {
        errors: [
          {
            message: 'Requests signed in with the session cookie must be sent as JSON.',
            extensions: { code: ERROR_CODES.CSRF_REFUSED },
          },
        ],
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } }),
      );
    },
  };
}
