import { pino, type DestinationStream, type Logger } from 'pino';

export type { DestinationStream, Logger };

// Structured JSON on stdout: one object per line, ready for any log shipper.
//
// No line may carry what people typed. Errors are where it hides: drizzle puts the failed SQL and
// every parameter in its message and fields, PostgreSQL quotes the refused value in its own
// ("invalid input syntax for type uuid: …"), a parser quotes the text it choked on. So every error,
// wherever it sits in a line, is written as its class, its codes and its stack frames, with its
// message only when nothing in its chain of causes is one of those.

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_DEPTH = 6;

/** An error of the database or its driver: its text quotes the statement or its values. */
function isDatabaseError(error: Error): boolean {
  const fields = error as unknown as Record<string, unknown>;
  return 'query' in fields || 'params' in fields || (typeof fields.severity === 'string' && typeof fields.code === 'string');
}

/** The errors behind `error`: its cause, and the error a GraphQL error wraps. */
function causesOf(error: Error): Error[] {
  const behind = [error.cause, (error as { originalError?: unknown }).originalError];
  return behind.filter((cause): cause is Error => cause instanceof Error && cause !== error);
}

function quotesInput(error: Error, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  return isDatabaseError(error) || error instanceof SyntaxError || causesOf(error).some((cause) => quotesInput(cause, depth + 1));
}

/** Where the error was thrown, without the first line of the stack, which repeats the message. */
const framesOf = (error: Error): string | undefined =>
  error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');

export interface LoggedError {
  type: string;
  message?: string;
  code?: string;
  /** Schema names PostgreSQL gives with some errors: never values. */
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggedError;
}

/** An error as a log line may carry it. */
export function loggedError(error: Error, depth = 0): LoggedError {
  const fields = error as unknown as Record<string, unknown>;
  const name = (key: string) => (typeof fields[key] === 'string' && /^[\w.]{1,128}$/.test(fields[key]) ? fields[key] : undefined);
  const code =
    typeof fields.code === 'string' && (SQLSTATE.test(fields.code) || /^[A-Z][A-Z0-9_]{1,63}$/.test(fields.code)) ? fields.code : undefined;
  const [cause] = causesOf(error);
  return {
    type: error.constructor?.name || error.name,
    message: quotesInput(error) ? undefined : error.message,
    code,
    constraint: name('constraint'),
    table: name('table'),
    column: name('column'),
    stack: framesOf(error),
    cause: cause && depth < MAX_DEPTH ? loggedError(cause, depth + 1) : undefined,
  };
}

/** `value` with every error in it, at any depth, replaced by what a log line may carry of it. */
function scrubbed(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return loggedError(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubbed(item, depth + 1)]));
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'jointops' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: (error: unknown) => (error instanceof Error ? loggedError(error) : error) },
    formatters: { log: (line: Record<string, unknown>) => scrubbed(line) as Record<string, unknown> },
  };
  return destination ? pino(options, destination) : pino(options);
}
