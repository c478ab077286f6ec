// One catalogue of error codes. Typed GraphQL errors carry one of these in `code`; top-level
// errors carry the auth ones in `extensions.code`. Clients branch on codes, never on messages.
export const ERROR_CODES = {
  VALIDATION: 'VALIDATION',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PHASE_GATE: 'PHASE_GATE',
  PHASE_RULE: 'PHASE_RULE',
  IMPORT_REJECTED: 'IMPORT_REJECTED',
  IMPORT_TOO_LARGE: 'IMPORT_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  /** Signed in with a password an administrator set: only `me`, `changeMyPassword` and `logout` answer until it is changed. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  /** A person already holds as many live connections (sockets and event streams) as allowed. */
  TOO_MANY_CONNECTIONS: 'TOO_MANY_CONNECTIONS',
  /** A query over one of the server's limits; `extensions.limit` names it (depth, aliases, directives, tokens, cost, parser). */
  QUERY_LIMIT: 'QUERY_LIMIT',
  /** A query that ran longer than the request time budget: its work was abandoned. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** Too many changes in too short a time; `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A cookie-authenticated POST that is not JSON: what a page of another site could send. */
  CSRF_REFUSED: 'CSRF_REFUSED',
  /** An uploaded file over ATTACHMENT_MAX_BYTES: refused as soon as the upload passed the limit. */
  ATTACHMENT_TOO_LARGE: 'ATTACHMENT_TOO_LARGE',
  /** An uploaded file whose content is none of the kinds kept (JPEG, PNG, PDF), whatever its name says. */
  ATTACHMENT_TYPE_REFUSED: 'ATTACHMENT_TYPE_REFUSED',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
