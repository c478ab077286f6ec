import { pino, type Logger } from 'pino';

export type { Logger };

// Structured JSON on stdout: one object per line, ready for any log shipper.
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'jointops' }, timestamp: pino.stdTimeFunctions.isoTime });
}
